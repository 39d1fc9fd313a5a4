/**
 * What the browser itself does to a control's value (HTML "value sanitization"), which the element
 * relies on and the harness must reproduce: line breaks are stripped from single-line fields, email
 * and URL values are trimmed, a number field only holds a number, a date field only a real day, and
 * a textarea's line breaks become `\n`.
 */
import { isoDate } from "@threadkit/core";

// The HTML spec's "valid floating-point number".
const FLOAT = /^-?(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][-+]?\d+)?$/;

/**
 * `value` as a control of HTML `type` holds it after the browser sanitises it.
 *
 * @example
 * ```ts
 * sanitizeValue("email", " a@b.co\n"); // "a@b.co"
 * sanitizeValue("number", "abc"); // ""
 * ```
 */
export function sanitizeValue(type: string, value: string): string {
  switch (type) {
    case "textarea":
      return value.replace(/\r\n?/g, "\n");
    case "email":
    case "url":
      return value.replace(/[\r\n]/g, "").replace(/^[\t\n\f\r ]+|[\t\n\f\r ]+$/g, "");
    case "number":
      return FLOAT.test(value) ? value : "";
    case "date":
      return isoDate(value) === value ? value : "";
    default:
      return value.replace(/[\r\n]/g, "");
  }
}

/**
 * Whether a user can type `text` into a number field (Playwright's `fill` refuses the rest, and a
 * browser would sanitise it to `""`).
 */
export function isNumberText(text: string): boolean {
  return text === "" || FLOAT.test(text.trim());
}
