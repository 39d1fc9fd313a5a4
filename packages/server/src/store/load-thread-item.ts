import type { ThreadItem, ThreadMetadata } from "@threadkit/core";
import { itemNotFound, threadNotFound } from "./not-found.js";
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

/** What a store's one read gives: the thread's row and its item's (null when the thread lacks it). */
export interface ThreadItemRow {
  thread: string;
  item: string | null;
}

/**
 * @internal A store's {@link LOAD_THREAD_ITEM} from its one read (`read`: nothing when the thread
 * is missing or another user's), with the errors of the two calls; a store whose `loadThread` or
 * `loadItem` differs from `base`'s (a subclass overrode one) gets them called as they are.
 */
export async function loadThreadItemOnce<C>(
  store: Pick<Store<C>, "loadThread" | "loadItem">,
  base: Pick<Store<C>, "loadThread" | "loadItem">,
  threadId: string,
  itemId: string,
  context: C,
  read: () => ThreadItemRow | undefined | Promise<ThreadItemRow | undefined>,
): Promise<{ thread: ThreadMetadata; item: ThreadItem }> {
  if (store.loadThread !== base.loadThread || store.loadItem !== base.loadItem) {
    return loadThreadItemApart(store, threadId, itemId, context);
  }
  const row = await read();
  if (!row) throw threadNotFound(threadId);
  const thread = JSON.parse(row.thread) as ThreadMetadata;
  if (row.item === null) throw itemNotFound(thread.id, itemId);
  return { thread, item: JSON.parse(row.item) as ThreadItem };
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
