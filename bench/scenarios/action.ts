/**
 * Scenario 2: a custom action that updates a 50-node card and streams a short reply; and its
 * sync twin. Threadkit runs on SQLiteStore, on MemoryStore (the `action.memory.` rows: the gap to
 * the peer with persistence taken out), and on PostgresStore (the `action.pg.` rows, as ratios to
 * SQLiteStore) when the database is reachable. Server CPU per action is read from /proc.
 */
import { parseSse, post } from "../lib/client.js";
import { TOGGLE } from "../lib/fixtures.js";
import {
  BENCH_DATABASE_URL,
  benchSchema,
  dropBenchSchema,
  postgresReachable,
} from "../lib/postgres.js";
import { type ServerProcess, startServer } from "../lib/proc.js";
import { type Row, row } from "../lib/report.js";
import { percentile, spread } from "../lib/stats.js";
import { createThread } from "./stream.js";

/** Latencies in ms, one array per round (for the spread across rounds). */
interface Latencies {
  ttfb: number[][];
  end: number[][];
}

type Target = { threadId: string; itemId: string };

async function widgetThread(port: number): Promise<Target> {
  const { threadId, events } = await createThread(port, "widget");
  const done = events.find(
    (e) => e.type === "thread.item.done" && (e.item as { type: string }).type === "widget",
  );
  const item = done?.item as { id: string } | undefined;
  if (!item) throw new Error("no widget item created");
  return { threadId, itemId: item.id };
}

type ActionType = "threads.custom_action" | "threads.sync_custom_action";
const NAMES = ["threadkit", "bare", "peer"] as const;

const action = (type: ActionType, t: Target) => ({
  type,
  params: {
    thread_id: t.threadId,
    item_id: t.itemId,
    action: TOGGLE,
  },
});

/** Sends `perWorker` actions from each of `workers` concurrent clients, each on its own thread. */
async function measure(
  port: number,
  type: ActionType,
  workers: Target[],
  perWorker: number,
  into: Latencies,
): Promise<void> {
  const ttfb: number[] = [];
  const end: number[] = [];
  into.ttfb.push(ttfb);
  into.end.push(end);
  await Promise.all(
    workers.map(async (target) => {
      for (let i = 0; i < perWorker; i++) {
        const timing = await post(port, action(type, target));
        ttfb.push(timing.ttfb);
        end.push(timing.end);
      }
    }),
  );
}

/** Checks once that the server really answers the action as the bench expects. */
async function verify(port: number): Promise<void> {
  const target = await widgetThread(port);
  const answer = await post(port, action("threads.custom_action", target), { keepBody: true });
  const types = parseSse(answer.body ?? "").map((e) => e.type);
  if (!types.includes("thread.item.updated") || !types.includes("thread.item.done")) {
    throw new Error(`unexpected action stream: ${types.join(", ")}`);
  }
}

const empty = (): Latencies => ({ ttfb: [], end: [] });

interface Plan {
  server: ServerProcess;
  one: Target[];
  many: Target[];
  c1: Latencies;
  c32: Latencies;
  sync: Latencies;
  /** Server CPU time (ms) and actions of the concurrency-32 batches. */
  cpu: { ms: number; actions: number };
}

/**
 * The servers run side by side and take turns batch by batch, so that load from outside the bench
 * falls on all of them alike. Each batch is preceded by a warm-up on the same threads.
 */
