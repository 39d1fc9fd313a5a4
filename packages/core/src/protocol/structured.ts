import { z } from "zod";

/**
 * The answer recorded for one structured input (`values` defaults to `[]`, `skipped` to `false`).
 * @example StructuredInputAnswer.parse({ values: ["Math"], skipped: false });
 */
export const StructuredInputAnswer = z.object({
  values: z.array(z.string()).default(() => []),
  skipped: z.boolean().default(false),
});
/** @example const a: StructuredInputAnswer = { values: [], skipped: true }; */
export type StructuredInputAnswer = z.infer<typeof StructuredInputAnswer>;

/**
 * One choice of a multiple-choice question. Extra keys (such as a label) are kept.
 * @example StructuredInputOption.parse({ value: "Math" });
 */
export const StructuredInputOption = z.looseObject({ value: z.string() });
/** @example const o: StructuredInputOption = { value: "Math" }; */
export type StructuredInputOption = z.infer<typeof StructuredInputOption>;

const StructuredInputBase = z.object({
  id: z.string(),
  question: z.string(),
  answer: StructuredInputAnswer.nullish(),
});

/**
 * A multiple-choice question (`multiple` defaults to `false`: a single answer).
 * @example MultipleChoiceInput.parse({ type: "multiple_choice", id: "q1", question: "Subject?", options: [{ value: "Math" }] });
 */
export const MultipleChoiceInput = StructuredInputBase.extend({
  type: z.literal("multiple_choice"),
  options: z.array(StructuredInputOption),
  multiple: z.boolean().default(false),
});
/** @example const q: MultipleChoiceInput = { type: "multiple_choice", id: "q", question: "?", options: [], multiple: false }; */
export type MultipleChoiceInput = z.infer<typeof MultipleChoiceInput>;

/**
 * A free-text question.
 * @example FreeformInput.parse({ type: "freeform", id: "q2", question: "Anything else?" });
 */
export const FreeformInput = StructuredInputBase.extend({
  type: z.literal("freeform"),
  description: z.string().nullish(),
});
/** @example const q: FreeformInput = { type: "freeform", id: "q", question: "Why?" }; */
export type FreeformInput = z.infer<typeof FreeformInput>;

/**
 * A question asked of the user inside a `structured_input` item, discriminated by `type`.
 * @example StructuredInput.parse({ type: "freeform", id: "q2", question: "Anything else?" });
 */
export const StructuredInput = z.discriminatedUnion("type", [MultipleChoiceInput, FreeformInput]);
/** @example const q: StructuredInput = { type: "freeform", id: "q", question: "Why?" }; */
export type StructuredInput = z.infer<typeof StructuredInput>;

/**
 * The user's answers to a `structured_input` item (`threads.add_structured_input`), keyed by input
 * id. `status` defaults to `"answered"`.
 * @example StructuredInputSubmission.parse({ status: "answered", answers: { q1: { values: ["Math"] } } });
 */
export const StructuredInputSubmission = z.object({
  status: z.enum(["answered", "skipped"]).default("answered"),
  answers: z.record(z.string(), StructuredInputAnswer).default(() => ({})),
});
/** @example const s: StructuredInputSubmission = { status: "skipped", answers: {} }; */
export type StructuredInputSubmission = z.infer<typeof StructuredInputSubmission>;
/**
 * A submission as a client may send it (defaults left out).
 * @example const s: StructuredInputSubmissionInput = { answers: { q1: { values: ["Math"] } } };
 */
export type StructuredInputSubmissionInput = z.input<typeof StructuredInputSubmission>;
