import { ActionParseError } from "@threadkit/core";
import { CustomStreamError } from "@threadkit/server";
import { LIMITS } from "./todos/todo.js";

/** What each bounded field is called, for people, and its limit. */
const FIELDS: Record<string, { name: string; max: number }> = {
  title: { name: "A todo title", max: LIMITS.title },
  description: { name: "A description", max: LIMITS.description },
  note: { name: "A note", max: LIMITS.note },
};

/**
 * The sentence an end user sees for an action the server refused. The parser's own message
 * (action types, schema wording) is for developers: it goes to the server's log instead.
 *
 * @example
 * humanActionError(parseError); // "A todo title can have at most 120 characters."
 */
export function humanActionError(error: ActionParseError): string {
  if (error.actionType === undefined || error.issues.some((i) => i.path === "type"))
    return "That button no longer works here. Reload the page and try again.";
  for (const issue of error.issues) {
    const field = issue.path.split(".").at(-1) ?? "";
    const known = FIELDS[field];
    if (!known) continue;
    if (/too big|<=|at most/i.test(issue.message))
      return `${known.name} can have at most ${known.max} characters. Please shorten it.`;
    if (/required|too small|>=/i.test(issue.message)) return `${known.name} cannot be empty.`;
  }
  return "That did not work. Please try again.";
}

/**
 * Runs `parse`; a payload the app does not accept becomes a {@link CustomStreamError} with a
 * human message (shown by the chat), and the details go to the server's log.
 */
export function parseForPeople<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (!(error instanceof ActionParseError)) throw error;
    console.warn(`todo: refused an action: ${error.message}`);
    throw new CustomStreamError(humanActionError(error));
  }
}
