import type { ThreadItem } from "@threadkit/core";
import { LOAD_THREAD_ITEM, loadThreadItemApart } from "@threadkit/server";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { quoteSchema } from "../src/connection.js";
import { runMigrations } from "../src/migrations.js";
import { storeStatements } from "../src/queries.js";
import { STORE_MIGRATIONS } from "../src/schema.js";
import { PostgresStore } from "../src/store.js";
import { DATABASE_URL, dropSchema, testSchema } from "./helpers/database.js";
import { TcpProxy } from "./helpers/tcp-proxy.js";

type Ctx = { userId: string };
const userId = (ctx: Ctx) => ctx.userId;
const alice = { userId: "alice" };
const pool = new pg.Pool({ connectionString: DATABASE_URL, max: 6 });
const schemas: string[] = [];
const fresh = (what: string) => {
  const schema = testSchema(what);
  schemas.push(schema);
  return schema;
};
afterAll(async () => {
  await pool.end();
  for (const schema of schemas) await dropSchema(schema);
});

const thread = (id: string) =>
  ({ id, created_at: "2025-01-01T00:00:00", status: { type: "active" }, metadata: {} }) as never;

describe("PostgresStore migrations", () => {
  it("creates a missing schema on first use and records the version", async () => {
    const schema = fresh("lazy");
    const store = new PostgresStore<Ctx>({ pool, schema, userId });
    await store.saveThread(thread("thr_1"), alice);
    const { rows } = await pool.query(
      `SELECT component, version FROM "${schema}".threadkit_migrations ORDER BY version`,
    );
    expect(rows).toEqual(STORE_MIGRATIONS.map((m) => ({ component: "store", version: m.version })));
    expect((await store.loadThread("thr_1", alice)).id).toBe("thr_1");
  });

  it("compresses large rows with lz4 where the server has it (pglz otherwise)", async () => {
    const schema = fresh("lz4");
    const store = new PostgresStore<Ctx>({ pool, schema, userId });
    await store.migrate();
    const lz4 = await pool
      .query("CREATE TEMP TABLE IF NOT EXISTS tk_store_lz4_probe (t text COMPRESSION lz4)")
      .then(() => true)
      .catch(() => false);
    const { rows } = await pool.query<{ name: string; method: string }>(
      `SELECT c.relname || '.' || a.attname AS name, a.attcompression AS method
         FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
         JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = $1 AND (c.relname, a.attname) IN
              (('items', 'data'), ('threads', 'data'), ('idempotency_keys', 'response'))
        ORDER BY 1`,
      [schema],
    );
    const method = lz4 ? "l" : "";
    expect(rows).toEqual([
      { name: "idempotency_keys.response", method },
      { name: "items.data", method },
      { name: "threads.data", method },
    ]);
  });

  it("migrates once when several instances start at the same moment", async () => {
    const schema = fresh("race");
    const stores = Array.from(
      { length: 5 },
      () => new PostgresStore<Ctx>({ connectionString: DATABASE_URL, schema, userId }),
    );
    await Promise.all(stores.map((store) => store.migrate()));
    await Promise.all(stores.map((store) => store.migrate())); // idempotent
    const { rows } = await pool.query(
      `SELECT count(*)::int AS n FROM "${schema}".threadkit_migrations`,
    );
    expect(rows[0].n).toBe(STORE_MIGRATIONS.length);
    await Promise.all(stores.map((store) => store.close()));
  });

  it("refuses a database migrated by newer code", async () => {
    const schema = fresh("newer");
    await new PostgresStore<Ctx>({ pool, schema }).migrate();
    await pool.query(
      `INSERT INTO "${schema}".threadkit_migrations (component, version) VALUES ('store', 99)`,
    );
    await expect(new PostgresStore<Ctx>({ pool, schema }).migrate()).rejects.toThrow(
      /version 99, newer than this code/,
    );
  });

  it("keeps each component's versions apart in one migrations table", async () => {
    const schema = fresh("parts");
    await new PostgresStore<Ctx>({ pool, schema }).migrate();
    const quoted = quoteSchema(schema);
    const extra = [{ version: 1, sql: (s: string) => `CREATE TABLE ${s}.extra (id int)` }];
    await runMigrations(pool, quoted, "extra", extra);
    await runMigrations(pool, quoted, "extra", extra);
    const { rows } = await pool.query(
      `SELECT component, max(version) AS version FROM ${quoted}.threadkit_migrations
       GROUP BY component ORDER BY component`,
    );
    expect(rows).toEqual([
      { component: "extra", version: 1 },
      { component: "store", version: STORE_MIGRATIONS.length },
    ]);
  });
});

