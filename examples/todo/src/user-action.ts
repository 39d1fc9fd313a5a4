import type { HiddenContextItem, ThreadItem, ThreadMetadata } from "@threadkit/core";
import type { Store } from "@threadkit/server";

const TAG = /<USER_ACTION(?:\s+type="([\w.]+)")?>([\s\S]*?)<\/USER_ACTION>/;

/** What the user did with a widget, as recorded in a hidden context item. */
export interface UserAction {
  /** The action's type, e.g. `todo.complete`. */
  type: string;
  /** One sentence for the model, e.g. `The user marked “Buy milk” as done.` */
  text: string;
}

/** The hidden context text for `action`: `<USER_ACTION type="…">…</USER_ACTION>`. */
export function userActionText(action: UserAction): string {
  return `<USER_ACTION type="${action.type}">${action.text}</USER_ACTION>`;
}

/** Reads a `<USER_ACTION>` back from a hidden context item, or null for anything else. */
export function readUserAction(item: ThreadItem): UserAction | null {
  if (item.type !== "hidden_context_item" || typeof item.content !== "string") return null;
  const match = TAG.exec(item.content);
  if (!match) return null;
  return { type: match[1] ?? "", text: (match[2] ?? "").trim() };
}

/**
 * Records what the user did as a `HiddenContextItem` (the seed's `<USER_ACTION>` note), so that
 * the responder — the offline one or a model — can answer about it.
 */
export async function recordUserAction<TContext>(
  store: Store<TContext>,
  thread: ThreadMetadata,
  action: UserAction,
  context: TContext,
): Promise<void> {
  const item: HiddenContextItem = {
    type: "hidden_context_item",
    id: store.generateItemId("message", thread, context),
    thread_id: thread.id,
    created_at: new Date().toISOString(),
    content: userActionText(action),
  };
  await store.addThreadItem(thread.id, item, context);
}
