import { resolve } from "node:path";
import type { Attachment, Page, ThreadItem, ThreadMetadata } from "@threadkit/core";
import Database from "better-sqlite3";
import { storedItemJson } from "../event-json.js";
import type { IdempotencyClaim } from "./idempotency.js";
import { generateId } from "./ids.js";
import { LOAD_THREAD_ITEM, loadThreadItemOnce, type ThreadItemRow } from "./load-thread-item.js";
import { attachmentNotFound, itemNotFound, threadNotFound } from "./not-found.js";
import { cutPage, pageLimit, threadMetadataOnly, timeKey } from "./order.js";
import { FALLBACK_PAGES, unwatchWal, watchWal } from "./sqlite-checkpoint.js";
import { type Group, GroupCommit } from "./sqlite-group.js";
import { SQLiteIdempotency } from "./sqlite-idempotency.js";
import { migrate } from "./sqlite-schema.js";
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
export const PAGE_SQL = {
  items: pageSql("items", "thread_id"),
  threads: pageSql("threads", "user_id"),
} as const;

function pageSql(table: "items" | "threads", scope: "thread_id" | "user_id") {
  const select = `SELECT data FROM ${table} WHERE ${scope} = ?`;
  return {
    asc: `${select} ORDER BY created_key ASC, seq ASC LIMIT ?`,
    desc: `${select} ORDER BY created_key DESC, seq DESC LIMIT ?`,
    sameAsc: `${select} AND created_key = ? AND seq > ? ORDER BY created_key ASC, seq ASC LIMIT ?`,
    sameDesc: `${select} AND created_key = ? AND seq < ? ORDER BY created_key DESC, seq DESC LIMIT ?`,
    afterAsc: `${select} AND created_key > ? ORDER BY created_key ASC, seq ASC LIMIT ?`,
    afterDesc: `${select} AND created_key < ? ORDER BY created_key DESC, seq DESC LIMIT ?`,
  };
}

type Row = { id: string; data: string };
type Position = { created_key: number; seq: number };

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
export class SQLiteStore<TContext = unknown> implements Store<TContext> {
  /** The underlying connection (for inspection, backups and plan checks). */
  readonly db: Database.Database;
  readonly #userId: (context: TContext) => string;
  readonly #stmt: ReturnType<typeof prepare>;
  readonly #tx: ReturnType<typeof transactions>;
  readonly #group: GroupCommit;
  /** The file whose WAL a background worker checkpoints (none for `:memory:`). */
  readonly #walFile: string | undefined;
  readonly #idempotency: SQLiteIdempotency;

