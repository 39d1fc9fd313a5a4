/**
 * SQLite schema of {@link SQLiteStore}, as an ordered list of migrations tracked in
 * `PRAGMA user_version`.
 * @module
 */
import type Database from "better-sqlite3";

/**
 * Migrations in order; migration `i` brings the file from `user_version` i to i + 1.
 * Append new entries, never edit shipped ones.
 *
 * Rows keep their JSON in `data`; the columns beside it exist for keys and ordering:
 * `seq` (rowid, insertion order) and `created_key` (microseconds, from `created_at`).
 * Pages walk the `(thread_id, created_key, seq)` / `(user_id, created_key, seq)` indexes with a
 * keyset condition, so a page costs the same whatever its depth and the thread's size.
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE threads (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    user_id TEXT NOT NULL,
    created_key INTEGER NOT NULL,
    data TEXT NOT NULL
  );
  CREATE INDEX threads_by_user_order ON threads (user_id, created_key, seq);

  CREATE TABLE items (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    thread_id TEXT NOT NULL,
    id TEXT NOT NULL,
    created_key INTEGER NOT NULL,
    data TEXT NOT NULL,
    UNIQUE (thread_id, id)
  );
  CREATE INDEX items_by_thread_order ON items (thread_id, created_key, seq);

  CREATE TABLE attachments (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL,
    data TEXT NOT NULL
  ) WITHOUT ROWID;
  `,
  // Attachments are deleted with the thread named by their thread_id.
  `CREATE INDEX attachments_by_thread ON attachments (json_extract(data, '$.thread_id'));`,
  // Idempotency keys of actions, per user, for 24 h (see IdempotencyStore).
  `
  CREATE TABLE idempotency_keys (
    user_id TEXT NOT NULL,
    key TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    done INTEGER NOT NULL,
    response TEXT,
    created_ms INTEGER NOT NULL,
    PRIMARY KEY (user_id, key)
  ) WITHOUT ROWID;
  CREATE INDEX idempotency_keys_by_age ON idempotency_keys (created_ms);
  `,
  // `seq` without AUTOINCREMENT: an insert no longer writes the sqlite_sequence page (one WAL
  // page of about 4.5 per action commit). Rows keep their `seq`; a new row still gets one above
  // every row in the table (max + 1). A `seq` may now come back after the table's newest row was
  // deleted, which nothing sees: pages and cursors only compare the positions of live rows.
  `
  CREATE TABLE threads_by_seq (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    user_id TEXT NOT NULL,
    created_key INTEGER NOT NULL,
    data TEXT NOT NULL
  );
  INSERT INTO threads_by_seq (seq, id, user_id, created_key, data)
    SELECT seq, id, user_id, created_key, data FROM threads;
  DROP TABLE threads;
  ALTER TABLE threads_by_seq RENAME TO threads;
  CREATE INDEX threads_by_user_order ON threads (user_id, created_key, seq);

  CREATE TABLE items_by_seq (
    seq INTEGER PRIMARY KEY,
    thread_id TEXT NOT NULL,
    id TEXT NOT NULL,
    created_key INTEGER NOT NULL,
    data TEXT NOT NULL,
    UNIQUE (thread_id, id)
  );
  INSERT INTO items_by_seq (seq, thread_id, id, created_key, data)
    SELECT seq, thread_id, id, created_key, data FROM items;
  DROP TABLE items;
  ALTER TABLE items_by_seq RENAME TO items;
  CREATE INDEX items_by_thread_order ON items (thread_id, created_key, seq);
  `,
];

/** The schema version a fully migrated file has. */
export const SCHEMA_VERSION = MIGRATIONS.length;

/**
 * Brings `db` up to {@link SCHEMA_VERSION}, each migration in its own write-locked transaction
 * (so processes opening one file at once take turns). Throws when the file was written by a
 * newer version of the store.
 *
 * @example
 * migrate(new Database(":memory:")); // creates the tables
 */
export function migrate(db: Database.Database): void {
  const current = Number(db.pragma("user_version", { simple: true }));
  if (current > SCHEMA_VERSION) {
    throw new Error(
      `SQLiteStore: database schema version ${current} is newer than this store (${SCHEMA_VERSION})`,
    );
  }
  for (let version = current; version < SCHEMA_VERSION; version++) {
    const sql = MIGRATIONS[version] ?? "";
    db.transaction(() => {
      // Read again under the write lock: another process opening the same file at the same
      // moment may have applied this migration while we waited for the lock.
      if (Number(db.pragma("user_version", { simple: true })) > version) return;
      db.exec(sql);
      db.pragma(`user_version = ${version + 1}`);
    }).immediate();
  }
}