describe("PostgresStore options", () => {
  it("refuses a schema name that is not a plain identifier", () => {
    for (const schema of ['x"; DROP TABLE t; --', "a b", "1abc", "", "a".repeat(64)]) {
      expect(() => new PostgresStore({ pool, schema })).toThrow(/invalid schema name/);
    }
  });

  it("ends only a pool it created", async () => {
    const schema = fresh("close");
    const shared = new PostgresStore<Ctx>({ pool, schema, userId });
    await shared.migrate();
    await shared.close();
    expect((await pool.query("SELECT 1 AS one")).rows[0].one).toBe(1);
    const own = new PostgresStore<Ctx>({ connectionString: DATABASE_URL, schema, userId });
    await own.migrate();
    await own.close();
    await expect(own.pool.query("SELECT 1")).rejects.toThrow();
  });

  it("treats client text as values, never as SQL", async () => {
    const schema = fresh("inject");
    const store = new PostgresStore<Ctx>({ pool, schema, userId });
    const evil = "thr_'; DROP TABLE threads; --";
    await store.saveThread(thread(evil), { userId: "o'brien\"; --" });
    expect((await store.loadThread(evil, { userId: "o'brien\"; --" })).id).toBe(evil);
    expect(
      (await store.loadThreads(10, null, "asc", { userId: "o'brien\"; --" })).data,
    ).toHaveLength(1);
  });

  it("pages with index range scans, whatever the cursor's depth", async () => {
    const schema = fresh("plan");
    const store = new PostgresStore<Ctx>({ pool, schema, userId });
    await store.saveThread(thread("thr_big"), alice);
    await pool.query(
      `INSERT INTO "${schema}".items (thread_id, id, created_key, data)
       SELECT 'thr_big', 'msg_' || i, i / 3, '{}' FROM generate_series(1, 20000) AS i`,
    );
    await pool.query(`ANALYZE "${schema}".items`);
    const sql = storeStatements(quoteSchema(schema));
    for (const [order, op] of [
      ["asc", ">"],
      ["desc", "<"],
    ] as const) {
      for (const cursor of ["msg_10", "msg_19990"]) {
        const { rows } = await pool.query(`EXPLAIN ${sql.items[order].after.text}`, [
          "thr_big",
          "alice",
          21,
          cursor,
        ]);
        const plan = rows.map((row: Record<string, string>) => Object.values(row)[0]).join("\n");
        expect(plan).toContain(`(ROW(created_key, seq) ${op} ROW(c.created_key, c.seq))`);
        expect(plan).toMatch(/Index Cond: \(\(thread_id = .*ROW\(created_key, seq\)/);
        expect(plan).not.toMatch(/Seq Scan|Join Filter/);
      }
    }
    const first = await store.loadThreadItems("thr_big", "msg_19990", 5, "asc", alice);
    expect(first.data).toHaveLength(5);
  });
});

describe("PostgresStore when the database goes away", () => {
  it("answers StoreUnavailableError while it is gone and recovers by itself", async () => {
    const schema = fresh("fault");
    const proxy = new TcpProxy(DATABASE_URL);
    await proxy.open();
    const store = new PostgresStore<Ctx>({
      connectionString: proxy.url(DATABASE_URL),
      schema,
      userId,
    });
    try {
      await store.saveThread(thread("thr_1"), alice);
      await proxy.cut();
      for (let i = 0; i < 3; i++) {
        const error = await store.loadThread("thr_1", alice).catch((e: unknown) => e);
        expect(error).toMatchObject({
          name: "StoreUnavailableError",
          status: 503,
          code: "store_unavailable",
        });
      }
      await proxy.open();
      expect((await store.loadThread("thr_1", alice)).id).toBe("thr_1");
    } finally {
      await proxy.cut();
      await store.close();
    }
  });

  it("fails a query the database stops answering mid-flight, within query_timeout", async () => {
    const schema = fresh("silent");
    const proxy = new TcpProxy(DATABASE_URL);
    await proxy.open();
    const store = new PostgresStore<Ctx>({
      connectionString: proxy.url(DATABASE_URL),
      poolConfig: { max: 1, query_timeout: 300 },
      schema,
      userId,
    });
    try {
      await store.saveThread(thread("thr_1"), alice);
      proxy.freeze(); // the one pooled connection stays open but nothing comes back
      const error = await store.loadThread("thr_1", alice).catch((e: unknown) => e);
      expect(error).toMatchObject({ name: "StoreUnavailableError", code: "store_unavailable" });
      await proxy.cut();
      await proxy.open();
      expect((await store.loadThread("thr_1", alice)).id).toBe("thr_1");
    } finally {
      await proxy.cut();
      await store.close();
    }
  });

  it("retries the migrations on the next call when the first attempt could not connect", async () => {
    const schema = fresh("late");
    const proxy = new TcpProxy(DATABASE_URL);
    await proxy.open();
    const url = proxy.url(DATABASE_URL);
    await proxy.cut();
    const store = new PostgresStore<Ctx>({ connectionString: url, schema, userId });
    try {
      await expect(store.migrate()).rejects.toMatchObject({ code: "store_unavailable" });
      await proxy.open();
      await store.saveThread(thread("thr_1"), alice);
      expect((await store.loadThread("thr_1", alice)).id).toBe("thr_1");
    } finally {
      await proxy.cut();
      await store.close();
    }
  });
});

describe("PostgresStore's one-read load of an action's thread and sender", () => {
  const bob = { userId: "bob" };
  const item = (id: string, threadId: string) =>
    ({
      type: "widget",
      id,
      thread_id: threadId,
      created_at: "2025-01-01T00:00:00",
      widget: { type: "Card", children: [] },
    }) as ThreadItem;
  const seeded = async (store: PostgresStore<Ctx>) => {
    await store.saveThread(thread("thr_a"), alice);
    await store.saveThread(thread("thr_a2"), alice);
    await store.saveThread(thread("thr_b"), bob);
    await store.addThreadItem("thr_a", item("w_1", "thr_a"), alice);
    await store.addThreadItem("thr_a2", item("w_2", "thr_a2"), alice);
    await store.addThreadItem("thr_b", item("w_b", "thr_b"), bob);
    return store;
  };
  const outcome = async (load: () => Promise<unknown>) => {
    try {
      return { value: await load() };
    } catch (error) {
      return { error: (error as Error).name, message: (error as Error).message };
    }
  };
  const cases: Array<[string, string, string, Ctx]> = [
    ["a widget of the thread", "thr_a", "w_1", alice],
    ["a missing thread", "thr_none", "w_1", alice],
    ["another user's thread", "thr_b", "w_b", alice],
    ["a missing item", "thr_a", "w_none", alice],
    ["an item of another thread of the user", "thr_a", "w_2", alice],
    ["an item of another user's thread", "thr_a", "w_b", alice],
    ["the other user's own item", "thr_b", "w_b", bob],
  ];
  const store = seeded(new PostgresStore<Ctx>({ pool, schema: fresh("one_read"), userId }));

  it.each(cases)("gives what loadThread then loadItem give, for %s", async (_n, t, i, ctx) => {
    const s = await store;
    const general = await outcome(() => loadThreadItemApart(s, t, i, ctx));
    expect(await outcome(() => s[LOAD_THREAD_ITEM](t, i, ctx))).toEqual(general);
  });

  it("calls a subclass's own loadThread and loadItem", async () => {
    const calls: string[] = [];
    class Audited extends PostgresStore<Ctx> {
      override async loadItem(threadId: string, itemId: string, context: Ctx) {
        calls.push(`item ${itemId}`);
        return super.loadItem(threadId, itemId, context);
      }
    }
    const s = await seeded(new Audited({ pool, schema: fresh("one_read_sub"), userId }));
    expect((await s[LOAD_THREAD_ITEM]("thr_a", "w_1", alice)).item.id).toBe("w_1");
    expect(calls).toEqual(["item w_1"]);
  });
});
