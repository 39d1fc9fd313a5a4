import type { StructuredInputItem, StructuredInputSubmission } from "@threadkit/core";
/**
 * Applies a submission to a copy of a structured input item (ChatKit's rules): an input is
 * skipped when the submission is skipped or its answer is missing, skipped or empty; a
 * single-choice input keeps only the first value; unknown answer ids are ignored.
 *
 * @example
 * const answered = applyStructuredInput(item, { status: "answered", answers: { q1: { values: ["Math"], skipped: false } } });
 */
export declare function applyStructuredInput(item: StructuredInputItem, submission: StructuredInputSubmission): StructuredInputItem;
//# sourceMappingURL=structured-input.d.ts.map