import { isoDate } from "./dates.js";
import { type FormNodeLike, fieldName, formFields, props } from "./fields.js";
import { type FieldError, validateField } from "./validate.js";

/**
 * Why a submitted value is refused by {@link checkFieldValue}: HTML's `required` and `pattern`
 * ({@link FieldError}), or a value the control could not have produced: the wrong kind (`type`),
 * not a number / e-mail / URL for that Input type (`format`), not one of a Select's or RadioGroup's
 * options (`option`), a date outside a DatePicker's `min` / `max` (`range`).
 */
export interface FieldValueError {
  code: FieldError["code"] | "type" | "format" | "option" | "range";
  /** A sentence for the person filling the form (Chromium's wording where it has one). */
  message: string;
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

// HTML's "valid floating-point number" and "valid e-mail address" (the spec's own definitions).
const NUMBER = /^-?(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const EMAIL =
  /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

// Core builds without DOM or Node types; every runtime it runs on has the WHATWG URL parser.
const UrlParser = (globalThis as unknown as { URL: new (text: string) => unknown }).URL;

/** HTML's `type="url"` check: the text parses as an absolute URL. */
function isUrl(text: string): boolean {
  try {
    new UrlParser(text);
    return true;
  } catch {
    return false;
  }
}

/** The option values of a Select or RadioGroup, as the element renders them (numbers as text). */
function optionValues(node: FormNodeLike): Set<string> {
  const options = props(node).options;
  const values = new Set<string>();
  if (!Array.isArray(options)) return values;
  for (const option of options) {
    const value = record(option)?.value;
    if (typeof value === "string" || typeof value === "number") values.add(String(value));
  }
  return values;
}

/** The kind and format checks: a value the rendered control could have produced. */
function checkShape(node: FormNodeLike, value: unknown): FieldValueError | null {
  if (value === undefined) return null;
  const p = props(node);
  if (node.type === "Checkbox") {
    return typeof value === "boolean" ? null : { code: "type", message: "Expected true or false." };
  }
  if (typeof value !== "string") return { code: "type", message: "Expected text." };
  if (value === "") return null;
  switch (node.type) {
    case "Input": {
      const inputType = typeof p.inputType === "string" ? p.inputType : "text";
      if (inputType === "number" && !NUMBER.test(value)) {
        return { code: "format", message: "Please enter a number." };
      }
      if (inputType === "email" && !EMAIL.test(value)) {
        return { code: "format", message: "Please enter an email address." };
      }
      if (inputType === "url" && !isUrl(value)) {
        return { code: "format", message: "Please enter a URL." };
      }
      return null;
    }
    case "Select":
    case "RadioGroup":
      return optionValues(node).has(value)
        ? null
        : { code: "option", message: "Please select one of the listed options." };
    case "DatePicker": {
      if (!DATE.test(value) || isoDate(value) === undefined) {
        return { code: "format", message: "Please enter a valid date." };
      }
      const min = isoDate(p.min);
      const max = isoDate(p.max);
      if (min !== undefined && value < min) {
        return { code: "range", message: `Value must be ${min} or later.` };
      }
      if (max !== undefined && value > max) {
        return { code: "range", message: `Value must be ${max} or earlier.` };
      }
      return null;
    }
    default:
      return null;
  }
}

/**
 * Checks one submitted value against everything its control enforces: {@link validateField}'s
 * `required` and `pattern`, plus the value's kind (a boolean for Checkbox, text for the others),
 * the Input type's format (number, email, url), a Select's or RadioGroup's options and a
 * DatePicker's `YYYY-MM-DD` format and `min` / `max`. A disabled field is never checked (the
 * element does not send it). Uses the field's `errorMessage` prop, when set, as the message of a
 * refused value. `null` when the value is acceptable.
 *
 * @example
 * ```ts
 * checkFieldValue({ type: "Select", name: "size", options: [{ value: "s", label: "S" }] }, "xl");
 * // { code: "option", message: "Please select one of the listed options." }
 * ```
 */
export function checkFieldValue(node: FormNodeLike, value: unknown): FieldValueError | null {
  const p = props(node);
  const disabled =
    node.type === "Text" ? record(p.editable)?.disabled === true : p.disabled === true;
  if (disabled) return null;
  const error = checkShape(node, value) ?? validateField(node, value);
  if (!error) return null;
  const custom = node.type === "Text" ? record(p.editable)?.errorMessage : p.errorMessage;
  return typeof custom === "string" && custom !== "" ? { ...error, message: custom } : error;
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
 * Re-checks a submitted payload against every field of `form` with {@link checkFieldValue}.
 * Returns `{ "<field name>": "<message>" }` for the refused fields, in document order (empty when
 * the payload is acceptable). A name is reported once (its first field). Names for which `skip`
 * returns true are not checked (e.g. fields whose value the static payload overrides).
 *
 * @example
 * ```ts
 * checkFormValues(form, { title: "" }); // { title: "Please fill out this field." }
 * ```
 */
export function checkFormValues(
  form: FormNodeLike,
  payload: unknown,
  skip: (name: string) => boolean = () => false,
): Record<string, string> {
  const errors: Record<string, string> = {};
  const seen = new Set<string>();
  for (const field of formFields(form)) {
    const name = fieldName(field);
    if (name === undefined || seen.has(name) || skip(name)) continue;
    seen.add(name);
    const error = checkFieldValue(field, readPath(payload, name));
    if (error) errors[name] = error.message;
  }
  return errors;
}
