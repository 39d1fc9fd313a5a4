import type { WidgetNode } from "../widgets/index.js";

/**
 * What the form helpers accept: a typed `WidgetNode`, or any object with a string `type` (raw JSON
 * from a payload or a template). The helpers read the other props defensively.
 */
export type FormNodeLike = WidgetNode | { readonly type: string; readonly [prop: string]: unknown };

/** The node's props, for defensive reading. */
export function props(node: FormNodeLike): Readonly<Record<string, unknown>> {
  return node as unknown as Readonly<Record<string, unknown>>;
}

/** The widget types whose `name` prop makes them form fields (editable `Text` is the sixth kind). */
export const FORM_FIELD_TYPES = [
  "Input",
  "Textarea",
  "Select",
  "Checkbox",
  "RadioGroup",
  "DatePicker",
] as const;

const NAMED_FIELDS: ReadonlySet<string> = new Set(FORM_FIELD_TYPES);

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/**
 * The name a form field's value is collected under, or `undefined` when the node is not a field:
 * `name` for Input, Textarea, Select, Checkbox, RadioGroup and DatePicker; `editable.name` for an
 * editable Text.
 *
 * @example
 * ```ts
 * fieldName({ type: "Text", value: "Hi", editable: { name: "todo.title" } }); // "todo.title"
 * fieldName({ type: "Button", label: "Go" }); // undefined
 * ```
 */
export function fieldName(node: FormNodeLike): string | undefined {
  const p = props(node);
  if (NAMED_FIELDS.has(node.type)) return typeof p.name === "string" ? p.name : undefined;
  if (node.type === "Text") {
    const editable = record(p.editable);
    return editable && typeof editable.name === "string" ? editable.name : undefined;
  }
  return undefined;
}

/**
 * Whether a node is a form field that contributes a value (see {@link fieldName}).
 *
 * @example
 * ```ts
 * isFormField({ type: "Input", name: "email" }); // true
 * isFormField({ type: "Text", value: "Read only" }); // false
 * ```
 */
export function isFormField(node: FormNodeLike): boolean {
  return fieldName(node) !== undefined;
}

/**
 * The value a field starts with, as the client collects it before the user edits: `defaultValue`
 * (or `""`) for Input, Textarea, Select, RadioGroup and DatePicker, `defaultChecked === true` for
 * Checkbox, `value` for editable Text. `undefined` for a node that is not a field.
 *
 * @example
 * ```ts
 * fieldDefaultValue({ type: "Checkbox", name: "done" }); // false
 * ```
 */
export function fieldDefaultValue(node: FormNodeLike): string | boolean | undefined {
  if (!isFormField(node)) return undefined;
  const p = props(node);
  if (node.type === "Checkbox") return p.defaultChecked === true;
  if (node.type === "Text") return typeof p.value === "string" ? p.value : "";
  return typeof p.defaultValue === "string" ? p.defaultValue : "";
}

/**
 * Every form field under `node` (itself included), depth first in document order, following
 * `children` (arrays or a single node, as in `Transition`).
 *
 * @example
 * ```ts
 * formFields(form).map(fieldName); // ["title", "description"]
 * ```
 */
export function formFields(node: FormNodeLike): FormNodeLike[] {
  const found: FormNodeLike[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const child of value) visit(child);
      return;
    }
    const current = record(value);
    if (!current || typeof current.type !== "string") return;
    const typed = current as unknown as FormNodeLike;
    if (isFormField(typed)) found.push(typed);
    visit(current.children);
  };
  visit(node);
  return found;
}
