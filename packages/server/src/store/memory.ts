import type { Attachment, Page, ThreadItem, ThreadMetadata } from "@threadkit/core";
import { storedItemJson } from "../event-json.js";
import { type IdempotencyClaim, MemoryIdempotency } from "./idempotency.js";
import { generateId } from "./ids.js";
import { attachmentNotFound, itemNotFound, threadNotFound } from "./not-found.js";
import { cutPage, pageLimit, threadMetadataOnly, timeKey } from "./order.js";
import type { Order, Store, StoreItemType } from "./types.js";

/** Options of {@link MemoryStore}. */
export interface MemoryStoreOptions<TContext> {
  /**
   * The user a request acts for; every read and write is scoped to it. Defaults to
   * `() => "default"` (single tenant), as in {@link SQLiteStore}.
   */
  userId?: (context: TContext) => string;
}

/** A stored row: its JSON, owner and position (`key` from created_at, then `seq`). */
interface Row {
  id: string;
  userId: string;
  key: number;
  seq: number;
  json: string;
  /** An attachment's `thread_id` (deleted with that thread). */
  threadId?: string;
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
export class MemoryStore<TContext = unknown> implements Store<TContext> {
  readonly #userId: (context: TContext) => string;
  #seq = 0;
  /** All threads, sorted by (key, seq). */
  readonly #threads: Row[] = [];
  readonly #threadById = new Map<string, Row>();
  /** Items per thread id, sorted by (key, seq). */
  readonly #items = new Map<string, Row[]>();
  /** The same rows by thread id, then item id: a lookup by id scanned the thread's items. */
  readonly #itemById = new Map<string, Map<string, Row>>();
  readonly #attachments = new Map<string, Row>();
  readonly #idempotency = new MemoryIdempotency();

  constructor(options: MemoryStoreOptions<TContext> = {}) {
    this.#userId = options.userId ?? (() => "default");
  }

  /** The user `context` acts for (what every read and write is scoped to). */
  userIdFor(context: TContext): string {
    return this.#userId(context);
  }

  async claimIdempotencyKey(
    key: string,
    fingerprint: string,
    context: TContext,
  ): Promise<IdempotencyClaim> {
    return this.#idempotency.claim(this.#userId(context), key, fingerprint);
  }

  async completeIdempotencyKey(
    key: string,
    response: string | null,
    context: TContext,
  ): Promise<void> {
    this.#idempotency.complete(this.#userId(context), key, response);
  }

  async releaseIdempotencyKey(key: string, context: TContext): Promise<void> {
    this.#idempotency.release(this.#userId(context), key);
  }

  generateThreadId(_context: TContext): string {
    return generateId("thread");
  }

  generateItemId(kind: StoreItemType, _thread: ThreadMetadata, _context: TContext): string {
    return generateId(kind);
  }

  async loadThread(threadId: string, context: TContext): Promise<ThreadMetadata> {
    const row = this.#ownThread(threadId, context);
    if (!row) throw threadNotFound(threadId);
    return JSON.parse(row.json) as ThreadMetadata;
  }

