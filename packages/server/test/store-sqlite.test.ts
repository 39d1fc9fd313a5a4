import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import type { ThreadItem } from "@threadkit/core";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { PAGE_SQL, SQLiteStore } from "../src/store/sqlite.js";
import { MIGRATIONS, SCHEMA_VERSION } from "../src/store/sqlite-schema.js";
import { at, makeThread, userMessage, walkPages } from "../src/testing/index.js";

type Ctx = { userId: string };
const alice: Ctx = { userId: "alice" };
const dir = mkdtempSync(join(tmpdir(), "threadkit-sqlite-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const open = (path = join(dir, `s-${++n}.db`)) =>
  new SQLiteStore<Ctx>({ path, userId: (ctx) => ctx.userId });

/** Inserts `count` items into `threadId` in one transaction, all with the same created_at. */
function bulkInsert(store: SQLiteStore<Ctx>, threadId: string, count: number, createdAt: string) {
  const items: ThreadItem[] = Array.from({ length: count }, (_, i) =>
    userMessage(`${threadId}_m${i}`, threadId, `message ${i}`, createdAt),
  );
  // Through the public API, batched in one transaction for speed (saveItem is synchronous inside).
  store.db.transaction(() => {
    for (const item of items) void store.addThreadItem(threadId, item, alice);
  })();
}

describe("SQLiteStore on disk", () => {
  it("opens in WAL mode at the current schema version", () => {
    const store = open();
    expect(store.db.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(store.db.pragma("user_version", { simple: true })).toBe(SCHEMA_VERSION);
    store.close();
  });

  it("lets several processes open a new file at the same moment (WAL switch and migrations take turns)", async () => {
    const path = join(dir, `race-${++n}.db`);
    const source = fileURLToPath(new URL("../src/store/sqlite.ts", import.meta.url));
    const script = `import { SQLiteStore } from ${JSON.stringify(source)};
      const store = new SQLiteStore({ path: ${JSON.stringify(path)} });
      console.log(store.db.pragma("user_version", { simple: true }));
      store.close();`;
    const run = promisify(execFile);
    const opened = await Promise.all(
      Array.from({ length: 8 }, () =>
        run(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script]),
      ),
    );
    expect(opened.map((out) => Number(out.stdout.trim()))).toEqual(Array(8).fill(SCHEMA_VERSION));
  }, 30_000);

  it("keeps data across reopen and migrates only once", async () => {
    const path = join(dir, "reopen.db");
    const first = open(path);
    await first.saveThread(makeThread("thr_1", { title: "kept" }), alice);
    await first.addThreadItem("thr_1", userMessage("msg_1", "thr_1", "hi", at(1)), alice);
    first.close();
    const second = open(path);
    expect((await second.loadThread("thr_1", alice)).title).toBe("kept");
    expect((await second.loadItem("thr_1", "msg_1", alice)).id).toBe("msg_1");
    second.close();
  });

  it("migrates a file whose seq was AUTOINCREMENT: same rows, same order, sqlite_sequence unused", async () => {
    const path = join(dir, "autoincrement.db");
    const old = new Database(path);
    for (const [version, sql] of MIGRATIONS.slice(0, 3).entries()) {
      old.exec(sql);
      old.pragma(`user_version = ${version + 1}`);
    }
    const thread = (id: string) =>
      JSON.stringify({ id, created_at: at(0), status: { type: "active" }, metadata: {} });
    const insertThread = old.prepare(
      "INSERT INTO threads (id, user_id, created_key, data) VALUES (?, 'alice', 1, ?)",
    );
    for (const id of ["thr_1", "thr_2", "thr_3"]) insertThread.run(id, thread(id));
    const insertItem = old.prepare(
      "INSERT INTO items (thread_id, id, created_key, data) VALUES ('thr_1', ?, ?, ?)",
    );
    // Items sharing a timestamp (ordered by seq alone), then the newest rows deleted: the seq
    // values to keep have gaps and AUTOINCREMENT's counter stands above them all.
    for (const [id, key] of [
      ["m1", 5],
      ["m2", 5],
      ["m3", 4],
      ["m4", 5],
      ["m5", 5],
      ["m6", 5],
    ]) {
      insertItem.run(id, key, JSON.stringify(userMessage(id as string, "thr_1", "x")));
    }
    old.exec(
      "DELETE FROM items WHERE id IN ('m2', 'm5', 'm6'); DELETE FROM threads WHERE id = 'thr_3'",
    );
    const seqs = old.prepare("SELECT id, seq FROM items ORDER BY seq").all();
    old.close();

    const store = open(path);
    expect(store.db.pragma("user_version", { simple: true })).toBe(SCHEMA_VERSION);
    const schema = store.db
      .prepare("SELECT group_concat(sql, ' ') AS sql FROM sqlite_master")
      .get() as {
      sql: string;
    };
    expect(schema.sql).not.toMatch(/AUTOINCREMENT/i);
    expect(store.db.prepare("SELECT id, seq FROM items ORDER BY seq").all()).toEqual(seqs);
    const ids = async (order: "asc" | "desc", after: string | null = null, limit = 10) =>
      (await store.loadThreadItems("thr_1", after, limit, order, alice)).data.map((i) => i.id);
    expect(await ids("asc")).toEqual(["m3", "m1", "m4"]);
    expect(await ids("desc")).toEqual(["m4", "m1", "m3"]);
    expect(await ids("asc", "m1", 1)).toEqual(["m4"]);
    // A new row goes after every row there is (created_key equal: by seq), and so does one
    // added after the newest row was deleted.
    await store.addThreadItem("thr_1", userMessage("m7", "thr_1", "x"), alice);
    store.db.prepare("UPDATE items SET created_key = 5 WHERE id = 'm7'").run();
    expect(await ids("asc")).toEqual(["m3", "m1", "m4", "m7"]);
    await store.deleteThreadItem("thr_1", "m7", alice);
    await store.addThreadItem("thr_1", userMessage("m8", "thr_1", "x"), alice);
    store.db.prepare("UPDATE items SET created_key = 5 WHERE id = 'm8'").run();
    expect(await ids("asc")).toEqual(["m3", "m1", "m4", "m8"]);
    expect((await store.loadThreads(10, null, "asc", alice)).data.map((t) => t.id)).toEqual([
      "thr_1",
      "thr_2",
    ]);
    expect(store.db.prepare("SELECT count(*) AS n FROM sqlite_sequence").get()).toEqual({ n: 0 });
    store.close();
  });

  it("refuses a database written by a newer schema", () => {
    const path = join(dir, "newer.db");
    const store = open(path);
    store.db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    store.close();
    expect(() => open(path)).toThrow(/newer than this store/);
  });

  it("lets two connections to one file see each other's writes", async () => {
    const path = join(dir, "shared.db");
    const a = open(path);
    const b = open(path);
    await a.saveThread(makeThread("thr_1"), alice);
    await b.addThreadItem("thr_1", userMessage("msg_1", "thr_1", "from b", at(1)), alice);
    expect((await a.loadThreadItems("thr_1", null, 5, "asc", alice)).data).toHaveLength(1);
    a.close();
    b.close();
  });

  it("orders microsecond timestamps and time zones exactly", async () => {
    const store = open();
    await store.saveThread(makeThread("thr_1"), alice);
    const items = [
      userMessage("c", "thr_1", "x", "2026-11-24T03:04:14.315768"),
      userMessage("a", "thr_1", "x", "2026-11-24T04:04:14.315766+01:00"),
      userMessage("b", "thr_1", "x", "2026-11-24T03:04:14.315767Z"),
    ];
    for (const item of items) await store.addThreadItem("thr_1", item, alice);
    const page = await store.loadThreadItems("thr_1", null, 5, "asc", alice);
    expect(page.data.map((item) => item.id)).toEqual(["a", "b", "c"]);
    store.close();
  });

  it("rolls back a multi-row write that fails half way", async () => {
    const store = open();
    await store.saveThread(makeThread("thr_1"), alice);
    await store.addThreadItem("thr_1", userMessage("msg_1", "thr_1", "x"), alice);
    store.db.exec(
      "CREATE TRIGGER no_thread_delete BEFORE DELETE ON threads BEGIN SELECT RAISE(ABORT, 'boom'); END",
    );
    await expect(store.deleteThread("thr_1", alice)).rejects.toThrow(/boom/);
    // the items deleted before the failure are back
    expect((await store.loadThreadItems("thr_1", null, 5, "asc", alice)).data).toHaveLength(1);
    store.close();
  });
});

describe("SQLiteStore pagination cost", () => {
  const plan = (store: SQLiteStore<Ctx>, sql: string) => {
    const params = (sql.match(/\?/g) ?? []).map(() => 1);
    const rows = store.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as {
      detail: string;
    }[];
    return rows.map((row) => row.detail).join("\n");
  };

  it("serves every page query from the ordering index, without a temp b-tree", () => {
    const store = open();
    for (const [table, queries] of Object.entries(PAGE_SQL)) {
      const index = table === "items" ? "items_by_thread_order" : "threads_by_user_order";
      for (const sql of Object.values(queries)) {
        const detail = plan(store, sql);
        expect(detail, sql).toContain(`USING INDEX ${index}`);
        expect(detail, sql).not.toMatch(/TEMP B-TREE|SCAN/);
      }
      // a cursor inside a run of equal timestamps seeks on seq too (no scan of the run)
      expect(plan(store, queries.sameAsc)).toMatch(/created_key=\? AND seq>\?/);
      expect(plan(store, queries.sameDesc)).toMatch(/created_key=\? AND seq<\?/);
    }
    store.close();
  });

  it("pages a 100,000-item thread with the same plan as a 10-item one", async () => {
    const store = open();
    await store.saveThread(makeThread("big"), alice);
    await store.saveThread(makeThread("small"), alice);
    bulkInsert(store, "big", 100_000, at(7));
    bulkInsert(store, "small", 10, at(7));
    store.db.exec("ANALYZE");
    for (const sql of Object.values(PAGE_SQL.items)) {
      expect(plan(store, sql)).toContain("USING INDEX items_by_thread_order");
      expect(plan(store, sql)).not.toMatch(/TEMP B-TREE|SCAN/);
    }
    const deep = await store.loadThreadItems("big", "big_m50000", 20, "asc", alice);
    expect(deep.data.map((item) => item.id)).toEqual(
      Array.from({ length: 20 }, (_, i) => `big_m${50_001 + i}`),
    );
    const back = await store.loadThreadItems("big", "big_m50000", 3, "desc", alice);
    expect(back.data.map((item) => item.id)).toEqual(["big_m49999", "big_m49998", "big_m49997"]);
    const small = await walkPages((a) => store.loadThreadItems("small", a, 3, "desc", alice), 3);
    expect(small).toHaveLength(10);
    store.close();
  }, 60_000);
});
