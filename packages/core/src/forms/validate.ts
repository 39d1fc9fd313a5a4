import { controlType } from "./controls.js";
import { isoDate } from "./dates.js";
import { type FormNodeLike, fieldName, formFields, props } from "./fields.js";

/**
 * Why a field is invalid, named after the HTML validity state that fails: `required`
 * ("valueMissing"), `type` ("typeMismatch": not an email address, URL, number or date), `pattern`
 * ("patternMismatch"), `min` / `max` ("rangeUnderflow" / "rangeOverflow": a DatePicker's bounds) or
 * `step` ("stepMismatch": a number Input takes whole numbers only).
 */
export type FieldRule = "required" | "type" | "pattern" | "min" | "max" | "step";

/** Why a field is invalid: its {@link FieldRule} and a message like the one Chromium shows. */
export interface FieldError {
  code: FieldRule;
  /** The message Chromium shows, e.g. "Please fill out this field.". */
  message: string;
}

/** The constraints of a field as HTML would apply them. */
interface Constraints {
  required: boolean;
  pattern: string | undefined;
  disabled: boolean;
  /** The HTML type of the rendered control (see `controlType`). */
  type: string;
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
  const type = controlType(node) ?? "";
  switch (node.type) {
    case "Input":
      return {
        required: p.required === true,
        pattern: PATTERN_INPUT_TYPES.has(type) ? pattern : undefined,
        disabled,
        type,
      };
    case "Textarea":
      return { required: p.required === true, pattern, disabled, type };
    case "Text": {
      const editable = record(p.editable);
      if (!editable || typeof editable.name !== "string") return undefined;
      return {
        required: editable.required === true,
        pattern: typeof editable.pattern === "string" ? editable.pattern : undefined,
        disabled: editable.disabled === true,
        type,
      };
    }
    case "Select":
    case "Checkbox":
    case "RadioGroup":
    case "DatePicker":
      return { required: p.required === true, pattern: undefined, disabled, type };
    default:
      return undefined;
  }
}

// The HTML spec's "valid email address" (what Chromium checks for ASCII addresses).
const EMAIL =
  /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;
// The HTML spec's "valid floating-point number".
const FLOAT = /^-?(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][-+]?\d+)?$/;

// The platform's URL parser (browsers and Node have it; core's lib declares neither).
declare const URL: new (url: string) => unknown;

function isAbsoluteUrl(text: string): boolean {
  try {
    new URL(text);
    return true;
  } catch {
    return false;
  }
}

function typeError(type: string, text: string): FieldError | null {
  if (type === "email" && !EMAIL.test(text)) {
    return { code: "type", message: "Please enter an email address." };
  }
  if (type === "url" && !isAbsoluteUrl(text)) {
    return { code: "type", message: "Please enter a URL." };
  }
  if (type === "number" && !FLOAT.test(text)) {
    return { code: "type", message: "Please enter a number." };
  }
  if (type === "date" && isoDate(text) === undefined) {
    return { code: "type", message: "Please enter a valid date." };
  }
  return null;
}

function rangeError(node: FormNodeLike, type: string, text: string): FieldError | null {
  if (type === "number") {
    // No `step` attribute: the default step of 1 from 0, so only whole numbers are valid.
    return Number.isInteger(Number(text))
      ? null
      : { code: "step", message: "Please enter a valid value." };
  }
  if (type !== "date") return null;
  const day = text.slice(0, 10);
  const min = isoDate(props(node).min);
  const max = isoDate(props(node).max);
  if (min !== undefined && day < min) {
    return { code: "min", message: `Value must be ${min} or later.` };
  }
  if (max !== undefined && day > max) {
    return { code: "max", message: `Value must be ${max} or earlier.` };
  }
  return null;
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
 * Checks a field's value against its constraints exactly as HTML constraint validation does, so the
 * server can re-check what the browser checked and `@threadkit/testing` can predict what the browser
 * blocks. Rules are checked in Chromium's order: `required`, `type`, `pattern`, `min`, `max`, `step`.
 *
 * - `type`: an email Input needs a valid email address, a url Input an absolute URL, a number Input a
 *   number, a DatePicker a real `YYYY-MM-DD` day (a longer ISO date-time is read by its date).
 * - `min` / `max`: a DatePicker's value must lie within its `min` and `max` days (each ignored when
 *   it is not a date). `step`: a number Input accepts whole numbers only (HTML's default step).
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
  const text =
    typeof value === "string"
      ? value
      : typeof value === "number" || typeof value === "boolean"
        ? String(value)
        : undefined;
  if (text === undefined) {
    return rules.pattern === undefined && !TYPED.has(rules.type)
      ? null
      : {
          code: TYPED.has(rules.type) ? "type" : "pattern",
          message: "Please match the requested format.",
        };
  }
  const mismatch = typeError(rules.type, text);
  if (mismatch) return mismatch;
  if (rules.pattern !== undefined) {
    const regex = compilePattern(rules.pattern);
    if (regex !== null && !regex.test(text)) {
      return { code: "pattern", message: "Please match the requested format." };
    }
  }
  return rangeError(node, rules.type, text);
}

// Control types whose value must have a given form (typeError).
const TYPED = new Set(["email", "url", "number", "date"]);

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
