import type { Attachment, Page, ThreadItem, ThreadMetadata } from "@threadkit/core";
import type { IdempotencyStore } from "./idempotency.js";
/** Sort order of a page of threads or items. */
export type Order = "asc" | "desc";
/** What an id is generated for; each kind has ChatKit's prefix (`thr`, `msg`, `tc`, ...). */
export type StoreItemType = "thread" | "message" | "tool_call" | "task" | "workflow" | "attachment" | "sdk_hidden_context";
/** Raised by a store when a thread, item or attachment is missing or belongs to another user. */
export declare class NotFoundError extends Error {
    name: string;
}
/**
 * Where threads, items and attachment metadata live. ChatKit's `Store`, in camelCase with the
 * request context last. Every method must scope its reads and writes to the context's user, so
 * that another user's thread is "not found".
 *
 * Pages are `{ data, has_more, after? }` in a total order (created_at, then insertion order);
 * `after` is the id of the last row of the previous page and is present only when `has_more`.
 * Hidden items (`hidden_context_item`, `sdk_hidden_context`) are stored and returned like any
 * other item; the server filters them before sending.
 *
 * The {@link IdempotencyStore} methods are optional: with them, an action sent twice with one
 * `Idempotency-Key` is performed once (the built-in stores have them).
 */
export interface Store<TContext = unknown> extends Partial<IdempotencyStore<TContext>> {
    /** Optional: the user `context` acts for (the rate limit counts per user with it). */
    userIdFor?(context: TContext): string;
    /** A new thread id: `thr_` + random hex. Synchronous and overridable. */
    generateThreadId(context: TContext): string;
    /** A new item id with ChatKit's prefix for `kind` (`msg_`, `tc_`, `tsk_`, `wf_`, `atc_`, `shcx_`). */
    generateItemId(kind: StoreItemType, thread: ThreadMetadata, context: TContext): string;
    /** Throws {@link NotFoundError} ("Thread {id} not found") when missing or not the user's. */
    loadThread(threadId: string, context: TContext): Promise<ThreadMetadata>;
    /** Upserts the thread's metadata (title, status, metadata, allowed_image_domains). */
    saveThread(thread: ThreadMetadata, context: TContext): Promise<void>;
    loadThreadItems(threadId: string, after: string | null | undefined, limit: number, order: Order, context: TContext): Promise<Page<ThreadItem>>;
    /**
     * Inserts a new item at its place in the thread (by `created_at`, then insertion order).
     * Throws {@link NotFoundError} when the thread is missing or not the user's. The built-in
     * stores treat an id that already exists as {@link Store.saveItem} does (replace in place).
     */
    addThreadItem(threadId: string, item: ThreadItem, context: TContext): Promise<void>;
    /**
     * Upserts an item by id, keeping its place in the thread when it exists. Throws
     * {@link NotFoundError} when the thread is missing or not the user's.
     */
    saveItem(threadId: string, item: ThreadItem, context: TContext): Promise<void>;
    /** Throws {@link NotFoundError} when missing. */
    loadItem(threadId: string, itemId: string, context: TContext): Promise<ThreadItem>;
    deleteThreadItem(threadId: string, itemId: string, context: TContext): Promise<void>;
    loadThreads(limit: number, after: string | null | undefined, order: Order, context: TContext): Promise<Page<ThreadMetadata>>;
    /**
     * Deletes the thread, all its items and the user's attachment records whose `thread_id` is
     * this thread, in one transaction. A no-op for a missing or foreign thread.
     */
    deleteThread(threadId: string, context: TContext): Promise<void>;
    /**
     * Optional: a unit of work for one request's writes, committed together (SQLiteStore has one).
     * The server makes one per streaming request and calls its `commit()` before the client can
     * see any event that follows the writes. Stores without it commit each write as it is made.
     */
    unitOfWork?(): StoreUnit<TContext>;
    /** Upserts attachment metadata (including its private `metadata`). */
    saveAttachment(attachment: Attachment, context: TContext): Promise<void>;
    /** Throws {@link NotFoundError} when missing or not the user's. */
    loadAttachment(attachmentId: string, context: TContext): Promise<Attachment>;
    deleteAttachment(attachmentId: string, context: TContext): Promise<void>;
}
/** The writes a request makes while it streams (a {@link Store}, or a {@link StoreUnit} of it). */
export type StoreWrites<TContext = unknown> = Pick<Store<TContext>, "saveThread" | "addThreadItem" | "saveItem" | "deleteThreadItem">;
/**
 * One request's writes (from {@link Store.unitOfWork}). Each behaves as the store's method of the
 * same name (same checks and errors, visible to the store's reads at once); they are durable
 * once {@link StoreUnit.commit} returns.
 */
export interface StoreUnit<TContext = unknown> extends StoreWrites<TContext> {
    /**
     * Makes every write of the unit so far durable, synchronously; throws when they could not be
     * (they are then lost). Cheap when nothing is pending.
     */
    commit(): void;
}
//# sourceMappingURL=types.d.ts.map