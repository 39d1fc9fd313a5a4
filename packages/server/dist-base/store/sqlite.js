import { resolve } from "node:path";
import Database from "better-sqlite3";
import { generateId } from "./ids.js";
import { attachmentNotFound, itemNotFound, threadNotFound } from "./not-found.js";
import { cutPage, pageLimit, threadMetadataOnly, timeKey } from "./order.js";
import { FALLBACK_PAGES, unwatchWal, watchWal } from "./sqlite-checkpoint.js";
import { GroupCommit } from "./sqlite-group.js";
import { SQLiteIdempotency } from "./sqlite-idempotency.js";
import { migrate } from "./sqlite-schema.js";
/**
 * The page queries (exported for plan checks). A page after a cursor at `(created_key, seq)` is
 * read with two index range scans: the rest of the cursor's `created_key` (`sameAsc`/`sameDesc`,
 * by `seq`), then the later (earlier) keys (`afterAsc`/`afterDesc`). A row-value condition
 * `(created_key, seq) > (?, ?)` would only seek on `created_key` and then scan every row sharing
 * it, which is slow for threads whose items share a timestamp.
 */
export const PAGE_SQL = {
    items: pageSql("items", "thread_id"),
    threads: pageSql("threads", "user_id"),
};
function pageSql(table, scope) {
    const select = `SELECT id, data FROM ${table} WHERE ${scope} = ?`;
    return {
        asc: `${select} ORDER BY created_key ASC, seq ASC LIMIT ?`,
        desc: `${select} ORDER BY created_key DESC, seq DESC LIMIT ?`,
        sameAsc: `${select} AND created_key = ? AND seq > ? ORDER BY created_key ASC, seq ASC LIMIT ?`,
        sameDesc: `${select} AND created_key = ? AND seq < ? ORDER BY created_key DESC, seq DESC LIMIT ?`,
        afterAsc: `${select} AND created_key > ? ORDER BY created_key ASC, seq ASC LIMIT ?`,
        afterDesc: `${select} AND created_key < ? ORDER BY created_key DESC, seq DESC LIMIT ?`,
    };
}
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
export class SQLiteStore {
    /** The underlying connection (for inspection, backups and plan checks). */
    db;
    #userId;
    #stmt;
    #tx;
    #group;
    /** The file whose WAL a background worker checkpoints (none for `:memory:`). */
    #walFile;
    #idempotency;
    constructor(options) {
        this.#userId = options.userId ?? (() => "default");
        this.db = new Database(options.path);
        // First: switching a new file to WAL takes a lock another process opening it may hold.
        this.db.pragma("busy_timeout = 5000");
        this.db.pragma("journal_mode = WAL");
        this.db.pragma("synchronous = NORMAL");
        migrate(this.db);
        if (!this.db.memory && this.db.pragma("journal_mode", { simple: true }) === "wal") {
            // Checkpoints run in a worker thread, not inside the commit of whichever request crosses
            // SQLite's threshold; the threshold stays, higher, as a bound (see sqlite-checkpoint.ts).
            this.db.pragma(`wal_autocheckpoint = ${FALLBACK_PAGES}`);
            this.#walFile = resolve(this.db.name);
            watchWal(this.#walFile);
        }
        this.#stmt = prepare(this.db);
        this.#tx = transactions(this.db, this.#stmt);
        this.#group = new GroupCommit(this.db);
        this.#idempotency = new SQLiteIdempotency(this.db);
    }
    /** Closes the database (committing staged writes first); the store must not be used afterwards. */
    close() {
        if (!this.db.open)
            return;
        this.#group.commit();
        this.db.close();
        if (this.#walFile)
            unwatchWal(this.#walFile);
    }
    /**
     * A request's writes as one transaction: they run at once (same checks and errors as the
     * store's methods, visible to reads) and become durable together at `commit()`, which the
     * server calls before the client sees an event that follows them; at the latest at the end of
     * the event-loop turn. Writes made straight on the store commit before they return.
     */
    unitOfWork() {
        return new SQLiteUnit(this, this.#group);
    }
    /** @internal The synchronous writes a {@link SQLiteUnit} stages. */
    writeThread(thread, context) {
        const data = JSON.stringify(threadMetadataOnly(thread));
        const info = this.#stmt.upsertThread.run(thread.id, this.#userId(context), timeKey(thread.created_at), data);
        // The upsert's WHERE refuses to overwrite another user's thread: 0 changes.
        if (info.changes === 0)
            throw threadNotFound(thread.id);
    }
    /** @internal */
    writeItem(threadId, item, context) {
        // One statement (its own transaction when alone): the thread's owner is checked in it.
        const info = this.#stmt.upsertOwnedItem.run(threadId, item.id, timeKey(item.created_at), JSON.stringify(item), threadId, this.#userId(context));
        if (info.changes === 0)
            throw threadNotFound(threadId);
    }
    /** @internal */
    removeItem(threadId, itemId, context) {
        this.#stmt.deleteOwnedItem.run(threadId, itemId, threadId, this.#userId(context));
    }
    /** The user `context` acts for (what every read and write is scoped to). */
    userIdFor(context) {
        return this.#userId(context);
    }
    async claimIdempotencyKey(key, fingerprint, context) {
        return this.#group.now(() => this.#idempotency.claim(this.#userId(context), key, fingerprint));
    }
    async completeIdempotencyKey(key, response, context) {
        this.#group.now(() => this.#idempotency.complete(this.#userId(context), key, response));
    }
    async releaseIdempotencyKey(key, context) {
        this.#group.now(() => this.#idempotency.release(this.#userId(context), key));
    }
    generateThreadId(_context) {
        return generateId("thread");
    }
    generateItemId(kind, _thread, _context) {
        return generateId(kind);
    }
    async loadThread(threadId, context) {
        const row = this.#stmt.loadThread.get(threadId, this.#userId(context));
        if (!row)
            throw threadNotFound(threadId);
        return JSON.parse(row.data);
    }
    async saveThread(thread, context) {
        this.#group.now(() => this.writeThread(thread, context));
    }
    async loadThreadItems(threadId, after, limit, order, context) {
        const n = pageLimit(limit);
        const rows = this.#tx.readItems(threadId, this.#userId(context), after, n + 1, order);
        return parsePage(rows, n);
    }
    async addThreadItem(threadId, item, context) {
        await this.saveItem(threadId, item, context);
    }
    async saveItem(threadId, item, context) {
        this.#group.now(() => this.writeItem(threadId, item, context));
    }
    async loadItem(threadId, itemId, context) {
        const row = this.#stmt.loadOwnedItem.get(threadId, itemId, threadId, this.#userId(context));
        if (!row)
            throw itemNotFound(threadId, itemId);
        return JSON.parse(row.data);
    }
    async deleteThreadItem(threadId, itemId, context) {
        this.#group.now(() => this.removeItem(threadId, itemId, context));
    }
    async loadThreads(limit, after, order, context) {
        const n = pageLimit(limit);
        const rows = this.#tx.readThreads(this.#userId(context), after, n + 1, order);
        return parsePage(rows, n);
    }
    async deleteThread(threadId, context) {
        this.#group.now(() => this.#tx.deleteThread.immediate(threadId, this.#userId(context)));
    }
    async saveAttachment(attachment, context) {
        const info = this.#group.now(() => this.#stmt.upsertAttachment.run(attachment.id, this.#userId(context), JSON.stringify(attachment)));
        if (info.changes === 0)
            throw attachmentNotFound(attachment.id);
    }
    async loadAttachment(attachmentId, context) {
        const row = this.#stmt.loadAttachment.get(attachmentId, this.#userId(context));
        if (!row)
            throw attachmentNotFound(attachmentId);
        return JSON.parse(row.data);
    }
    async deleteAttachment(attachmentId, context) {
        this.#group.now(() => this.#stmt.deleteAttachment.run(attachmentId, this.#userId(context)));
    }
}
/** {@link SQLiteStore.unitOfWork}: the store's writes, staged in its group transaction. */
class SQLiteUnit {
    #store;
    #group;
    /** The transaction this unit last wrote into, until it is known committed. */
    #staged;
    constructor(store, group) {
        this.#store = store;
        this.#group = group;
    }
    #stage(write) {
        const group = this.#group.stage(write);
        // An earlier transaction of this unit committed or failed on its own (end of a turn):
        // a failure must still reach commit().
        if (this.#staged?.error !== undefined)
            return;
        this.#staged = group;
    }
    async saveThread(thread, context) {
        this.#stage(() => this.#store.writeThread(thread, context));
    }
    async addThreadItem(threadId, item, context) {
        this.#stage(() => this.#store.writeItem(threadId, item, context));
    }
    async saveItem(threadId, item, context) {
        this.#stage(() => this.#store.writeItem(threadId, item, context));
    }
    async deleteThreadItem(threadId, itemId, context) {
        this.#stage(() => this.#store.removeItem(threadId, itemId, context));
    }
    commit() {
        const staged = this.#staged;
        if (!staged)
            return;
        this.#staged = undefined;
        this.#group.commit(staged);
    }
}
/**
 * The multi-statement operations, made once (`db.transaction()` per call built its wrapper
 * functions every time). The page reads run without a transaction: BEGIN and COMMIT cost as much
 * as the page itself, and their statements need no common snapshot. A thread never changes
 * owner, and a keyset page read in two steps (the cursor's position, then the rows after it)
 * can at most include a row another process added between the steps, as it would had it been
 * added a moment sooner; it never repeats or skips one.
 */
function transactions(db, stmt) {
    const owns = (threadId, userId) => stmt.ownsThread.get(threadId, userId) !== undefined;
    return {
        readItems(threadId, userId, after, count, order) {
            if (!owns(threadId, userId))
                return [];
            const at = after ? stmt.itemPosition.get(threadId, after) : null;
            if (at === undefined)
                return [];
            return readPage(stmt.items, threadId, at, count, order);
        },
        readThreads(userId, after, count, order) {
            const at = after ? stmt.threadPosition.get(after, userId) : null;
            if (at === undefined)
                return [];
            return readPage(stmt.threads, userId, at, count, order);
        },
        deleteThread: db.transaction((threadId, userId) => {
            if (!owns(threadId, userId))
                return;
            stmt.deleteThreadItems.run(threadId);
            stmt.deleteThreadAttachments.run(threadId, userId);
            stmt.deleteThread.run(threadId, userId);
        }),
    };
}
function prepare(db) {
    const p = (sql) => db.prepare(sql);
    const pages = (sql) => ({
        asc: p(sql.asc),
        desc: p(sql.desc),
        sameAsc: p(sql.sameAsc),
        sameDesc: p(sql.sameDesc),
        afterAsc: p(sql.afterAsc),
        afterDesc: p(sql.afterDesc),
    });
    return {
        items: pages(PAGE_SQL.items),
        threads: pages(PAGE_SQL.threads),
        ownsThread: p("SELECT 1 FROM threads WHERE id = ? AND user_id = ?"),
        loadThread: p("SELECT id, data FROM threads WHERE id = ? AND user_id = ?"),
        upsertThread: p(`INSERT INTO threads (id, user_id, created_key, data) VALUES (?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET data = excluded.data WHERE threads.user_id = excluded.user_id`),
        threadPosition: p("SELECT created_key, seq FROM threads WHERE id = ? AND user_id = ?"),
        deleteThread: p("DELETE FROM threads WHERE id = ? AND user_id = ?"),
        deleteThreadItems: p("DELETE FROM items WHERE thread_id = ?"),
        deleteThreadAttachments: p("DELETE FROM attachments WHERE json_extract(data, '$.thread_id') = ? AND user_id = ?"),
        // An item's reads and writes check the thread's owner in the same statement: one statement,
        // atomic on its own, instead of a transaction around two.
        upsertOwnedItem: p(`INSERT INTO items (thread_id, id, created_key, data)
       SELECT ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM threads WHERE id = ? AND user_id = ?)
       ON CONFLICT (thread_id, id) DO UPDATE SET data = excluded.data`),
        loadOwnedItem: p(`SELECT id, data FROM items WHERE thread_id = ? AND id = ?
       AND EXISTS (SELECT 1 FROM threads WHERE id = ? AND user_id = ?)`),
        deleteOwnedItem: p(`DELETE FROM items WHERE thread_id = ? AND id = ?
       AND EXISTS (SELECT 1 FROM threads WHERE id = ? AND user_id = ?)`),
        itemPosition: p("SELECT created_key, seq FROM items WHERE thread_id = ? AND id = ?"),
        upsertAttachment: p(`INSERT INTO attachments (id, user_id, data) VALUES (?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET data = excluded.data
       WHERE attachments.user_id = excluded.user_id`),
        loadAttachment: p("SELECT data FROM attachments WHERE id = ? AND user_id = ?"),
        deleteAttachment: p("DELETE FROM attachments WHERE id = ? AND user_id = ?"),
    };
}
/** Up to `count` rows of `scope` after position `at` (or from the start), in `order`. */
function readPage(q, scope, at, count, order) {
    const asc = order === "asc";
    if (!at)
        return (asc ? q.asc : q.desc).all(scope, count);
    const same = (asc ? q.sameAsc : q.sameDesc).all(scope, at.created_key, at.seq, count);
    if (same.length >= count)
        return same;
    const rest = (asc ? q.afterAsc : q.afterDesc).all(scope, at.created_key, count - same.length);
    return same.concat(rest);
}
function parsePage(rows, limit) {
    return cutPage(rows.map((row) => JSON.parse(row.data)), limit);
}
//# sourceMappingURL=sqlite.js.map