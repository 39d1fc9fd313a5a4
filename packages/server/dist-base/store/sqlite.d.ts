import type { Attachment, Page, ThreadItem, ThreadMetadata } from "@threadkit/core";
import Database from "better-sqlite3";
import type { IdempotencyClaim } from "./idempotency.js";
import type { Order, Store, StoreItemType, StoreUnit } from "./types.js";
/** Options of {@link SQLiteStore}. */
export interface SQLiteStoreOptions<TContext> {
    /** File path of the database, or `":memory:"`. The file is created and migrated on open. */
    path: string;
    /**
     * The user a request acts for; every read and write is scoped to it, so another user's thread,
     * items and attachments are "not found". Defaults to `() => "default"`: a single-tenant store
     * where every context sees the same data. Multi-user servers must pass this.
     */
    userId?: (context: TContext) => string;
}
/**
 * The page queries (exported for plan checks). A page after a cursor at `(created_key, seq)` is
 * read with two index range scans: the rest of the cursor's `created_key` (`sameAsc`/`sameDesc`,
 * by `seq`), then the later (earlier) keys (`afterAsc`/`afterDesc`). A row-value condition
 * `(created_key, seq) > (?, ?)` would only seek on `created_key` and then scan every row sharing
 * it, which is slow for threads whose items share a timestamp.
 */
export declare const PAGE_SQL: {
    readonly items: {
        asc: string;
        desc: string;
        sameAsc: string;
        sameDesc: string;
        afterAsc: string;
        afterDesc: string;
    };
    readonly threads: {
        asc: string;
        desc: string;
        sameAsc: string;
        sameDesc: string;
        afterAsc: string;
        afterDesc: string;
    };
};
/**
 * The embedded default {@link Store}: one SQLite file through better-sqlite3, in WAL mode.
 *
 * - The schema is created and migrated on open (`PRAGMA user_version`).
 * - Pages are keyset-paginated on `(created_at, insertion order)`, so a page costs the same at
 *   any depth of a 100,000-item thread, and rows created in the same microsecond are never lost
 *   or repeated across pages. An `after` cursor that names no row gives an empty page (as ChatKit).
 * - `saveItem` and `addThreadItem` are upserts that keep an existing item's position; both need
 *   the thread to exist and belong to the user.
 * - Every query is scoped by `userId(context)`. Deleting a thread deletes its items and the
 *   attachment records linked to it (`thread_id`) in one transaction. Deletes of missing rows are no-ops.
 *
 * @example
 * const store = new SQLiteStore<{ userId: string }>({
 *   path: "chat.db",
 *   userId: (ctx) => ctx.userId,
 * });
 * const server = new MyServer(store);
 * // ... on shutdown
 * store.close();
 */
export declare class SQLiteStore<TContext = unknown> implements Store<TContext> {
    #private;
    /** The underlying connection (for inspection, backups and plan checks). */
    readonly db: Database.Database;
    constructor(options: SQLiteStoreOptions<TContext>);
    /** Closes the database (committing staged writes first); the store must not be used afterwards. */
    close(): void;
    /**
     * A request's writes as one transaction: they run at once (same checks and errors as the
     * store's methods, visible to reads) and become durable together at `commit()`, which the
     * server calls before the client sees an event that follows them; at the latest at the end of
     * the event-loop turn. Writes made straight on the store commit before they return.
     */
    unitOfWork(): StoreUnit<TContext>;
    /** @internal The synchronous writes a {@link SQLiteUnit} stages. */
    writeThread(thread: ThreadMetadata, context: TContext): void;
    /** @internal */
    writeItem(threadId: string, item: ThreadItem, context: TContext): void;
    /** @internal */
    removeItem(threadId: string, itemId: string, context: TContext): void;
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
//# sourceMappingURL=sqlite.d.ts.map