import {
  toThreadResponse as coreThreadResponse,
  type Page,
  type Thread,
  type ThreadItem,
  type ThreadMetadata,
} from "@threadkit/core";

/**
 * The `Thread` the server sends (ChatKit's `_to_thread_response`, from core): `metadata` is
 * always `{}`, hidden items are filtered out, and `items` is `items` or the empty page.
 *
 * @example
 * toThreadResponse(thread); // { id, created_at, status, metadata: {}, items: { data: [], has_more: false } }
 */
export function toThreadResponse(thread: ThreadMetadata, items?: Page<ThreadItem>): Thread {
  return coreThreadResponse(items ? ({ ...thread, items } as Thread) : thread);
}

/**
 * The thread's metadata only (drops `items` if a full `Thread` was given), for `saveThread`.
 *
 * @example
 * await store.saveThread(metadataOf(thread), ctx);
 */
export function metadataOf(thread: ThreadMetadata | Thread): ThreadMetadata {
  const { items: _items, ...metadata } = thread as Thread;
  return metadata as ThreadMetadata;
}
