import type { Attachment, Page, ThreadItem, ThreadMetadata } from "@threadkit/core";
import {
  attachmentNotFound,
  cutPage,
  decideClaim,
  generateId,
  IDEMPOTENCY_STALE_MS,
  IDEMPOTENCY_TTL_MS,
  type IdempotencyClaim,
  itemNotFound,
  LOAD_THREAD_ITEM,
  loadThreadItemOnce,
  type Order,
  pageLimit,
  type Store,
  type StoreItemType,
  storedItemJson,
  type ThreadItemRow,
  threadMetadataOnly,
  threadNotFound,
  timeKey,
} from "@threadkit/server";
import type pg from "pg";
import {
  connect,
  type PoolHandle,
  type PostgresConnectionOptions,
  quoteSchema,
} from "./connection.js";
import { lazyOnce, runMigrations } from "./migrations.js";
import { storeStatements } from "./queries.js";
import { STORE_MIGRATIONS } from "./schema.js";
import { mapUnavailable } from "./unavailable.js";

/** Options of {@link PostgresStore}. */
export interface PostgresStoreOptions<TContext> extends PostgresConnectionOptions {
  /**
   * The user a request acts for; every read and write is scoped to it, so another user's
   * threads, items and attachments are "not found". Default `() => "default"` (single tenant).
   */
  userId?: (context: TContext) => string;
}

/** SQLSTATE of a foreign key violation: an item inserted while its thread was being deleted. */
const FOREIGN_KEY_VIOLATION = "23503";

/**
 * A {@link Store} on PostgreSQL, for any number of server instances on one database.
 *
 * - Migrations are versioned and run by {@link migrate} or lazily on first use (creating the
 *   schema); instances starting together take turns on an advisory lock.
 * - Every statement is parameterised; only the validated schema name is part of the SQL text.
 * - Items are ordered by `created_at`, then by an identity column assigned inside the insert, so
 *   concurrent writers on several instances never share a position. Pages are keyset scans on
 *   that pair (as fast from a 100,000-item thread as from a 100-item one), so a reader paging
 *   while others insert never skips or repeats an item.
 * - `deleteThread` removes the thread, its items, its attachment records and their uploaded bytes
 *   (those of {@link PostgresAttachmentStore} in the same schema) in one statement.
 * - A database that cannot be reached gives `StoreUnavailableError` (HTTP 503 / an `error`
 *   event); the pool reconnects by itself when it is back.
 *
 * @example
 * const store = new PostgresStore<{ userId: string }>({
 *   connectionString: process.env.DATABASE_URL,
 *   userId: (ctx) => ctx.userId,
 * });
 * await store.migrate(); // optional: otherwise on first use
 * const server = new MyServer(store);
 * // on shutdown
 * await store.close();
 */
export class PostgresStore<TContext = unknown> implements Store<TContext> {
  /** The pool (yours when you passed one). */
  readonly pool: pg.Pool;
  /** The quoted schema name, as it appears in statements. */
  readonly schema: string;
  readonly #handle: PoolHandle;
  readonly #userId: (context: TContext) => string;
  readonly #sql: ReturnType<typeof storeStatements>;
  readonly #ready: () => Promise<void>;
  /** When expired idempotency keys were last deleted. */
  #lastSweep = 0;

  constructor(options: PostgresStoreOptions<TContext>) {
    this.schema = quoteSchema(options.schema);
    this.#handle = connect(options);
    this.pool = this.#handle.pool;
    this.#userId = options.userId ?? (() => "default");
    this.#sql = storeStatements(this.schema);
    this.#ready = lazyOnce(() => runMigrations(this.pool, this.schema, "store", STORE_MIGRATIONS));
  }

  /** Creates or upgrades the tables (idempotent; also done on first use). */
  async migrate(): Promise<void> {
    try {
      await this.#ready();
    } catch (error) {
      throw mapUnavailable(error);
    }
  }

  /** Ends the pool when the store created it; a pool you passed in stays open. */
  async close(): Promise<void> {
    await this.#handle.end();
  }

