import { type FormNodeLike, fieldName, formFields, props } from "./fields.js";

/** Why a field is invalid: `required` (HTML "valueMissing") or `pattern` ("patternMismatch"). */
export interface FieldError {
  code: "required" | "pattern";
  /** The message Chromium shows, e.g. "Please fill out this field.". */
  message: string;
}

/** The constraints of a field as HTML would apply them. */
interface Constraints {
  required: boolean;
  pattern: string | undefined;
  disabled: boolean;
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

// Input types whose `pattern` HTML applies (it is ignored for number, date, checkbox, ...).
const PATTERN_INPUT_TYPES = new Set(["text", "search", "url", "tel", "email", "password"]);

function constraints(node: FormNodeLike): Constraints | undefined {
  const p = props(node);
  const disabled = p.disabled === true;
  const pattern = typeof p.pattern === "string" ? p.pattern : undefined;
  switch (node.type) {
    case "Input": {
      const inputType = typeof p.inputType === "string" ? p.inputType : "text";
      return {
        required: p.required === true,
        pattern: PATTERN_INPUT_TYPES.has(inputType) ? pattern : undefined,
        disabled,
      };
    }
    case "Textarea":
      return { required: p.required === true, pattern, disabled };
    case "Text": {
      const editable = record(p.editable);
      if (!editable || typeof editable.name !== "string") return undefined;
      return {
        required: editable.required === true,
        pattern: typeof editable.pattern === "string" ? editable.pattern : undefined,
        disabled: editable.disabled === true,
      };
    }
    case "Select":
    case "Checkbox":
    case "RadioGroup":
    case "DatePicker":
      return { required: p.required === true, pattern: undefined, disabled };
    default:
      return undefined;
  }
}

// Held in a `string` so tsc accepts it: the compile target (ES2022) predates the `v` flag.
const V_FLAG: string = "v";
const supportsV = (() => {
  try {
    new RegExp("", V_FLAG);
    return true;
  } catch {
    return false;
  }
})();

const patternCache = new Map<string, RegExp | null>();

/**
 * Compiles an HTML `pattern` as browsers do (HTML spec "compiling a pattern attribute"): the pattern
 * must compile on its own, then `^(?:pattern)$` is compiled, both with the `v` flag (the `u` flag on
 * engines without `v`). Returns `null` for a pattern that does not compile, which HTML ignores.
 *
 * @example
 * ```ts
 * compilePattern("[a-z]+")?.test("abc"); // true
 * compilePattern("(")  ; // null
 * ```
 */
export function compilePattern(pattern: string): RegExp | null {
  const cached = patternCache.get(pattern);
  if (cached !== undefined) return cached;
  let compiled: RegExp | null;
  try {
    const flags = supportsV ? V_FLAG : "u";
    // As the HTML spec does: the pattern must compile on its own first, so that a pattern such as
    // "a)|(b" cannot break out of the anchoring group.
    new RegExp(pattern, flags);
    compiled = new RegExp(`^(?:${pattern})$`, flags);
  } catch {
    compiled = null;
  }
  if (patternCache.size > 500) patternCache.clear();
  patternCache.set(pattern, compiled);
  return compiled;
}

function messageForMissing(type: string): string {
  switch (type) {
    case "Checkbox":
      return "Please check this box if you want to proceed.";
    case "RadioGroup":
      return "Please select one of these options.";
    case "Select":
      return "Please select an item in the list.";
    default:
      return "Please fill out this field.";
  }
}

/**
 * Checks a field's value against its `required` and `pattern` exactly as HTML constraint validation
 * does, so the server can re-check what the browser checked:
 *
 * - `pattern` must match the **whole** value (compiled as `^(?:pattern)$` with the `v` flag); an
 *   invalid pattern is ignored; it is not applied to an empty value, and only on Input types that
 *   support it (text, search, url, tel, email, password) and on Textarea and editable Text
 *   (ChatKit declares it there even though an HTML `<textarea>` would ignore it).
 * - `required` fails on an empty value (`undefined`, `null`, `""`); a required Checkbox needs `true`.
 *   Select has no `required` in ChatKit, but one present is honoured.
 * - An empty optional field is valid. A disabled field is never validated (HTML bars it).
 * - Editable Text reads `editable.required` / `editable.pattern`.
 * - A node that is not a form field is always valid.
 *
 * Non-string values (from an untrusted payload) are compared as text when they are numbers or
 * booleans; any other value fails a pattern.
 *
 * @returns `null` when valid, else `{ code, message }` with Chromium's message.
 * @example
 * ```ts
 * validateField({ type: "Input", name: "zip", pattern: "[0-9]{5}" }, "1234");
 * // { code: "pattern", message: "Please match the requested format." }
 * validateField({ type: "Input", name: "zip", pattern: "[0-9]{5}" }, ""); // null
 * ```
 */
export function validateField(node: FormNodeLike, value: unknown): FieldError | null {
  const rules = constraints(node);
  if (!rules || rules.disabled) return null;
  if (node.type === "Checkbox") {
    const checked = value === true;
    return rules.required && !checked
      ? { code: "required", message: messageForMissing(node.type) }
      : null;
  }
  const empty = value === undefined || value === null || value === "";
  if (empty) {
    return rules.required ? { code: "required", message: messageForMissing(node.type) } : null;
  }
  if (rules.pattern === undefined) return null;
  const regex = compilePattern(rules.pattern);
  if (regex === null) return null;
  const text =
    typeof value === "string"
      ? value
      : typeof value === "number" || typeof value === "boolean"
        ? String(value)
        : undefined;
  if (text !== undefined && regex.test(text)) return null;
  return { code: "pattern", message: "Please match the requested format." };
}

/** One invalid field found by {@link validateFormPayload}. */
export interface FormFieldError extends FieldError {
  /** The field's name (its dotted payload path). */
  name: string;
}

function readPath(payload: unknown, name: string): unknown {
  let current: unknown = payload;
  for (const segment of name.split(".")) {
    const container = record(current);
    if (!container || !Object.hasOwn(container, segment)) return undefined;
    current = container[segment];
  }
  return current;
}

/**
 * Re-checks a submitted payload against every field under `node` (a Form, a Card with `asForm`, or
 * any subtree): each field's value is read at its dotted name and passed to {@link validateField}.
 * Returns the invalid fields, in document order (empty when the payload is valid).
 *
 * @example
 * ```ts
 * validateFormPayload(form, action.payload); // [{ name: "title", code: "required", message: "..." }]
 * ```
 */
export function validateFormPayload(node: FormNodeLike, payload: unknown): FormFieldError[] {
  const errors: FormFieldError[] = [];
  for (const field of formFields(node)) {
    const name = fieldName(field);
    if (name === undefined) continue;
    const error = validateField(field, readPath(payload, name));
    if (error) errors.push({ name, ...error });
  }
  return errors;
}
