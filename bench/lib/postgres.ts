/** PostgreSQL for the bench: the database (as the tests find it) and a throwaway schema per run. */
import { randomBytes } from "node:crypto";
import pg from "pg";

/** `BENCH_DATABASE_URL`, else the tests' `TEST_DATABASE_URL`, else the local test database. */
export const BENCH_DATABASE_URL =
  process.env.BENCH_DATABASE_URL ??
  process.env.TEST_DATABASE_URL ??
  "postgres://postgres@127.0.0.1:5432/test";

/** A fresh schema name for one bench run. */
export function benchSchema(): string {
  return `tk_bench_${randomBytes(4).toString("hex")}`;
}

/** True when the database answers; the PostgreSQL figures are skipped (with a note) when not. */
export async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({
    connectionString: BENCH_DATABASE_URL,
    connectionTimeoutMillis: 3000,
  });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Drops a bench schema and everything in it. */
export async function dropBenchSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: BENCH_DATABASE_URL });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}
