import type { Attachment, Page, ThreadItem, ThreadMetadata } from "@threadkit/core";
import { type IdempotencyClaim } from "./idempotency.js";
import type { Order, Store, StoreItemType } from "./types.js";
/** Options of {@link MemoryStore}. */
export interface MemoryStoreOptions<TContext> {
    /**
     * The user a request acts for; every read and write is scoped to it. Defaults to
     * `() => "default"` (single tenant), as in {@link SQLiteStore}.
     */
    userId?: (context: TContext) => string;
}
/**
 * A {@link Store} in process memory, with exactly the semantics of {@link SQLiteStore}
 * (user scoping, total order on created_at then insertion, upserts that keep position,
 * `after` only when `has_more`). Values are stored as JSON, so callers never share objects
 * with the store. Meant for tests and demos: nothing survives the process.
 *
 * @example
 * const store = new MemoryStore<{ userId: string }>({ userId: (ctx) => ctx.userId });
 * await store.saveThread({ id: "thr_1", created_at: new Date().toISOString(), status: { type: "active" }, metadata: {} }, { userId: "u1" });
 */
export declare class MemoryStore<TContext = unknown> implements Store<TContext> {
    #private;
    constructor(options?: MemoryStoreOptions<TContext>);
    /** The user `context` acts for (what every read and write is scoped to). */
    userIdFor(context: TContext): string;
    claimIdempotencyKey(key: string, fingerprint: string, context: TContext): Promise<IdempotencyClaim>;
    completeIdempotencyKey(key: string, response: string | null, context: TContext): Promise<void>;
    releaseIdempotencyKey(key: string, context: TContext): Promise<void>;
    generateThreadId(_context: TContext): string;
    generateItemId(kind: StoreItemType, _thread: ThreadMetadata, _context: TContext): string;
    loadThread(threadId: string, context: TContext): Promise<ThreadMetadata>;
    saveThread(thread: ThreadMetadata, context: TContext): Promise<void>;
    loadThreadItems(threadId: string, after: string | null | undefined, limit: number, order: Order, context: TContext): Promise<Page<ThreadItem>>;
    addThreadItem(threadId: string, item: ThreadItem, context: TContext): Promise<void>;
    saveItem(threadId: string, item: ThreadItem, context: TContext): Promise<void>;
    loadItem(threadId: string, itemId: string, context: TContext): Promise<ThreadItem>;
    deleteThreadItem(threadId: string, itemId: string, context: TContext): Promise<void>;
    loadThreads(limit: number, after: string | null | undefined, order: Order, context: TContext): Promise<Page<ThreadMetadata>>;
    deleteThread(threadId: string, context: TContext): Promise<void>;
    saveAttachment(attachment: Attachment, context: TContext): Promise<void>;
    loadAttachment(attachmentId: string, context: TContext): Promise<Attachment>;
    deleteAttachment(attachmentId: string, context: TContext): Promise<void>;
}
//# sourceMappingURL=memory.d.ts.map