import { ActionParseError } from "@threadkit/core";
import { CustomStreamError, FieldErrors } from "@threadkit/server";
import { LIMITS } from "./todos/todo.js";

/** What each bounded field is called, for people, and its limit. */
const FIELDS: Record<string, { name: string; max: number }> = {
  title: { name: "A todo title", max: LIMITS.title },
  description: { name: "A description", max: LIMITS.description },
  note: { name: "A note", max: LIMITS.note },
};

/** A sentence for one refused field (`issue` is the parser's wording), or null. */
function fieldSentence(field: string, issue: string): string | null {
  const known = FIELDS[field];
  if (!known) return null;
  if (/too big|<=|at most/i.test(issue))
    return `${known.name} can have at most ${known.max} characters. Please shorten it.`;
  if (/required|too small|>=/i.test(issue)) return `${known.name} cannot be empty.`;
  return null;
}

/**
 * The sentence an end user sees for an action the server refused. The parser's own message
 * (action types, schema wording) is for developers: it goes to the server's log instead.
 *
 * @example
 * humanActionError(parseError); // "A todo title can have at most 120 characters. Please shorten it."
 */
export function humanActionError(error: ActionParseError): string {
  if (error.actionType === undefined || error.issues.some((i) => i.path === "type"))
    return "That button no longer works here. Reload the page and try again.";
  for (const issue of error.issues) {
    const sentence = fieldSentence(issue.path.split(".").at(-1) ?? "", issue.message);
    if (sentence) return sentence;
  }
  return "That did not work. Please try again.";
}

/**
 * Runs `parse`; a payload the app does not accept never reaches the user as parser text. A value
 * of a form field (`payload.title`, `payload.todo.title`) becomes a field error under that field;
 * anything else a {@link CustomStreamError} with a human sentence. The details go to the log.
 */
export function parseForPeople<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (!(error instanceof ActionParseError)) throw error;
    console.warn(`todo: refused an action: ${error.message}`);
    const fields: Record<string, string> = {};
    for (const issue of error.issues) {
      const name = issue.path.replace(/^payload\./, "");
      const sentence = fieldSentence(name.split(".").at(-1) ?? "", issue.message);
      if (sentence && issue.path.startsWith("payload.")) fields[name] = sentence;
    }
    if (Object.keys(fields).length === error.issues.length) throw new FieldErrors(fields);
    throw new CustomStreamError(humanActionError(error));
  }
}
