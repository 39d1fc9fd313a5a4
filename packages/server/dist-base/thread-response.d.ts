import { type Page, type Thread, type ThreadItem, type ThreadMetadata } from "@threadkit/core";
/**
 * The `Thread` the server sends (ChatKit's `_to_thread_response`, from core): `metadata` is
 * always `{}`, hidden items are filtered out, and `items` is `items` or the empty page.
 *
 * @example
 * toThreadResponse(thread); // { id, created_at, status, metadata: {}, items: { data: [], has_more: false } }
 */
export declare function toThreadResponse(thread: ThreadMetadata, items?: Page<ThreadItem>): Thread;
/**
 * The thread's metadata only (drops `items` if a full `Thread` was given), for `saveThread`.
 *
 * @example
 * await store.saveThread(metadataOf(thread), ctx);
 */
export declare function metadataOf(thread: ThreadMetadata | Thread): ThreadMetadata;
//# sourceMappingURL=thread-response.d.ts.map