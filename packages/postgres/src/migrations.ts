import type pg from "pg";

/**
 * One step of a component's schema. `sql(schema)` gets the quoted schema name
 * (`"threadkit"`) and returns the statements; versions start at 1 and grow by one. Append new
 * steps, never edit shipped ones.
 */
export interface Migration {
  version: number;
  sql(schema: string): string;
}

/**
 * Brings `component`'s tables in `schema` up to its last migration, in one transaction:
 * creates the schema and the `threadkit_migrations` table when missing, takes an advisory lock
 * (so instances starting at the same moment migrate one after the other), applies the missing
 * versions in order and records each. Several components (the store, a run log, ...) share one
 * migrations table, each with its own versions. Throws when the database has a version this code
 * does not know (a newer deployment migrated it).
 *
 * @param schema the schema, already quoted (see `quoteSchema`)
 * @example
 * await runMigrations(pool, quoteSchema("threadkit"), "run_log", [{ version: 1, sql: (s) => `CREATE TABLE ${s}.runs (...)` }]);
 */
export async function runMigrations(
  pool: pg.Pool,
  schema: string,
  component: string,
  migrations: readonly Migration[],
): Promise<void> {
  const latest = migrations.length;
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(`${component}: migration ${index} has version ${migration.version}`);
    }
  });
  const client = await pool.connect();
  let failed = false;
  try {
    await client.query("BEGIN");
    await client.query("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", [
      `threadkit.migrations:${schema}`,
    ]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await client.query(
      `CREATE TABLE IF NOT EXISTS ${schema}.threadkit_migrations (
         component text NOT NULL,
         version integer NOT NULL,
         applied_at timestamptz NOT NULL DEFAULT now(),
         PRIMARY KEY (component, version)
       )`,
    );
    const { rows } = await client.query<{ version: number | null }>(
      `SELECT max(version) AS version FROM ${schema}.threadkit_migrations WHERE component = $1`,
      [component],
    );
    const current = rows[0]?.version ?? 0;
    if (current > latest) {
      throw new Error(
        `${component}: the database is at schema version ${current}, newer than this code (${latest})`,
      );
    }
    for (const migration of migrations.slice(current)) {
      await client.query(migration.sql(schema));
      await client.query(
        `INSERT INTO ${schema}.threadkit_migrations (component, version) VALUES ($1, $2)`,
        [component, migration.version],
      );
    }
    await client.query("COMMIT");
  } catch (error) {
    failed = true;
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    // A connection that failed mid-transaction is discarded rather than reused.
    client.release(failed);
  }
}

/**
 * Runs `migrate` once, on first need: concurrent callers share one attempt, and a failed attempt
 * (say, the database was down) is forgotten so the next call tries again.
 *
 * @example
 * const ready = lazyOnce(() => runMigrations(pool, schema, "store", MIGRATIONS));
 * await ready(); // before each query
 */
export function lazyOnce(migrate: () => Promise<void>): () => Promise<void> {
  let done = false;
  let pending: Promise<void> | undefined;
  return () => {
    if (done) return Promise.resolve();
    pending ??= migrate().then(
      () => {
        done = true;
      },
      (error: unknown) => {
        pending = undefined;
        throw error;
      },
    );
    return pending;
  };
}
