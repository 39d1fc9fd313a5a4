import { randomBytes } from "node:crypto";
import pg from "pg";

/** The test database (trust auth on this machine kind). */
export const DATABASE_URL =
  process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

/** A fresh schema name for one test file: `tk_<what>_<random>`. */
export function testSchema(what: string): string {
  return `tk_${what}_${randomBytes(4).toString("hex")}`;
}

/** Drops `schema` and everything in it (afterAll of each test file). */
export async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}
