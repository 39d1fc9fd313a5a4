/**
 * Scenario 4: a store with a 100,000-item thread against the same store with a 100-item thread:
 * `items.list` pages and `addThreadItem` rates, on SQLiteStore (one file) and on PostgresStore
 * (one schema, when the database is reachable).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ThreadItem, ThreadMetadata, ThreadStreamEvent } from "@threadkit/core";
import { PostgresStore } from "@threadkit/postgres";
import { ChatKitServer, SQLiteStore, type Store } from "@threadkit/server";
import {
  BENCH_DATABASE_URL,
  benchSchema,
  dropBenchSchema,
  postgresReachable,
} from "../lib/postgres.js";
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

/** Adds `count` items, `workers` at a time (PostgreSQL takes concurrent writers; SQLite one). */
async function fill(
  store: Store<Ctx>,
  thread: ThreadMetadata,
  count: number,
  workers = 1,
): Promise<string[]> {
  const ids = Array.from({ length: count }, () => store.generateItemId("message", thread, context));
  let next = 0;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (next < ids.length) {
        const id = ids[next++] as string;
        await store.addThreadItem(thread.id, message(thread.id, id), context);
      }
    }),
  );
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

async function addRate(store: Store<Ctx>, thread: ThreadMetadata, count: number): Promise<number> {
  const start = performance.now();
  await fill(store, thread, count);
  return count / ((performance.now() - start) / 1000);
}

/** One engine's four figures, under `prefix` (`store.` for SQLite, `store.pg.` for PostgreSQL). */
async function measureStore(
  store: Store<Ctx>,
  prefix: string,
  label: string,
  quick: boolean,
  fillWorkers: number,
): Promise<Row[]> {
  const server = new ListServer(store);
  const big: ThreadMetadata = {
    id: store.generateThreadId(context),
    created_at: new Date().toISOString(),
    status: { type: "active" },
    metadata: {},
  } as ThreadMetadata;
  const small: ThreadMetadata = { ...big, id: store.generateThreadId(context) };
  await store.saveThread(big, context);
  await store.saveThread(small, context);
  const bigIds = await fill(store, big, 100_000, fillWorkers);
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
    row(
      `${prefix}items_page_ms.100k`,
      `${label}: items.list page of 20, thread of 100,000 items`,
      "ms",
      {
        threadkit: pb.value,
        spread: pb.spread,
        note: `${(pb.value / ps.value).toFixed(2)}x the 100-item page (target <= 1.5x)`,
      },
    ),
    row(
      `${prefix}items_page_ms.100`,
      `${label}: items.list page of 20, thread of 100 items`,
      "ms",
      {
        threadkit: ps.value,
        spread: ps.spread,
      },
    ),
    row(
      `${prefix}add_items_per_s.100k`,
      `${label}: addThreadItem per second, thread of 100,000 items`,
      "items/s",
      {
        threadkit: ab.value,
        spread: ab.spread,
        note: `${(ab.value / as.value).toFixed(2)}x the rate on a 100-item thread`,
      },
    ),
    row(
      `${prefix}add_items_per_s.100`,
      `${label}: addThreadItem per second, thread of 100 items`,
      "items/s",
      {
        threadkit: as.value,
        spread: as.spread,
      },
    ),
  ];
}

export async function storeScenario(quick: boolean): Promise<Row[]> {
  const rows: Row[] = [];
  const dir = mkdtempSync(join(tmpdir(), "threadkit-bench-"));
  const sqlite = new SQLiteStore<Ctx>({ path: join(dir, "bench.sqlite"), userId: (c) => c.userId });
  try {
    rows.push(...(await measureStore(sqlite, "store.", "SQLiteStore", quick, 1)));
  } finally {
    sqlite.close();
    rmSync(dir, { recursive: true, force: true });
  }
  if (!(await postgresReachable())) {
    process.stderr.write(` (PostgreSQL at ${BENCH_DATABASE_URL} unreachable: no store.pg figures)`);
    return rows;
  }
  const schema = benchSchema();
  const postgres = new PostgresStore<Ctx>({
    connectionString: BENCH_DATABASE_URL,
    schema,
    userId: (c) => c.userId,
  });
  try {
    await postgres.migrate();
    // Filled by 16 concurrent writers (one at a time would take minutes); measured one at a time.
    rows.push(...(await measureStore(postgres, "store.pg.", "PostgresStore", quick, 16)));
  } finally {
    await postgres.close();
    await dropBenchSchema(schema);
  }
  return rows;
}
