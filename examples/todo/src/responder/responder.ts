import type { ThreadMetadata, ThreadStreamEvent, UserMessageItem } from "@threadkit/core";
import type { RequestContext } from "../context.js";

/** One turn to answer: a new user message (`input`), or `null` after a widget action. */
export interface ResponderTurn {
  thread: ThreadMetadata;
  input: UserMessageItem | null;
  context: RequestContext;
  signal: AbortSignal;
}

/**
 * Whatever writes the assistant's side of a turn: the offline responder (the default), or the
 * Agents SDK agent when `OPENAI_API_KEY` is set. Both read the same thread (including the
 * hidden `<USER_ACTION>` items) and work on the same todo store.
 */
export interface Responder {
  /** A short name for logs ("offline", "agent"). */
  readonly name: string;
  respond(turn: ResponderTurn): AsyncIterable<ThreadStreamEvent>;
}

/** The plain text of a user message (text parts joined). */
export function messageText(input: UserMessageItem): string {
  return input.content
    .map((part) => (part.type === "input_text" ? part.text : ""))
    .join("")
    .trim();
}
