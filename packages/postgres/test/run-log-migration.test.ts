import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { quoteSchema } from "../src/connection.js";
import { runMigrations } from "../src/migrations.js";
import { PostgresRunLog } from "../src/run-log.js";
import { RUN_LOG_MIGRATIONS } from "../src/run-log-schema.js";
import { DATABASE_URL, dropSchema, testSchema } from "./helpers/database.js";

const schema = testSchema("runs_v1");
const pool = new pg.Pool({ connectionString: DATABASE_URL, max: 2 });
afterAll(async () => {
  await pool.end();
  await dropSchema(schema);
});

describe("PostgresRunLog's schema, version 1 (a row per event) to 2 (a row per append)", () => {
  it("keeps the runs, drops their old events, and goes on numbering from each run's last seq", async () => {
    const s = quoteSchema(schema);
    await runMigrations(pool, s, "run_log", RUN_LOG_MIGRATIONS.slice(0, 1));
    await pool.query(
      `INSERT INTO ${s}.runs (run_id, thread_id, owner, resumable, context, body_hash, last_seq, lease_until)
       VALUES ('run_v1', 'thr_v1', 'owner_a', true, '{}', 'hash', 2, now() + interval '1 minute')`,
    );
    await pool.query(
      `INSERT INTO ${s}.run_events (run_id, seq, data) VALUES ('run_v1', 1, '{"n":1}'), ('run_v1', 2, '{"n":2}')`,
    );

    const log = new PostgresRunLog({ connectionString: DATABASE_URL, schema });
    try {
      await log.migrate();
      const { rows } = await pool.query<{ name: string | null }>("SELECT to_regclass($1) AS name", [
        `${s}.run_events`,
      ]);
      expect(rows[0]?.name).toBeNull();
      // lz4 for the appends' frames where the server has it (pglz, the default, otherwise).
      const lz4 = await pool
        .query("CREATE TEMP TABLE IF NOT EXISTS tk_lz4_probe (t text COMPRESSION lz4)")
        .then(() => true)
        .catch(() => false);
      const compression = await pool.query<{ method: string }>(
        `SELECT attcompression AS method FROM pg_attribute
          WHERE attrelid = $1::regclass AND attname = 'frames'`,
        [`${s}.run_batches`],
      );
      expect(compression.rows[0]?.method).toBe(lz4 ? "l" : "");
      expect(await log.info("run_v1")).toMatchObject({ lastSeq: 2, ended: null, owner: "owner_a" });
      expect(await log.activeRun("thr_v1")).toBe("run_v1");
      // Its logged events are gone: a reader from the start finds the gap (a resume gets 410).
      expect(await log.read("run_v1", 0, 10)).toEqual([]);

      await log.append("run_v1", "owner_a", [
        { seq: 3, data: '{"n":3}' },
        { seq: 4, data: '{"reason":"completed"}', end: "completed" },
      ]);
      expect(await log.read("run_v1", 0, 10)).toEqual([
        { seq: 3, data: '{"n":3}' },
        { seq: 4, data: '{"reason":"completed"}', end: "completed" },
      ]);
      expect(await log.activeRun("thr_v1")).toBeNull();
    } finally {
      await log.close();
    }
  });
});