export async function actionScenario(quick: boolean): Promise<Row[]> {
  const rounds = quick ? 4 : 16;
  const c1 = quick ? 20 : 40; // requests per round at concurrency 1
  const c32 = quick ? 2 : 4; // requests per worker per round at concurrency 32
  const schema = benchSchema();
  const servers = await Promise.all(NAMES.map((name) => startServer(name)));
  // Threadkit on MemoryStore: what is left of the gap to the peer once SQLite is taken out.
  servers.push({ ...(await startServer("threadkit", { BENCH_STORE: "memory" })), name: "memory" });
  if (await postgresReachable()) {
    const env = { BENCH_STORE: "postgres", BENCH_DATABASE_URL, BENCH_PG_SCHEMA: schema };
    servers.push({ ...(await startServer("threadkit", env)), name: "postgres" });
  } else {
    process.stderr.write(
      ` (PostgreSQL at ${BENCH_DATABASE_URL} unreachable: no action.pg figures)`,
    );
  }
  try {
    const plans = await Promise.all(
      servers.map(async (server) => {
        await verify(server.port);
        const one = [await widgetThread(server.port)];
        const many = await Promise.all(Array.from({ length: 32 }, () => widgetThread(server.port)));
        // Warm-up: every thread, both kinds of action.
        await measure(server.port, "threads.custom_action", many, 2, empty());
        if (server.name !== "peer") {
          await measure(server.port, "threads.sync_custom_action", one, 20, empty());
        }
        const cpu = { ms: 0, actions: 0 };
        return { server, one, many, c1: empty(), c32: empty(), sync: empty(), cpu } as Plan;
      }),
    );
    for (let round = 0; round < rounds; round++) {
      for (const plan of plans) {
        const port = plan.server.port;
        await measure(port, "threads.custom_action", plan.one, c1, plan.c1);
        const cpu = plan.server.cpuMs();
        await measure(port, "threads.custom_action", plan.many, c32, plan.c32);
        plan.cpu.ms += plan.server.cpuMs() - cpu;
        plan.cpu.actions += plan.many.length * c32;
        // The peer has no threads.sync_custom_action.
        if (plan.server.name !== "peer" && plan.server.name !== "memory") {
          await measure(port, "threads.sync_custom_action", plan.one, c1, plan.sync);
        }
      }
    }
    const by = Object.fromEntries(plans.map((plan) => [plan.server.name, plan]));
    const fig = (
      name: string,
      metric: string,
      pick: (plan: Plan) => number[][],
      q: number,
      withPeer = true,
      subject = "threadkit",
    ) => {
      const value = (plan: Plan | undefined) => percentile(pick(plan!).flat(), q);
      return row(name, metric, "ms", {
        threadkit: value(by[subject]),
        bare: value(by.bare),
        ...(withPeer ? { peer: value(by.peer) } : {}),
        spread: spread(pick(by[subject]!).map((r) => percentile(r, q))),
      });
    };
    const cpuUs = (plan: Plan | undefined) => (plan ? (plan.cpu.ms * 1000) / plan.cpu.actions : 0);
    return [
      ...postgresRows(by.postgres, by.threadkit),
      row("action.server_cpu_us.c32", "server CPU time per custom_action, concurrency 32", "µs", {
        threadkit: cpuUs(by.threadkit),
        bare: cpuUs(by.bare),
        peer: cpuUs(by.peer),
        note: `on MemoryStore: ${cpuUs(by.memory).toFixed(0)} µs (the SQLite writes and commit are the difference)`,
      }),
      {
        ...fig(
          "action.memory.end_p50_ms.c1",
          "custom_action on MemoryStore (no persistence, as the peer), end of stream, p50, concurrency 1",
          (p) => p.c1.end,
          50,
          true,
          "memory",
        ),
        note: "what is left of the gap to the peer without SQLite: validation, action verification, runs, limits, heartbeats, cancellation",
      },
      fig(
        "action.memory.end_p50_ms.c32",
        "custom_action on MemoryStore, end of stream, p50, concurrency 32",
        (p) => p.c32.end,
        50,
        true,
        "memory",
      ),
      fig(
        "action.ttfb_p50_ms.c1",
        "custom_action, first byte, p50, concurrency 1",
        (p) => p.c1.ttfb,
        50,
      ),
      fig(
        "action.ttfb_p99_ms.c1",
        "custom_action, first byte, p99, concurrency 1",
        (p) => p.c1.ttfb,
        99,
      ),
      fig(
        "action.ttfb_p50_ms.c32",
        "custom_action, first byte, p50, concurrency 32",
        (p) => p.c32.ttfb,
        50,
      ),
      fig(
        "action.ttfb_p99_ms.c32",
        "custom_action, first byte, p99, concurrency 32",
        (p) => p.c32.ttfb,
        99,
      ),
      {
        ...fig(
          "action.end_p50_ms.c1",
          "custom_action, end of stream, p50, concurrency 1",
          (p) => p.c1.end,
          50,
        ),
        note: "target <= 1.0x the peer and <= 1.5x bare (p50, c1 and c32); Threadkit validates the request and commits its two SQLite writes (the new card, the reply) in one transaction, bare and the peer persist nothing",
      },
      fig(
        "action.end_p99_ms.c1",
        "custom_action, end of stream, p99, concurrency 1",
        (p) => p.c1.end,
        99,
      ),
      fig(
        "action.end_p50_ms.c32",
        "custom_action, end of stream, p50, concurrency 32",
        (p) => p.c32.end,
        50,
      ),
      fig(
        "action.end_p99_ms.c32",
        "custom_action, end of stream, p99, concurrency 32",
        (p) => p.c32.end,
        99,
      ),
      {
        ...fig(
          "sync_action.p50_ms.c1",
          "sync_custom_action round trip, p50, concurrency 1",
          (p) => p.sync.end,
          50,
          false,
        ),
        note: "the peer has no threads.sync_custom_action; Threadkit saves the updated item, bare does not",
      },
      fig(
        "sync_action.p99_ms.c1",
        "sync_custom_action round trip, p99, concurrency 1",
        (p) => p.sync.end,
        99,
        false,
      ),
    ];
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    if (servers.some((s) => s.name === "postgres")) await dropBenchSchema(schema);
  }
}

/** The action round trip on PostgresStore, each figure as a ratio to SQLiteStore in the same run. */
function postgresRows(postgres: Plan | undefined, sqlite: Plan | undefined): Row[] {
  if (!postgres || !sqlite) return [];
  const figures: [string, string, (plan: Plan) => number[][]][] = [
    [
      "action.pg.end_p50_ms.c1",
      "custom_action on PostgresStore, end of stream, p50, concurrency 1",
      (p) => p.c1.end,
    ],
    [
      "action.pg.end_p50_ms.c32",
      "custom_action on PostgresStore, end of stream, p50, concurrency 32",
      (p) => p.c32.end,
    ],
    [
      "action.pg.end_p99_ms.c32",
      "custom_action on PostgresStore, end of stream, p99, concurrency 32",
      (p) => p.c32.end,
    ],
    [
      "sync_action.pg.p50_ms.c1",
      "sync_custom_action on PostgresStore, p50, concurrency 1",
      (p) => p.sync.end,
    ],
  ];
  return figures.map(([name, metric, pick]) => {
    const q = name.includes("p99") ? 99 : 50;
    const pg = percentile(pick(postgres).flat(), q);
    const lite = percentile(pick(sqlite).flat(), q);
    return row(name, metric, "ms", {
      threadkit: pg,
      spread: spread(pick(postgres).map((r) => percentile(r, q))),
      note: `${(pg / lite).toFixed(2)}x SQLiteStore (${lite.toFixed(3)} ms) in the same run`,
    });
  });
}
