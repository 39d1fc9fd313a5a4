/**
 * The page's side of the app's actions. The definitions live in `../actions.ts`; the page uses
 * only their types (`InferAction`), so the shapes are checked at compile time without shipping
 * zod to the browser. The server parses everything the page sends anyway.
 * @module
 */
import type { InferAction } from "@threadkit/core";
import type { ClearCompleted, SaveNote, ShowDetails } from "../actions.js";

/** The client-handled "Details" action, or null for any other action. */
export function detailsAction(action: {
  type: string;
  payload?: Record<string, unknown>;
}): InferAction<typeof ShowDetails> | null {
  const id = action.payload?.id;
  if (action.type !== "todo.details" || typeof id !== "string") return null;
  return { type: "todo.details", payload: { id } };
}

/** The "Save note" action the dialog sends with `chat.sendAction`. */
export function noteAction(id: string, note: string): InferAction<typeof SaveNote> {
  return { type: "todo.note", payload: { id, note } };
}

/** The host page's "Clear completed" action. */
export function clearCompletedAction(): InferAction<typeof ClearCompleted> {
  return { type: "todo.clear_completed", payload: null };
}
