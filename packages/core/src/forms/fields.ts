import type { WidgetNode } from "../widgets/index.js";
import { isoDate } from "./dates.js";

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

/** One option of a Select or RadioGroup, as the element renders it. */
export interface FieldOption {
  value: string;
  label: string;
  disabled: boolean;
}

/**
 * The options of a Select or RadioGroup as the element renders them: entries without a string or
 * number `value` are skipped, numbers become text, a missing `label` shows the value.
 *
 * @example
 * ```ts
 * fieldOptions({ type: "Select", name: "n", options: [{ value: 1 }] }); // [{ value: "1", label: "1", disabled: false }]
 * ```
 */
export function fieldOptions(node: FormNodeLike): FieldOption[] {
  const options = props(node).options;
  if (!Array.isArray(options)) return [];
  return options.flatMap((option: unknown) => {
    const o = record(option);
    if (!o) return [];
    const v = o.value;
    const value = typeof v === "string" || typeof v === "number" ? String(v) : undefined;
    if (value === undefined) return [];
    return [
      {
        value,
        label: typeof o.label === "string" ? o.label : value,
        disabled: o.disabled === true,
      },
    ];
  });
}

/**
 * The value a field starts with, as the element collects it before the user edits:
 * `defaultValue` (or `""`) for Input and Textarea, `value` for editable Text,
 * `defaultChecked === true` for Checkbox; a DatePicker's `defaultValue` day (`YYYY-MM-DD`, `""`
 * when it is not a date); a Select's `defaultValue` (without one, `""` under a placeholder, else
 * the first option) and a RadioGroup's `defaultValue`, each `""` when no option has it.
 * `undefined` for a node that is not a field.
 *
 * @example
 * ```ts
 * fieldDefaultValue({ type: "Checkbox", name: "done" }); // false
 * fieldDefaultValue({ type: "Select", name: "s", options: [{ value: "a", label: "A" }] }); // "a"
 * ```
 */
export function fieldDefaultValue(node: FormNodeLike): string | boolean | undefined {
  if (!isFormField(node)) return undefined;
  const p = props(node);
  const declared = typeof p.defaultValue === "string" ? p.defaultValue : undefined;
  switch (node.type) {
    case "Checkbox":
      return p.defaultChecked === true;
    case "Text":
      return typeof p.value === "string" ? p.value : "";
    case "DatePicker":
      return isoDate(p.defaultValue) ?? "";
    case "Select": {
      const options = fieldOptions(node);
      const placeholder = typeof p.placeholder === "string" ? p.placeholder : undefined;
      const initial = declared ?? (placeholder ? "" : (options[0]?.value ?? ""));
      // The placeholder is an option with the value "".
      const known =
        (placeholder !== undefined && initial === "") || options.some((o) => o.value === initial);
      return known ? initial : "";
    }
    case "RadioGroup":
      return fieldOptions(node).some((o) => o.value === declared) ? (declared as string) : "";
    default:
      return declared ?? "";
  }
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
