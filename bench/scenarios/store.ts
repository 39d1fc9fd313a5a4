/**
 * Scenario 4: the SQLite store with a 100,000-item thread against the same store (same file) with
 * a 100-item thread: `items.list` pages and `addThreadItem` rates.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ThreadItem, ThreadMetadata, ThreadStreamEvent } from "@threadkit/core";
import { ChatKitServer, SQLiteStore } from "@threadkit/server";
import { type Row, row } from "../lib/report.js";
import { figure } from "../lib/stats.js";

type Ctx = { userId: string };
const context: Ctx = { userId: "bench" };

function message(threadId: string, id: string): ThreadItem {
  return {
    type: "assistant_message",
    id,
    thread_id: threadId,
    created_at: new Date().toISOString(),
    content: [{ type: "output_text", text: `Item ${id}`, annotations: [] }],
  } as ThreadItem;
}

async function fill(
  store: SQLiteStore<Ctx>,
  thread: ThreadMetadata,
  count: number,
): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const id = store.generateItemId("message", thread, context);
    await store.addThreadItem(thread.id, message(thread.id, id), context);
    ids.push(id);
  }
  return ids;
}

/** A server with no handlers: the store scenario only sends it `items.list`. */
class ListServer extends ChatKitServer<Ctx> {
  async *respond(): AsyncGenerator<ThreadStreamEvent> {}
}

/**
 * Milliseconds per `items.list` page of 20 (request parsing, the thread check, the store's page,
 * serialisation), alternately from the newest item and from a cursor mid-thread. In process: the
 * HTTP cost is the same for both thread sizes and is measured by the other scenarios.
 */
async function pageCost(
  server: ListServer,
  threadId: string,
  ids: string[],
  pages: number,
): Promise<number> {
  const cursor = ids[Math.floor(ids.length / 2)];
  const bodies = [null, cursor].map((after) =>
    JSON.stringify({ type: "items.list", params: { thread_id: threadId, limit: 20, after } }),
  );
  const start = performance.now();
  for (let i = 0; i < pages; i++) {
    const result = await server.process(bodies[i % 2]!, context);
    if (result.streaming || !result.json.includes('"data"')) throw new Error("bad items.list");
  }
  return (performance.now() - start) / pages;
}

async function addRate(
  store: SQLiteStore<Ctx>,
  thread: ThreadMetadata,
  count: number,
): Promise<number> {
  const start = performance.now();
  await fill(store, thread, count);
  return count / ((performance.now() - start) / 1000);
}

export async function storeScenario(quick: boolean): Promise<Row[]> {
  const dir = mkdtempSync(join(tmpdir(), "threadkit-bench-"));
  const store = new SQLiteStore<Ctx>({ path: join(dir, "bench.sqlite"), userId: (c) => c.userId });
  const server = new ListServer(store);
  try {
    const big: ThreadMetadata = {
      id: store.generateThreadId(context),
      created_at: new Date().toISOString(),
      status: { type: "active" },
      metadata: {},
    } as ThreadMetadata;
    const small: ThreadMetadata = { ...big, id: store.generateThreadId(context) };
    await store.saveThread(big, context);
    await store.saveThread(small, context);
    const bigIds = await fill(store, big, 100_000);
    const smallIds = await fill(store, small, 100);
    const rounds = quick ? 3 : 7;
    const pages = quick ? 300 : 1000;
    const pageBig: number[] = [];
    const pageSmall: number[] = [];
    const addBig: number[] = [];
    const addSmall: number[] = [];
    for (let i = 0; i < rounds; i++) {
      pageSmall.push(await pageCost(server, small.id, smallIds, pages));
      pageBig.push(await pageCost(server, big.id, bigIds, pages));
      addSmall.push(await addRate(store, small, 500));
      addBig.push(await addRate(store, big, 500));
    }
    const pb = figure(pageBig);
    const ps = figure(pageSmall);
    const ab = figure(addBig);
    const as = figure(addSmall);
    return [
      row("store.items_page_ms.100k", "items.list page of 20, thread of 100,000 items", "ms", {
        threadkit: pb.value,
        spread: pb.spread,
        note: `${(pb.value / ps.value).toFixed(2)}x the 100-item page (target <= 1.5x)`,
      }),
      row("store.items_page_ms.100", "items.list page of 20, thread of 100 items", "ms", {
        threadkit: ps.value,
        spread: ps.spread,
      }),
      row(
        "store.add_items_per_s.100k",
        "addThreadItem per second, thread of 100,000 items",
        "items/s",
        {
          threadkit: ab.value,
          spread: ab.spread,
          note: `${(ab.value / as.value).toFixed(2)}x the rate on a 100-item thread`,
        },
      ),
      row("store.add_items_per_s.100", "addThreadItem per second, thread of 100 items", "items/s", {
        threadkit: as.value,
        spread: as.spread,
      }),
    ];
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
