import { toThreadResponse as coreThreadResponse, } from "@threadkit/core";
/**
 * The `Thread` the server sends (ChatKit's `_to_thread_response`, from core): `metadata` is
 * always `{}`, hidden items are filtered out, and `items` is `items` or the empty page.
 *
 * @example
 * toThreadResponse(thread); // { id, created_at, status, metadata: {}, items: { data: [], has_more: false } }
 */
export function toThreadResponse(thread, items) {
    return coreThreadResponse(items ? { ...thread, items } : thread);
}
/**
 * The thread's metadata only (drops `items` if a full `Thread` was given), for `saveThread`.
 *
 * @example
 * await store.saveThread(metadataOf(thread), ctx);
 */
export function metadataOf(thread) {
    const { items: _items, ...metadata } = thread;
    return metadata;
}
//# sourceMappingURL=thread-response.js.map