  constructor(options: SQLiteStoreOptions<TContext>) {
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
  close(): void {
    if (!this.db.open) return;
    this.#group.commit();
    this.db.close();
    if (this.#walFile) unwatchWal(this.#walFile);
  }

  /**
   * A request's writes as one transaction: they run at once (same checks and errors as the
   * store's methods, visible to reads) and become durable together at `commit()`, which the
   * server calls before the client sees an event that follows them; at the latest at the end of
   * the event-loop turn. Writes made straight on the store commit before they return.
   */
  unitOfWork(): StoreUnit<TContext> {
    return new SQLiteUnit(this, this.#group);
  }

  /** @internal The synchronous writes a {@link SQLiteUnit} stages. */
  writeThread(thread: ThreadMetadata, context: TContext): void {
    const data = JSON.stringify(threadMetadataOnly(thread));
    const info = this.#stmt.upsertThread.run(
      thread.id,
      this.#userId(context),
      timeKey(thread.created_at),
      data,
    );
    // The upsert's WHERE refuses to overwrite another user's thread: 0 changes.
    if (info.changes === 0) throw threadNotFound(thread.id);
  }

  /** @internal */
  writeItem(threadId: string, item: ThreadItem, context: TContext): void {
    // One statement (its own transaction when alone): the thread's owner is checked in it.
    const info = this.#stmt.upsertOwnedItem.run(
      threadId,
      item.id,
      timeKey(item.created_at),
      storedItemJson(item),
      threadId,
      this.#userId(context),
    );
    if (info.changes === 0) throw threadNotFound(threadId);
  }

  /** @internal */
  removeItem(threadId: string, itemId: string, context: TContext): void {
    this.#stmt.deleteOwnedItem.run(threadId, itemId, threadId, this.#userId(context));
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
    return this.#group.now(() => this.#idempotency.claim(this.#userId(context), key, fingerprint));
  }

  async completeIdempotencyKey(
    key: string,
    response: string | null,
    context: TContext,
  ): Promise<void> {
    this.#group.now(() => this.#idempotency.complete(this.#userId(context), key, response));
  }

  async releaseIdempotencyKey(key: string, context: TContext): Promise<void> {
    this.#group.now(() => this.#idempotency.release(this.#userId(context), key));
  }

  generateThreadId(_context: TContext): string {
    return generateId("thread");
  }

  generateItemId(kind: StoreItemType, _thread: ThreadMetadata, _context: TContext): string {
    return generateId(kind);
  }

  async loadThread(threadId: string, context: TContext): Promise<ThreadMetadata> {
    const row = this.#stmt.loadThread.get(threadId, this.#userId(context)) as Row | undefined;
    if (!row) throw threadNotFound(threadId);
    return JSON.parse(row.data) as ThreadMetadata;
  }

  async saveThread(thread: ThreadMetadata, context: TContext): Promise<void> {
    this.#group.now(() => this.writeThread(thread, context));
  }

  async loadThreadItems(
    threadId: string,
    after: string | null | undefined,
    limit: number,
    order: Order,
    context: TContext,
  ): Promise<Page<ThreadItem>> {
    const n = pageLimit(limit);
    const rows = this.#tx.readItems(threadId, this.#userId(context), after, n + 1, order);
    return parsePage<ThreadItem>(rows, n);
  }

  async addThreadItem(threadId: string, item: ThreadItem, context: TContext): Promise<void> {
    await this.saveItem(threadId, item, context);
  }

  async saveItem(threadId: string, item: ThreadItem, context: TContext): Promise<void> {
    this.#group.now(() => this.writeItem(threadId, item, context));
  }

  async loadItem(threadId: string, itemId: string, context: TContext): Promise<ThreadItem> {
    const row = this.#stmt.loadOwnedItem.get(threadId, itemId, threadId, this.#userId(context)) as
      | Row
      | undefined;
    if (!row) throw itemNotFound(threadId, itemId);
    return JSON.parse(row.data) as ThreadItem;
  }

  async deleteThreadItem(threadId: string, itemId: string, context: TContext): Promise<void> {
    this.#group.now(() => this.removeItem(threadId, itemId, context));
  }

  /**
   * `loadThread`, then `loadItem` on it, in one statement: an action's thread and sender cost one
   * read transaction (and its locks on the WAL index) instead of two. Same results and errors;
   * a subclass that overrides either method gets them called as they are.
   */
  async [LOAD_THREAD_ITEM](
    threadId: string,
    itemId: string,
    context: TContext,
  ): Promise<{ thread: ThreadMetadata; item: ThreadItem }> {
    return loadThreadItemOnce(
      this,
      SQLiteStore.prototype,
      threadId,
      itemId,
      context,
      () =>
        this.#stmt.loadThreadItem.get(itemId, threadId, this.#userId(context)) as
          | ThreadItemRow
          | undefined,
    );
  }

  async loadThreads(
    limit: number,
    after: string | null | undefined,
    order: Order,
    context: TContext,
  ): Promise<Page<ThreadMetadata>> {
    const n = pageLimit(limit);
    const rows = this.#tx.readThreads(this.#userId(context), after, n + 1, order);
    return parsePage<ThreadMetadata>(rows, n);
  }

  async deleteThread(threadId: string, context: TContext): Promise<void> {
    this.#group.now(() => this.#tx.deleteThread.immediate(threadId, this.#userId(context)));
  }

  async saveAttachment(attachment: Attachment, context: TContext): Promise<void> {
    const info = this.#group.now(() =>
      this.#stmt.upsertAttachment.run(
        attachment.id,
        this.#userId(context),
        JSON.stringify(attachment),
      ),
    );
    if (info.changes === 0) throw attachmentNotFound(attachment.id);
  }

  async loadAttachment(attachmentId: string, context: TContext): Promise<Attachment> {
    const row = this.#stmt.loadAttachment.get(attachmentId, this.#userId(context)) as
      | { data: string }
      | undefined;
    if (!row) throw attachmentNotFound(attachmentId);
    return JSON.parse(row.data) as Attachment;
  }

  async deleteAttachment(attachmentId: string, context: TContext): Promise<void> {
    this.#group.now(() => this.#stmt.deleteAttachment.run(attachmentId, this.#userId(context)));
  }
}

