import { clone } from "../util.js";
/**
 * Applies a submission to a copy of a structured input item (ChatKit's rules): an input is
 * skipped when the submission is skipped or its answer is missing, skipped or empty; a
 * single-choice input keeps only the first value; unknown answer ids are ignored.
 *
 * @example
 * const answered = applyStructuredInput(item, { status: "answered", answers: { q1: { values: ["Math"], skipped: false } } });
 */
export function applyStructuredInput(item, submission) {
    const updated = clone(item);
    const status = submission.status ?? "answered";
    const answers = (submission.answers ?? {});
    const known = new Set(updated.inputs.map((input) => input.id));
    const unknown = Object.keys(answers).filter((id) => !known.has(id));
    if (unknown.length > 0) {
        console.warn(`[threadkit] structured input ${item.id}: ${unknown.length} unknown answer id(s)`);
    }
    for (const input of updated.inputs) {
        const answer = answers[input.id];
        const values = answer?.values ?? [];
        if (status === "skipped" || !answer || answer.skipped || values.length === 0) {
            input.answer = { values: [], skipped: true };
            continue;
        }
        const single = input.type === "multiple_choice" && !input.multiple;
        input.answer = { values: single ? values.slice(0, 1) : [...values], skipped: false };
    }
    updated.status = status;
    return updated;
}
//# sourceMappingURL=structured-input.js.map