import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import pg from "pg";

/** The test database (`TEST_DATABASE_URL`). */
export const DATABASE_URL =
  process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

/** True once `@threadkit/postgres` has its run log (the multi-instance tests then cover it). */
export function postgresAvailable(): boolean {
  return existsSync(fileURLToPath(new URL("../../../postgres/src/run-log.ts", import.meta.url)));
}

/** Drops a test's schema. */
export async function cleanPostgres(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema.replace(/"/g, "")}" CASCADE`);
  } finally {
    await client.end();
  }
}