  /** The user `context` acts for (what every read and write is scoped to). */
  userIdFor(context: TContext): string {
    return this.#userId(context);
  }

  /**
   * Claims an action's idempotency key for the user, atomically across instances: one statement
   * takes a missing, expired or abandoned key; otherwise the stored record decides (`running`,
   * `done` with its response, or `mismatch`). Keys older than 24 h are deleted now and then.
   */
  async claimIdempotencyKey(
    key: string,
    fingerprint: string,
    context: TContext,
  ): Promise<IdempotencyClaim> {
    const userId = this.#userId(context);
    const now = Date.now();
    if (now - this.#lastSweep >= 60_000) {
      this.#lastSweep = now;
      await this.#query(this.#sql.expireKeys, [now - IDEMPOTENCY_TTL_MS]);
    }
    // Twice at most: a key released between our two statements is free again.
    for (let attempt = 0; attempt < 2; attempt++) {
      const values = [
        userId,
        key,
        fingerprint,
        now,
        now - IDEMPOTENCY_TTL_MS,
        now - IDEMPOTENCY_STALE_MS,
      ];
      if ((await this.#query(this.#sql.claimKey, values)).length > 0) return { state: "claimed" };
      const [row] = (await this.#query(this.#sql.readKey, [userId, key])) as unknown as KeyRow[];
      if (!row) continue;
      const claim = decideClaim(
        {
          fingerprint: row.fingerprint,
          done: row.done,
          response: row.response,
          createdAt: Number(row.created_ms),
        },
        fingerprint,
        now,
      );
      if (claim.state !== "claimed") return claim;
    }
    return { state: "running" };
  }

  async completeIdempotencyKey(
    key: string,
    response: string | null,
    context: TContext,
  ): Promise<void> {
    await this.#query(this.#sql.completeKey, [this.#userId(context), key, response]);
  }

  async releaseIdempotencyKey(key: string, context: TContext): Promise<void> {
    await this.#query(this.#sql.releaseKey, [this.#userId(context), key]);
  }

  generateThreadId(_context: TContext): string {
    return generateId("thread");
  }

  generateItemId(kind: StoreItemType, _thread: ThreadMetadata, _context: TContext): string {
    return generateId(kind);
  }

  async loadThread(threadId: string, context: TContext): Promise<ThreadMetadata> {
    const rows = await this.#query(this.#sql.loadThread, [threadId, this.#userId(context)]);
    const row = rows[0];
    if (!row) throw threadNotFound(threadId);
    return JSON.parse(row.data) as ThreadMetadata;
  }

  async saveThread(thread: ThreadMetadata, context: TContext): Promise<void> {
    const data = JSON.stringify(threadMetadataOnly(thread));
    const values = [thread.id, this.#userId(context), timeKey(thread.created_at), data];
    // The upsert refuses to overwrite another user's thread: no row comes back.
    const rows = await this.#query(this.#sql.upsertThread, values);
    if (rows.length === 0) throw threadNotFound(thread.id);
  }

  async loadThreadItems(
    threadId: string,
    after: string | null | undefined,
    limit: number,
    order: Order,
    context: TContext,
  ): Promise<Page<ThreadItem>> {
    const n = pageLimit(limit);
    const userId = this.#userId(context);
    const page = this.#sql.items[order === "desc" ? "desc" : "asc"];
    const rows = after
      ? await this.#query(page.after, [threadId, userId, n + 1, after])
      : await this.#query(page.first, [threadId, userId, n + 1]);
    return parsePage<ThreadItem>(rows, n);
  }

  async addThreadItem(threadId: string, item: ThreadItem, context: TContext): Promise<void> {
    await this.saveItem(threadId, item, context);
  }

  async saveItem(threadId: string, item: ThreadItem, context: TContext): Promise<void> {
    const values = [
      threadId,
      item.id,
      timeKey(item.created_at),
      storedItemJson(item),
      this.#userId(context),
    ];
    let rows: Row[];
    try {
      rows = await this.#query(this.#sql.upsertItem, values);
    } catch (error) {
      if ((error as { code?: unknown }).code === FOREIGN_KEY_VIOLATION) {
        throw threadNotFound(threadId);
      }
      throw error;
    }
    if (rows.length === 0) throw threadNotFound(threadId);
  }

  async loadItem(threadId: string, itemId: string, context: TContext): Promise<ThreadItem> {
    const rows = await this.#query(this.#sql.loadItem, [threadId, itemId, this.#userId(context)]);
    const row = rows[0];
    if (!row) throw itemNotFound(threadId, itemId);
    return JSON.parse(row.data) as ThreadItem;
  }

  /**
   * `loadThread`, then `loadItem` on it, in one statement: an action's thread and sender cost one
   * round trip to the database instead of two. Same results and errors; a subclass that overrides
   * either method gets them called as they are.
   */
  async [LOAD_THREAD_ITEM](
    threadId: string,
    itemId: string,
    context: TContext,
  ): Promise<{ thread: ThreadMetadata; item: ThreadItem }> {
    return loadThreadItemOnce(
      this,
      PostgresStore.prototype,
      threadId,
      itemId,
      context,
      async () => {
        const rows = await this.#query(this.#sql.loadThreadItem, [
          threadId,
          itemId,
          this.#userId(context),
        ]);
        return (rows as unknown as ThreadItemRow[])[0];
      },
    );
  }

  async deleteThreadItem(threadId: string, itemId: string, context: TContext): Promise<void> {
    await this.#query(this.#sql.deleteItem, [threadId, itemId, this.#userId(context)]);
  }

  async loadThreads(
    limit: number,
    after: string | null | undefined,
    order: Order,
    context: TContext,
  ): Promise<Page<ThreadMetadata>> {
    const n = pageLimit(limit);
    const userId = this.#userId(context);
    const page = this.#sql.threads[order === "desc" ? "desc" : "asc"];
    const rows = after
      ? await this.#query(page.after, [userId, n + 1, after])
      : await this.#query(page.first, [userId, n + 1]);
    return parsePage<ThreadMetadata>(rows, n);
  }

  async deleteThread(threadId: string, context: TContext): Promise<void> {
    await this.#query(this.#sql.deleteThread, [threadId, this.#userId(context)]);
  }

  async saveAttachment(attachment: Attachment, context: TContext): Promise<void> {
    const threadId = (attachment as { thread_id?: unknown }).thread_id;
    const values = [
      attachment.id,
      this.#userId(context),
      typeof threadId === "string" ? threadId : null,
      JSON.stringify(attachment),
    ];
    const rows = await this.#query(this.#sql.upsertAttachment, values);
    if (rows.length === 0) throw attachmentNotFound(attachment.id);
  }

  async loadAttachment(attachmentId: string, context: TContext): Promise<Attachment> {
    const rows = await this.#query(this.#sql.loadAttachment, [attachmentId, this.#userId(context)]);
    const row = rows[0];
    if (!row) throw attachmentNotFound(attachmentId);
    return JSON.parse(row.data) as Attachment;
  }

  async deleteAttachment(attachmentId: string, context: TContext): Promise<void> {
    await this.#query(this.#sql.deleteAttachment, [attachmentId, this.#userId(context)]);
  }

  /** Runs one statement after the migrations, reporting an unreachable database as 503. */
  async #query(statement: { name: string; text: string }, values: unknown[]): Promise<Row[]> {
    try {
      await this.#ready();
      const result = await this.pool.query<Row>({ ...statement, values });
      return result.rows;
    } catch (error) {
      throw mapUnavailable(error);
    }
  }
}

/** What the statements return: the JSON of a row (`data`), when they return anything. */
type Row = { data: string };

/** A stored idempotency key (`created_ms` is a bigint, so a string from `pg`). */
type KeyRow = { fingerprint: string; done: boolean; response: string | null; created_ms: string };

function parsePage<T extends { id: string }>(rows: Row[], limit: number): Page<T> {
  return cutPage(
    rows.map((row) => JSON.parse(row.data) as T),
    limit,
  ) as Page<T>;
}
