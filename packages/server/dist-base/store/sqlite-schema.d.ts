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
export declare const MIGRATIONS: readonly string[];
/** The schema version a fully migrated file has. */
export declare const SCHEMA_VERSION: number;
/**
 * Brings `db` up to {@link SCHEMA_VERSION}, each migration in its own write-locked transaction
 * (so processes opening one file at once take turns). Throws when the file was written by a
 * newer version of the store.
 *
 * @example
 * migrate(new Database(":memory:")); // creates the tables
 */
export declare function migrate(db: Database.Database): void;
//# sourceMappingURL=sqlite-schema.d.ts.map