/** {@link SQLiteStore.unitOfWork}: the store's writes, staged in its group transaction. */
class SQLiteUnit<TContext> implements StoreUnit<TContext> {
  readonly #store: SQLiteStore<TContext>;
  readonly #group: GroupCommit;
  /** The transaction this unit last wrote into, until it is known committed. */
  #staged: Group | undefined;

  constructor(store: SQLiteStore<TContext>, group: GroupCommit) {
    this.#store = store;
    this.#group = group;
  }

  #stage(write: () => void): void {
    const group = this.#group.stage(write);
    // An earlier transaction of this unit committed or failed on its own (end of a turn):
    // a failure must still reach commit().
    if (this.#staged?.error !== undefined) return;
    this.#staged = group;
  }

  async saveThread(thread: ThreadMetadata, context: TContext): Promise<void> {
    this.#stage(() => this.#store.writeThread(thread, context));
  }

  async addThreadItem(threadId: string, item: ThreadItem, context: TContext): Promise<void> {
    this.#stage(() => this.#store.writeItem(threadId, item, context));
  }

  async saveItem(threadId: string, item: ThreadItem, context: TContext): Promise<void> {
    this.#stage(() => this.#store.writeItem(threadId, item, context));
  }

  async deleteThreadItem(threadId: string, itemId: string, context: TContext): Promise<void> {
    this.#stage(() => this.#store.removeItem(threadId, itemId, context));
  }

