import { MemoryIdempotency } from "./idempotency.js";
import { generateId } from "./ids.js";
import { attachmentNotFound, itemNotFound, threadNotFound } from "./not-found.js";
import { cutPage, pageLimit, threadMetadataOnly, timeKey } from "./order.js";
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
export class MemoryStore {
    #userId;
    #seq = 0;
    /** All threads, sorted by (key, seq). */
    #threads = [];
    #threadById = new Map();
    /** Items per thread id, sorted by (key, seq). */
    #items = new Map();
    /** The same rows by thread id, then item id: a lookup by id scanned the thread's items. */
    #itemById = new Map();
    #attachments = new Map();
    #idempotency = new MemoryIdempotency();
    constructor(options = {}) {
        this.#userId = options.userId ?? (() => "default");
    }
    /** The user `context` acts for (what every read and write is scoped to). */
    userIdFor(context) {
        return this.#userId(context);
    }
    async claimIdempotencyKey(key, fingerprint, context) {
        return this.#idempotency.claim(this.#userId(context), key, fingerprint);
    }
    async completeIdempotencyKey(key, response, context) {
        this.#idempotency.complete(this.#userId(context), key, response);
    }
    async releaseIdempotencyKey(key, context) {
        this.#idempotency.release(this.#userId(context), key);
    }
    generateThreadId(_context) {
        return generateId("thread");
    }
    generateItemId(kind, _thread, _context) {
        return generateId(kind);
    }
    async loadThread(threadId, context) {
        const row = this.#ownThread(threadId, context);
        if (!row)
            throw threadNotFound(threadId);
        return JSON.parse(row.json);
    }
    async saveThread(thread, context) {
        const userId = this.#userId(context);
        const json = JSON.stringify(threadMetadataOnly(thread));
        const existing = this.#threadById.get(thread.id);
        if (existing) {
            if (existing.userId !== userId)
                throw threadNotFound(thread.id);
            existing.json = json;
            return;
        }
        const row = { id: thread.id, userId, key: timeKey(thread.created_at), seq: ++this.#seq, json };
        this.#threadById.set(row.id, row);
        insertSorted(this.#threads, row);
    }
    async loadThreadItems(threadId, after, limit, order, context) {
        if (!this.#ownThread(threadId, context))
            return { data: [], has_more: false };
        const rows = this.#items.get(threadId) ?? [];
        return slicePage(rows, after, pageLimit(limit), order);
    }
    async addThreadItem(threadId, item, context) {
        await this.saveItem(threadId, item, context);
    }
    async saveItem(threadId, item, context) {
        if (!this.#ownThread(threadId, context))
            throw threadNotFound(threadId);
        const json = JSON.stringify(item);
        let rows = this.#items.get(threadId);
        let byId = this.#itemById.get(threadId);
        if (!rows || !byId) {
            rows = [];
            byId = new Map();
            this.#items.set(threadId, rows);
            this.#itemById.set(threadId, byId);
        }
        const existing = byId.get(item.id);
        if (existing) {
            existing.json = json;
            return;
        }
        const key = timeKey(item.created_at);
        const row = { id: item.id, userId: "", key, seq: ++this.#seq, json };
        insertSorted(rows, row);
        byId.set(row.id, row);
    }
    async loadItem(threadId, itemId, context) {
        const row = this.#ownThread(threadId, context)
            ? this.#itemById.get(threadId)?.get(itemId)
            : undefined;
        if (!row)
            throw itemNotFound(threadId, itemId);
        return JSON.parse(row.json);
    }
    async deleteThreadItem(threadId, itemId, context) {
        if (!this.#ownThread(threadId, context))
            return;
        const rows = this.#items.get(threadId);
        const byId = this.#itemById.get(threadId);
        const row = byId?.get(itemId);
        if (!rows || !byId || !row)
            return;
        byId.delete(itemId);
        rows.splice(positionOf(rows, row), 1);
    }
    async loadThreads(limit, after, order, context) {
        const userId = this.#userId(context);
        const mine = this.#threads.filter((row) => row.userId === userId);
        return slicePage(mine, after, pageLimit(limit), order);
    }
    async deleteThread(threadId, context) {
        const row = this.#ownThread(threadId, context);
        if (!row)
            return;
        this.#items.delete(threadId);
        this.#itemById.delete(threadId);
        this.#threadById.delete(threadId);
        this.#threads.splice(this.#threads.indexOf(row), 1);
        for (const [id, attachment] of this.#attachments) {
            if (attachment.userId === row.userId && attachment.threadId === threadId) {
                this.#attachments.delete(id);
            }
        }
    }
    async saveAttachment(attachment, context) {
        const userId = this.#userId(context);
        const existing = this.#attachments.get(attachment.id);
        if (existing && existing.userId !== userId)
            throw attachmentNotFound(attachment.id);
        const json = JSON.stringify(attachment);
        const threadId = attachment.thread_id;
        this.#attachments.set(attachment.id, {
            id: attachment.id,
            userId,
            key: 0,
            seq: 0,
            json,
            threadId: typeof threadId === "string" ? threadId : undefined,
        });
    }
    async loadAttachment(attachmentId, context) {
        const row = this.#attachments.get(attachmentId);
        if (!row || row.userId !== this.#userId(context))
            throw attachmentNotFound(attachmentId);
        return JSON.parse(row.json);
    }
    async deleteAttachment(attachmentId, context) {
        const row = this.#attachments.get(attachmentId);
        if (row && row.userId === this.#userId(context))
            this.#attachments.delete(attachmentId);
    }
    #ownThread(threadId, context) {
        const row = this.#threadById.get(threadId);
        return row && row.userId === this.#userId(context) ? row : undefined;
    }
}
function compare(a, b) {
    return a.key - b.key || a.seq - b.seq;
}
/** Inserts `row` into `rows` (sorted by key, seq); appends in O(1) in the usual case. */
function insertSorted(rows, row) {
    let lo = 0;
    let hi = rows.length;
    const last = rows[hi - 1];
    if (!last || compare(last, row) < 0) {
        rows.push(row);
        return;
    }
    while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        const midRow = rows[mid];
        if (midRow && compare(midRow, row) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    rows.splice(lo, 0, row);
}
/** The index of `row` in `rows` (sorted by key, seq, which no two rows share), by bisection. */
function positionOf(rows, row) {
    let lo = 0;
    let hi = rows.length;
    while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        const midRow = rows[mid];
        if (midRow && compare(midRow, row) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}
/** The page of `rows` (sorted ascending) strictly after the cursor row, in `order`. */
function slicePage(rows, after, limit, order) {
    let picked;
    if (order === "asc") {
        let start = 0;
        if (after) {
            const at = rows.findIndex((row) => row.id === after);
            if (at < 0)
                return { data: [], has_more: false };
            start = at + 1;
        }
        picked = rows.slice(start, start + limit + 1);
    }
    else {
        let end = rows.length;
        if (after) {
            end = rows.findIndex((row) => row.id === after);
            if (end < 0)
                return { data: [], has_more: false };
        }
        picked = rows.slice(Math.max(0, end - limit - 1), end).reverse();
    }
    return cutPage(picked.map((row) => JSON.parse(row.json)), limit);
}
//# sourceMappingURL=memory.js.map