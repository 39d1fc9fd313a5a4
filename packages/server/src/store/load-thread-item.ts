import type { ThreadItem, ThreadMetadata } from "@threadkit/core";
import type { Store } from "./types.js";

/**
 * @internal A store's one-read form of `loadThread` then `loadItem` (SQLiteStore and
 * PostgresStore have it): same results and errors as the two calls.
 */
export const LOAD_THREAD_ITEM: unique symbol = Symbol("loadThreadItem");

type ThreadItemLoader<C> = {
  [LOAD_THREAD_ITEM](
    threadId: string,
    itemId: string,
    context: C,
  ): Promise<{ thread: ThreadMetadata; item: ThreadItem }>;
};

/** The general form: the thread (404 when missing or foreign), then its item (404 when missing). */
export async function loadThreadItemApart<C>(
  store: Pick<Store<C>, "loadThread" | "loadItem">,
  threadId: string,
  itemId: string,
  context: C,
): Promise<{ thread: ThreadMetadata; item: ThreadItem }> {
  const thread = await store.loadThread(threadId, context);
  return { thread, item: await store.loadItem(thread.id, itemId, context) };
}

/**
 * An action's thread and sender item: the store's one-read form when it has one, else
 * {@link loadThreadItemApart}.
 */
export function loadThreadItem<C>(
  store: Store<C>,
  threadId: string,
  itemId: string,
  context: C,
): Promise<{ thread: ThreadMetadata; item: ThreadItem }> {
  const loader = (store as Partial<ThreadItemLoader<C>>)[LOAD_THREAD_ITEM];
  return loader
    ? loader.call(store, threadId, itemId, context)
    : loadThreadItemApart(store, threadId, itemId, context);
}

/** An action's thread and its sender item (null when the action names none). */
export async function loadActionTarget<C>(
  store: Store<C>,
  threadId: string,
  itemId: string | null | undefined,
  context: C,
): Promise<{ thread: ThreadMetadata; sender: ThreadItem | null }> {
  if (!itemId) return { thread: await store.loadThread(threadId, context), sender: null };
  const { thread, item } = await loadThreadItem(store, threadId, itemId, context);
  return { thread, sender: item };
}