  commit(): void {
    const staged = this.#staged;
    if (!staged) return;
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
function transactions(db: Database.Database, stmt: ReturnType<typeof prepare>) {
  const owns = (threadId: string, userId: string): boolean =>
    stmt.ownsThread.get(threadId, userId) !== undefined;
  return {
    readItems(
      threadId: string,
      userId: string,
      after: string | null | undefined,
      count: number,
      order: Order,
    ): string[] {
      if (!owns(threadId, userId)) return [];
      const at = after ? (stmt.itemPosition.get(threadId, after) as Position | undefined) : null;
      if (at === undefined) return [];
      return readPage(stmt.items, threadId, at, count, order);
    },
    readThreads(
      userId: string,
      after: string | null | undefined,
      count: number,
      order: Order,
    ): string[] {
      const at = after ? (stmt.threadPosition.get(after, userId) as Position | undefined) : null;
      if (at === undefined) return [];
      return readPage(stmt.threads, userId, at, count, order);
    },
    deleteThread: db.transaction((threadId: string, userId: string) => {
      if (!owns(threadId, userId)) return;
      stmt.deleteThreadItems.run(threadId);
      stmt.deleteThreadAttachments.run(threadId, userId);
      stmt.deleteThread.run(threadId, userId);
    }),
  };
}

function prepare(db: Database.Database) {
  const p = (sql: string) => db.prepare(sql);
  // A page's rows come back as their `data` texts alone (pluck): no row object per row.
  const page = (sql: string) => db.prepare(sql).pluck();
  const pages = (sql: (typeof PAGE_SQL)["items" | "threads"]): PageStatements => ({
    asc: page(sql.asc),
    desc: page(sql.desc),
    sameAsc: page(sql.sameAsc),
    sameDesc: page(sql.sameDesc),
    afterAsc: page(sql.afterAsc),
    afterDesc: page(sql.afterDesc),
  });
  return {
    items: pages(PAGE_SQL.items),
    threads: pages(PAGE_SQL.threads),
    ownsThread: p("SELECT 1 FROM threads WHERE id = ? AND user_id = ?"),
    loadThread: p("SELECT id, data FROM threads WHERE id = ? AND user_id = ?"),
    upsertThread: p(
      `INSERT INTO threads (id, user_id, created_key, data) VALUES (?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET data = excluded.data WHERE threads.user_id = excluded.user_id`,
    ),
    threadPosition: p("SELECT created_key, seq FROM threads WHERE id = ? AND user_id = ?"),
    deleteThread: p("DELETE FROM threads WHERE id = ? AND user_id = ?"),
    deleteThreadItems: p("DELETE FROM items WHERE thread_id = ?"),
    deleteThreadAttachments: p(
      "DELETE FROM attachments WHERE json_extract(data, '$.thread_id') = ? AND user_id = ?",
    ),
    // An item's reads and writes check the thread's owner in the same statement: one statement,
    // atomic on its own, instead of a transaction around two.
    upsertOwnedItem: p(
      `INSERT INTO items (thread_id, id, created_key, data)
       SELECT ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM threads WHERE id = ? AND user_id = ?)
       ON CONFLICT (thread_id, id) DO UPDATE SET data = excluded.data`,
    ),
    // The thread's row (it is the user's) and the item's data when the thread holds it.
    loadThreadItem: p(
      `SELECT t.data AS thread, (SELECT i.data FROM items i WHERE i.thread_id = t.id AND i.id = ?) AS item
       FROM threads t WHERE t.id = ? AND t.user_id = ?`,
    ),
    loadOwnedItem: p(
      `SELECT id, data FROM items WHERE thread_id = ? AND id = ?
       AND EXISTS (SELECT 1 FROM threads WHERE id = ? AND user_id = ?)`,
    ),
    deleteOwnedItem: p(
      `DELETE FROM items WHERE thread_id = ? AND id = ?
       AND EXISTS (SELECT 1 FROM threads WHERE id = ? AND user_id = ?)`,
    ),
    itemPosition: p("SELECT created_key, seq FROM items WHERE thread_id = ? AND id = ?"),
    upsertAttachment: p(
      `INSERT INTO attachments (id, user_id, data) VALUES (?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET data = excluded.data
       WHERE attachments.user_id = excluded.user_id`,
    ),
    loadAttachment: p("SELECT data FROM attachments WHERE id = ? AND user_id = ?"),
    deleteAttachment: p("DELETE FROM attachments WHERE id = ? AND user_id = ?"),
  };
}

type PageStatements = Record<keyof ReturnType<typeof pageSql>, Database.Statement>;

/** The `data` of up to `count` rows of `scope` after position `at` (or from the start), in `order`. */
function readPage(
  q: PageStatements,
  scope: string,
  at: Position | null,
  count: number,
  order: Order,
): string[] {
  const asc = order === "asc";
  if (!at) return (asc ? q.asc : q.desc).all(scope, count) as string[];
  const same = (asc ? q.sameAsc : q.sameDesc).all(scope, at.created_key, at.seq, count) as string[];
  if (same.length >= count) return same;
  const rest = (asc ? q.afterAsc : q.afterDesc).all(scope, at.created_key, count - same.length);
  return same.concat(rest as string[]);
}

function parsePage<T extends { id: string }>(rows: string[], limit: number): Page<T> {
  return cutPage(
    rows.map((data) => JSON.parse(data) as T),
    limit,
  ) as Page<T>;
}
