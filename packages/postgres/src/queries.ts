/**
 * The statements of {@link PostgresStore}, built once per schema as named prepared statements.
 * Values are always parameters (`$1`...); the schema is the only name in the text, validated by
 * `quoteSchema`.
 * @module
 */
import { type PreparedStatement, prepared } from "./connection.js";

/** A page query from the start (`first`) and after a cursor row (`after`, whose id is the last parameter). */
export interface PageStatements {
  first: PreparedStatement;
  after: PreparedStatement;
}

/**
 * Keyset page queries over `table` rows of one `scope` value, ordered by `(created_key, seq)`.
 * The cursor row is joined by id within the same scope, so a cursor naming another thread's (or
 * user's) row gives an empty page; `guard` adds the ownership condition.
 */
function pages(
  s: string,
  table: "items" | "threads",
  scope: "thread_id" | "user_id",
  guard: string,
  limit: string,
  cursor: string,
): Record<"asc" | "desc", PageStatements> {
  const build = (direction: "ASC" | "DESC"): PageStatements => {
    const op = direction === "ASC" ? ">" : "<";
    const orderBy = `ORDER BY r.created_key ${direction}, r.seq ${direction} LIMIT ${limit}`;
    return {
      first: prepared(
        `SELECT r.data FROM ${s}.${table} r WHERE r.${scope} = $1${guard} ${orderBy}`,
      ),
      // LATERAL makes the cursor row the outer side, so its position bounds the index scan
      // (a plain join let the planner scan from the start and filter).
      after: prepared(
        `SELECT r.data FROM ${s}.${table} c CROSS JOIN LATERAL (
           SELECT r.data, r.created_key, r.seq FROM ${s}.${table} r
           WHERE r.${scope} = $1 AND (r.created_key, r.seq) ${op} (c.created_key, c.seq)
           ${orderBy}
         ) r
         WHERE c.${scope} = $1 AND c.id = ${cursor}${guard}
         ORDER BY r.created_key ${direction}, r.seq ${direction}`,
      ),
    };
  };
  return { asc: build("ASC"), desc: build("DESC") };
}

/** All statements of the store for the quoted schema `s`. */
export function storeStatements(s: string) {
  const ownsThread = ` AND EXISTS (SELECT 1 FROM ${s}.threads t WHERE t.id = $1 AND t.user_id = $2)`;
  return {
    // $1 thread, $2 user, $3 limit, $4 cursor item id
    items: pages(s, "items", "thread_id", ownsThread, "$3", "$4"),
    // $1 user, $2 limit, $3 cursor thread id
    threads: pages(s, "threads", "user_id", "", "$2", "$3"),
    loadThread: prepared(`SELECT data FROM ${s}.threads WHERE id = $1 AND user_id = $2`),
    upsertThread: prepared(
      `INSERT INTO ${s}.threads (id, user_id, created_key, data) VALUES ($1, $2, $3, $4)
       ON CONFLICT (id) DO UPDATE SET data = excluded.data
       WHERE ${s}.threads.user_id = excluded.user_id
       RETURNING 1`,
    ),
    // The thread's row must exist and be the user's; the foreign key catches a concurrent delete.
    upsertItem: prepared(
      `INSERT INTO ${s}.items (thread_id, id, created_key, data)
       SELECT t.id, $2::text, $3::bigint, $4::text FROM ${s}.threads t WHERE t.id = $1 AND t.user_id = $5
       ON CONFLICT (thread_id, id) DO UPDATE SET data = excluded.data
       RETURNING 1`,
    ),
    // The thread's row (it is the user's) and the item's data when the thread holds it.
    loadThreadItem: prepared(
      `SELECT t.data AS thread,
         (SELECT i.data FROM ${s}.items i WHERE i.thread_id = t.id AND i.id = $2) AS item
       FROM ${s}.threads t WHERE t.id = $1 AND t.user_id = $3`,
    ),
    loadItem: prepared(
      `SELECT i.data FROM ${s}.items i JOIN ${s}.threads t ON t.id = i.thread_id
       WHERE i.thread_id = $1 AND i.id = $2 AND t.user_id = $3`,
    ),
    deleteItem: prepared(
      `DELETE FROM ${s}.items i USING ${s}.threads t
       WHERE i.thread_id = $1 AND i.id = $2 AND t.id = $1 AND t.user_id = $3`,
    ),
    // One statement, so one transaction: the thread (its items cascade), then its attachment
    // records and their uploaded bytes.
    deleteThread: prepared(
      `WITH thread AS (
         DELETE FROM ${s}.threads WHERE id = $1 AND user_id = $2 RETURNING id
       ), attachment AS (
         DELETE FROM ${s}.attachments
         WHERE thread_id IN (SELECT id FROM thread) AND user_id = $2 RETURNING id
       )
       DELETE FROM ${s}.attachment_files WHERE id IN (SELECT id FROM attachment)`,
    ),
    upsertAttachment: prepared(
      `INSERT INTO ${s}.attachments (id, user_id, thread_id, data) VALUES ($1, $2, $3, $4)
       ON CONFLICT (id) DO UPDATE SET thread_id = excluded.thread_id, data = excluded.data
       WHERE ${s}.attachments.user_id = excluded.user_id
       RETURNING 1`,
    ),
    loadAttachment: prepared(`SELECT data FROM ${s}.attachments WHERE id = $1 AND user_id = $2`),
    // A claim takes a missing, expired ($5) or abandoned ($6) key; a row back means "claimed".
    claimKey: prepared(
      `INSERT INTO ${s}.idempotency_keys (user_id, key, fingerprint, done, response, created_ms)
       VALUES ($1, $2, $3, false, NULL, $4)
       ON CONFLICT (user_id, key) DO UPDATE SET fingerprint = excluded.fingerprint, done = false,
         response = NULL, created_ms = excluded.created_ms
       WHERE ${s}.idempotency_keys.created_ms < $5
          OR (NOT ${s}.idempotency_keys.done AND ${s}.idempotency_keys.created_ms < $6)
       RETURNING 1`,
    ),
    readKey: prepared(
      `SELECT fingerprint, done, response, created_ms FROM ${s}.idempotency_keys
       WHERE user_id = $1 AND key = $2`,
    ),
    completeKey: prepared(
      `UPDATE ${s}.idempotency_keys SET done = true, response = $3 WHERE user_id = $1 AND key = $2`,
    ),
    releaseKey: prepared(`DELETE FROM ${s}.idempotency_keys WHERE user_id = $1 AND key = $2`),
    expireKeys: prepared(`DELETE FROM ${s}.idempotency_keys WHERE created_ms < $1`),
    deleteAttachment: prepared(`DELETE FROM ${s}.attachments WHERE id = $1 AND user_id = $2`),
  };
}
