/**
 * SQLiteStore's unit of work (one transaction per streaming request) against the store's own
 * writes, and the server's promise that goes with it: no event reaches the client before the
 * writes that precede it are committed. "Committed" is checked from a second connection to the
 * same file, which sees only committed data. Also: WAL checkpoints run in a worker thread.
 */
import { mkdtempSync, rmSync, statSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ThreadItem, ThreadStreamEvent } from "@threadkit/core";
import { createNodeHandler, NotFoundError, SQLiteStore, StreamingResult } from "@threadkit/server";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { assistantMessage, at, makeThread, widgetItem } from "../src/testing/index.js";
import { makeApp, UPDATED_CARD } from "./helpers/app.js";
import { type Ctx, listen, USER } from "./helpers/server.js";

const dir = mkdtempSync(join(tmpdir(), "threadkit-unit-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

/** A store on a fresh file, and a second connection that sees only what is committed. */
function openPair() {
  const path = join(dir, `u-${++n}.db`);
  const store = new SQLiteStore<Ctx>({ path, userId: (ctx) => ctx.userId });
  const other = new Database(path, { readonly: true });
  const committed = (threadId: string, itemId: string): ThreadItem | undefined => {
    const row = other
      .prepare("SELECT data FROM items WHERE thread_id = ? AND id = ?")
      .get(threadId, itemId) as { data: string } | undefined;
    return row ? (JSON.parse(row.data) as ThreadItem) : undefined;
  };
  const close = () => {
    other.close();
    store.close();
  };
  return { path, store, committed, close };
}

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe("SQLiteStore.unitOfWork", () => {
  it("stages writes visible to the store at once and to other connections on commit", async () => {
    const { store, committed, close } = openPair();
    await store.saveThread(makeThread("thr_1"), USER);
    const unit = store.unitOfWork();
    await unit.saveItem("thr_1", widgetItem("wgt_1", "thr_1", "Card", at(1)), USER);
    await unit.addThreadItem("thr_1", assistantMessage("msg_1", "thr_1", "Reply", at(2)), USER);
    expect((await store.loadItem("thr_1", "msg_1", USER)).id).toBe("msg_1");
    expect(committed("thr_1", "wgt_1")).toBeUndefined();
    expect(committed("thr_1", "msg_1")).toBeUndefined();
    unit.commit();
    expect(committed("thr_1", "wgt_1")?.id).toBe("wgt_1");
    expect(committed("thr_1", "msg_1")?.id).toBe("msg_1");
    close();
  });

  it("commits at the end of the event-loop turn at the latest", async () => {
    const { store, committed, close } = openPair();
    await store.saveThread(makeThread("thr_1"), USER);
    await store.unitOfWork().addThreadItem("thr_1", assistantMessage("msg_1", "thr_1", "x"), USER);
    expect(committed("thr_1", "msg_1")).toBeUndefined();
    await nextTurn();
    expect(committed("thr_1", "msg_1")?.id).toBe("msg_1");
    close();
  });

  it("a write made on the store commits before it returns, with what units staged", async () => {
    const { store, committed, close } = openPair();
    await store.saveThread(makeThread("thr_1"), USER);
    await store.unitOfWork().addThreadItem("thr_1", assistantMessage("msg_1", "thr_1", "a"), USER);
    await store.addThreadItem("thr_1", assistantMessage("msg_2", "thr_1", "b"), USER);
    expect(committed("thr_1", "msg_2")?.id).toBe("msg_2");
    expect(committed("thr_1", "msg_1")?.id).toBe("msg_1");
    close();
  });

  it("leaves the same rows as the store's own writes, and refuses what they refuse", async () => {
    const direct = openPair();
    const staged = openPair();
    const writes = async (w: {
      saveThread: SQLiteStore<Ctx>["saveThread"];
      saveItem: SQLiteStore<Ctx>["saveItem"];
      addThreadItem: SQLiteStore<Ctx>["addThreadItem"];
      deleteThreadItem: SQLiteStore<Ctx>["deleteThreadItem"];
    }) => {
      await w.saveThread({ ...makeThread("thr_1"), title: "T" }, USER);
      await w.addThreadItem("thr_1", widgetItem("wgt_1", "thr_1", "Old", at(1)), USER);
      await w.addThreadItem("thr_1", assistantMessage("msg_1", "thr_1", "gone", at(2)), USER);
      await w.saveItem("thr_1", widgetItem("wgt_1", "thr_1", "New", at(1)), USER);
      await w.deleteThreadItem("thr_1", "msg_1", USER);
      await w.addThreadItem("thr_1", assistantMessage("msg_2", "thr_1", "kept", at(3)), USER);
      // Another user's thread, or none: "not found", nothing written.
      await expect(
        w.addThreadItem("thr_1", assistantMessage("msg_3", "thr_1", "x"), { userId: "eve" }),
      ).rejects.toBeInstanceOf(NotFoundError);
      await expect(
        w.saveItem("thr_x", assistantMessage("msg_4", "thr_x", "x"), USER),
      ).rejects.toBeInstanceOf(NotFoundError);
      await w.deleteThreadItem("thr_1", "wgt_1", { userId: "eve" });
    };
    await writes(direct.store);
    const unit = staged.store.unitOfWork();
    await writes(unit);
    unit.commit();
    const rows = (path: string) => {
      const db = new Database(path, { readonly: true });
      const all = db
        .prepare("SELECT thread_id, id, created_key, data FROM items ORDER BY seq")
        .all()
        .concat(db.prepare("SELECT id, user_id, data FROM threads ORDER BY seq").all());
      db.close();
      return all;
    };
    expect(rows(staged.path)).toEqual(rows(direct.path));
    expect(rows(staged.path)).toHaveLength(3);
    direct.close();
    staged.close();
  });

  it("checkpoints the WAL in a worker thread, not in the commits", async () => {
    const { path, store, close } = openPair();
    await store.saveThread(makeThread("thr_1"), USER);
    const text = "x".repeat(4000);
    for (let i = 0; i < 300; i++) {
      await store.addThreadItem("thr_1", assistantMessage(`msg_${i}`, "thr_1", text), USER);
    }
    // SQLite's own checkpoint now waits for 10,000 WAL pages: the pages written so far reach
    // the database file only when the worker copies them.
    const dbBytes = () => statSync(path).size;
    for (let tries = 0; dbBytes() < 1_000_000; tries++) {
      expect(tries).toBeLessThan(300);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    close();
  });
});

describe("streaming requests on SQLiteStore", () => {
  /** A widget thread whose action replaces the card's root and streams a reply. */
  async function actionApp() {
    const pair = openPair();
    const { server } = makeApp(
      {
        async *action(thread, _action, sender, context) {
          if (sender) yield* server.replaceWidgetRoot(thread, sender, UPDATED_CARD, context);
          yield {
            type: "thread.item.done",
            item: assistantMessage("msg_reply", thread.id, "Done", at(5)),
          } as ThreadStreamEvent;
        },
      },
      pair.store,
    );
    await pair.store.saveThread(makeThread("thr_1"), USER);
    await pair.store.addThreadItem("thr_1", widgetItem("wgt_1", "thr_1", "Card", at(1)), USER);
    const body = JSON.stringify({
      type: "threads.custom_action",
      params: { thread_id: "thr_1", item_id: "wgt_1", action: { type: "go" } },
    });
    return { ...pair, server, body };
  }

  /** Whether the action's writes were committed (the reply saved, the card's new root). */
  const writesSeen = (committed: ReturnType<typeof openPair>["committed"]) => ({
    card: JSON.stringify((committed("thr_1", "wgt_1") as { widget?: unknown })?.widget),
    reply: committed("thr_1", "msg_reply") !== undefined,
  });

  it("hands out no event before the writes that precede it are committed", async () => {
    const { server, body, committed, close } = await actionApp();
    const result = await server.process(body, USER);
    expect(result).toBeInstanceOf(StreamingResult);
    const seen: Array<{ type: string; card: string; reply: boolean }> = [];
    for await (const event of (result as StreamingResult).events()) {
      // Checked synchronously, before any later turn could commit.
      seen.push({ type: String(event.type), ...writesSeen(committed) });
    }
    const updated = seen.find((e) => e.type === "thread.item.updated");
    const done = seen.find((e) => e.type === "thread.item.done");
    expect(updated?.card).toBe(JSON.stringify(UPDATED_CARD));
    expect(done?.reply).toBe(true);
    close();
  });

  it("the node handler commits a request's writes before each socket write", async () => {
    const { server, body, committed, close } = await actionApp();
    const handler = createNodeHandler(server, { getContext: () => USER });
    const writes: Array<{ text: string; card: string; reply: boolean }> = [];
    const httpServer = http.createServer((req, res) => {
      // Observes the real response: what the database holds as each write leaves.
      const write = res.write.bind(res) as (chunk: unknown) => boolean;
      res.write = ((chunk: unknown) => {
        writes.push({ text: String(chunk), ...writesSeen(committed) });
        return write(chunk);
      }) as typeof res.write;
      handler(req, res);
    });
    await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
    const { port } = httpServer.address() as AddressInfo;
    const response = await fetch(`http://127.0.0.1:${port}/`, { method: "POST", body });
    const text = await response.text();
    httpServer.close();
    expect(text).toContain('"thread.item.done"');
    const carrying = (type: string) => writes.find((w) => w.text.includes(`"type":"${type}"`));
    expect(carrying("thread.item.updated")?.card).toBe(JSON.stringify(UPDATED_CARD));
    expect(carrying("thread.item.done")?.reply).toBe(true);
    close();
  });

  it("sends a finished item and a replaced root as the text the store committed", async () => {
    const { server, body, path, close } = await actionApp();
    const served = await listen(server);
    const text = await (await fetch(served.url, { method: "POST", body })).text();
    await served.close();
    const reader = new Database(path, { readonly: true });
    const row = (id: string) =>
      (reader.prepare("SELECT data FROM items WHERE id = ?").get(id) as { data: string }).data;
    const reply = row("msg_reply");
    const card = row("wgt_1");
    reader.close();
    expect(text).toContain(`data: {"type":"thread.item.done","item":${reply}}\n\n`);
    const root = JSON.stringify((JSON.parse(card) as { widget: unknown }).widget);
    expect(card).toContain(`"widget":${root}`);
    expect(text).toContain(
      `data: {"type":"thread.item.updated","item_id":"wgt_1","update":{"type":"widget.root.updated","widget":${root}}}\n\n`,
    );
    close();
  });
});
