/**
 * How widget nodes become native controls and forms in `<threadkit-chat>`: the HTML `type` of each
 * field, which fields submit their form on Enter, which nodes open a `<form>`, and what a form's
 * submission runs. `@threadkit/testing` models the same rules.
 */

import { type FormNodeLike, props } from "./fields.js";
import type { ActionSite } from "./loading.js";

const INPUT_TYPES = new Set(["text", "number", "email", "password", "tel", "url"]);

/**
 * The HTML `type` of the control a field renders as: an Input's `inputType` when it is one ChatKit
 * knows (else `text`), `textarea`, `text` for an editable Text, `select-one`, `checkbox`, `radio`
 * (RadioGroup) and `date` (DatePicker). `undefined` for a node that is not a field.
 *
 * @example
 * ```ts
 * controlType({ type: "Input", name: "q", inputType: "search" }); // "text"
 * controlType({ type: "DatePicker", name: "due" }); // "date"
 * ```
 */
export function controlType(node: FormNodeLike): string | undefined {
  switch (node.type) {
    case "Input": {
      const inputType = props(node).inputType;
      return typeof inputType === "string" && INPUT_TYPES.has(inputType) ? inputType : "text";
    }
    case "Textarea":
      return "textarea";
    case "Text":
      return typeof props(node).editable === "object" && props(node).editable !== null
        ? "text"
        : undefined;
    case "Select":
      return "select-one";
    case "Checkbox":
      return "checkbox";
    case "RadioGroup":
      return "radio";
    case "DatePicker":
      return "date";
    default:
      return undefined;
  }
}

const SINGLE_LINE = new Set([
  "text",
  "email",
  "number",
  "password",
  "tel",
  "url",
  "search",
  "date",
]);

/**
 * Whether Enter in a control of HTML `type` submits its form (single-line fields do; a textarea,
 * checkbox, radio or select does not).
 *
 * @example
 * ```ts
 * submitsOnEnter("email"); // true
 * submitsOnEnter("textarea"); // false
 * ```
 */
export function submitsOnEnter(type: string): boolean {
  return SINGLE_LINE.has(type);
}

/**
 * Whether `node` renders as a `<form>`: a `Form`, or a `Card` with `asForm: true`, unless it is
 * already inside a form (a nested Form is a plain group whose fields belong to the outer form, and
 * whose `onSubmitAction` never runs).
 *
 * @example
 * ```ts
 * opensForm({ type: "Card", asForm: true, children: [] }, false); // true
 * opensForm({ type: "Form", children: [] }, true); // false
 * ```
 */
export function opensForm(node: FormNodeLike, inForm: boolean): boolean {
  if (inForm) return false;
  return node.type === "Form" || (node.type === "Card" && props(node).asForm === true);
}

/**
 * What submitting a form opened by `node` runs (see {@link opensForm}): a Form's `onSubmitAction`
 * at the `submit` site, a Card's `confirm.action` at the `confirm` site. The action is returned as
 * declared (it may be missing or malformed; then nothing is sent).
 *
 * @example
 * ```ts
 * formSubmission({ type: "Card", asForm: true, confirm: { label: "OK", action: { type: "ok" } } });
 * // { action: { type: "ok" }, site: "confirm" }
 * ```
 */
export function formSubmission(node: FormNodeLike): { action: unknown; site: ActionSite } {
  const p = props(node);
  if (node.type === "Card") {
    const confirm = p.confirm;
    const action =
      typeof confirm === "object" && confirm !== null && !Array.isArray(confirm)
        ? (confirm as Record<string, unknown>).action
        : undefined;
    return { action, site: "confirm" };
  }
  return { action: p.onSubmitAction, site: "submit" };
}