  async saveThread(thread: ThreadMetadata, context: TContext): Promise<void> {
    const userId = this.#userId(context);
    const json = JSON.stringify(threadMetadataOnly(thread));
    const existing = this.#threadById.get(thread.id);
    if (existing) {
      if (existing.userId !== userId) throw threadNotFound(thread.id);
      existing.json = json;
      return;
    }
    const row = { id: thread.id, userId, key: timeKey(thread.created_at), seq: ++this.#seq, json };
    this.#threadById.set(row.id, row);
    insertSorted(this.#threads, row);
  }

  async loadThreadItems(
    threadId: string,
    after: string | null | undefined,
    limit: number,
    order: Order,
    context: TContext,
  ): Promise<Page<ThreadItem>> {
    if (!this.#ownThread(threadId, context)) return { data: [], has_more: false };
    const rows = this.#items.get(threadId) ?? [];
    return slicePage<ThreadItem>(rows, after, pageLimit(limit), order);
  }

  async addThreadItem(threadId: string, item: ThreadItem, context: TContext): Promise<void> {
    await this.saveItem(threadId, item, context);
  }

  async saveItem(threadId: string, item: ThreadItem, context: TContext): Promise<void> {
    if (!this.#ownThread(threadId, context)) throw threadNotFound(threadId);
    const json = storedItemJson(item);
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

  async loadItem(threadId: string, itemId: string, context: TContext): Promise<ThreadItem> {
    const row = this.#ownThread(threadId, context)
      ? this.#itemById.get(threadId)?.get(itemId)
      : undefined;
    if (!row) throw itemNotFound(threadId, itemId);
    return JSON.parse(row.json) as ThreadItem;
  }

  async deleteThreadItem(threadId: string, itemId: string, context: TContext): Promise<void> {
    if (!this.#ownThread(threadId, context)) return;
    const rows = this.#items.get(threadId);
    const byId = this.#itemById.get(threadId);
    const row = byId?.get(itemId);
    if (!rows || !byId || !row) return;
    byId.delete(itemId);
    rows.splice(positionOf(rows, row), 1);
  }

  async loadThreads(
    limit: number,
    after: string | null | undefined,
    order: Order,
    context: TContext,
  ): Promise<Page<ThreadMetadata>> {
    const userId = this.#userId(context);
    const mine = this.#threads.filter((row) => row.userId === userId);
    return slicePage<ThreadMetadata>(mine, after, pageLimit(limit), order);
  }

  async deleteThread(threadId: string, context: TContext): Promise<void> {
    const row = this.#ownThread(threadId, context);
    if (!row) return;
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

  async saveAttachment(attachment: Attachment, context: TContext): Promise<void> {
    const userId = this.#userId(context);
    const existing = this.#attachments.get(attachment.id);
    if (existing && existing.userId !== userId) throw attachmentNotFound(attachment.id);
    const json = JSON.stringify(attachment);
    const threadId = (attachment as { thread_id?: unknown }).thread_id;
    this.#attachments.set(attachment.id, {
      id: attachment.id,
      userId,
      key: 0,
      seq: 0,
      json,
      threadId: typeof threadId === "string" ? threadId : undefined,
    });
  }

  async loadAttachment(attachmentId: string, context: TContext): Promise<Attachment> {
    const row = this.#attachments.get(attachmentId);
    if (!row || row.userId !== this.#userId(context)) throw attachmentNotFound(attachmentId);
    return JSON.parse(row.json) as Attachment;
  }

  async deleteAttachment(attachmentId: string, context: TContext): Promise<void> {
    const row = this.#attachments.get(attachmentId);
    if (row && row.userId === this.#userId(context)) this.#attachments.delete(attachmentId);
  }

  #ownThread(threadId: string, context: TContext): Row | undefined {
    const row = this.#threadById.get(threadId);
    return row && row.userId === this.#userId(context) ? row : undefined;
  }
}

function compare(a: Row, b: Row): number {
  return a.key - b.key || a.seq - b.seq;
}

/** Inserts `row` into `rows` (sorted by key, seq); appends in O(1) in the usual case. */
function insertSorted(rows: Row[], row: Row): void {
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
    if (midRow && compare(midRow, row) < 0) lo = mid + 1;
    else hi = mid;
  }
  rows.splice(lo, 0, row);
}

/** The index of `row` in `rows` (sorted by key, seq, which no two rows share), by bisection. */
function positionOf(rows: Row[], row: Row): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const midRow = rows[mid];
    if (midRow && compare(midRow, row) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The page of `rows` (sorted ascending) strictly after the cursor row, in `order`. */
function slicePage<T extends { id: string }>(
  rows: Row[],
  after: string | null | undefined,
  limit: number,
  order: Order,
): Page<T> {
  let picked: Row[];
  if (order === "asc") {
    let start = 0;
    if (after) {
      const at = rows.findIndex((row) => row.id === after);
      if (at < 0) return { data: [], has_more: false } as Page<T>;
      start = at + 1;
    }
    picked = rows.slice(start, start + limit + 1);
  } else {
    let end = rows.length;
    if (after) {
      end = rows.findIndex((row) => row.id === after);
      if (end < 0) return { data: [], has_more: false } as Page<T>;
    }
    picked = rows.slice(Math.max(0, end - limit - 1), end).reverse();
  }
  return cutPage(
    picked.map((row) => JSON.parse(row.json) as T),
    limit,
  ) as Page<T>;
}
