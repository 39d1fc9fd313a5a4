/**
 * Threadkit as an application would run it: a ChatKitServer subclass over SQLiteStore (a fresh
 * file in a temp dir; or PostgresStore with `BENCH_STORE=postgres`), served by createNodeHandler with its defaults (body limit, validation,
 * 15 s heartbeats, cancellation). It answers the bench commands of lib/fixtures.ts.
 */

import { mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type {
  Action,
  SyncCustomActionResponse,
  ThreadMetadata,
  ThreadStreamEvent,
  UserMessageItem,
  WidgetItem,
  WidgetRoot,
} from "@threadkit/core";
import { PostgresRunLog, PostgresStore } from "@threadkit/postgres";
import { RedisRunLog } from "@threadkit/redis";
import {
  ChatKitServer,
  createNodeHandler,
  type HandlerOptions,
  MemoryStore,
  type RunLog,
  SQLiteStore,
  type Store,
} from "@threadkit/server";
import { card, commandOf, replyEvents } from "../lib/fixtures.js";

type Ctx = { userId: string };

class BenchServer extends ChatKitServer<Ctx> {
  async *respond(
    thread: ThreadMetadata,
    input: UserMessageItem | null,
    context: Ctx,
    options: HandlerOptions,
  ): AsyncGenerator<ThreadStreamEvent> {
    const first = input?.content[0];
    const text = first && "text" in first ? first.text : "";
    yield* this.reply(thread, text, context, options.signal);
  }

  override async *action(
    thread: ThreadMetadata,
    _action: Action,
    sender: WidgetItem | null,
    context: Ctx,
    options: HandlerOptions,
  ): AsyncGenerator<ThreadStreamEvent> {
    if (sender)
      yield* this.replaceWidgetRoot(
        thread,
        sender,
        card(50, "v2") as unknown as WidgetRoot,
        context,
      );
    yield* this.reply(thread, "short", context, options.signal);
  }

  override async syncAction(
    thread: ThreadMetadata,
    _action: Action,
    sender: WidgetItem | null,
    context: Ctx,
  ): Promise<SyncCustomActionResponse> {
    if (!sender) return { updated_item: null };
    const updated = { ...sender, widget: card(50, "v2") as unknown as WidgetRoot };
    await this.store.saveItem(thread.id, updated, context);
    return { updated_item: updated };
  }

  private async *reply(
    thread: ThreadMetadata,
    text: string,
    context: Ctx,
    signal: AbortSignal,
  ): AsyncGenerator<ThreadStreamEvent> {
    const command = commandOf(text);
    if (command.kind === "idle") {
      // Held open until the client goes away; the handler's heartbeats keep it alive.
      await new Promise<void>((resolve) => signal.addEventListener("abort", () => resolve()));
      return;
    }
    const id = this.store.generateItemId("message", thread, context);
    for (const event of replyEvents(command, thread.id, id)) yield event as ThreadStreamEvent;
  }
}

const dir = mkdtempSync(join(tmpdir(), "threadkit-bench-server-"));
// BENCH_STORE=memory swaps in MemoryStore, to tell the cost of persistence from the rest;
// BENCH_STORE=postgres, PostgresStore on BENCH_DATABASE_URL in schema BENCH_PG_SCHEMA.
function openStore(): Store<Ctx> {
  const userId = (c: Ctx) => c.userId;
  if (process.env.BENCH_STORE === "memory") return new MemoryStore<Ctx>({ userId });
  if (process.env.BENCH_STORE === "postgres") {
    return new PostgresStore<Ctx>({
      connectionString: process.env.BENCH_DATABASE_URL,
      schema: process.env.BENCH_PG_SCHEMA,
      userId,
    });
  }
  // BENCH_DB_PATH lets two instances share one database file.
  return new SQLiteStore<Ctx>({
    path: process.env.BENCH_DB_PATH ?? join(dir, "bench.sqlite"),
    userId,
  });
}
const store = openStore();
if (store instanceof PostgresStore) await store.migrate();
// BENCH_RUN_LOG=redis (or postgres) shares runs through Redis (RedisRunLog) or PostgreSQL
// (PostgresRunLog, in BENCH_PG_SCHEMA), as several instances would.
function openRunLog(): RunLog | undefined {
  if (process.env.BENCH_RUN_LOG === "redis") {
    return new RedisRunLog({
      url: process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379",
      keyPrefix: process.env.BENCH_KEY_PREFIX ?? "tk-bench:",
    });
  }
  if (process.env.BENCH_RUN_LOG === "postgres") {
    return new PostgresRunLog({
      connectionString: process.env.BENCH_DATABASE_URL,
      schema: process.env.BENCH_PG_SCHEMA,
    });
  }
  return undefined;
}
const runLog = openRunLog();
if (runLog instanceof PostgresRunLog) await runLog.migrate();
// The bench is one user sending thousands of requests a second: the rate limiter still runs on
// every request, with a bucket sized for a load generator instead of a person.
const server = new BenchServer(store, {
  rateLimit: { perMinute: 1e9, burst: 1e6 },
  ...(runLog ? { runLog } : {}),
  // BENCH_VERIFY_ACTIONS=0 skips the declared-action check, to measure what it costs.
  verifyActions: process.env.BENCH_VERIFY_ACTIONS !== "0",
});
const httpServer = http.createServer(
  createNodeHandler(server, { getContext: () => ({ userId: "bench" }) }),
);

const shutdown = () => {
  httpServer.closeAllConnections();
  httpServer.close();
  if (store instanceof SQLiteStore) store.close();
  void runLog?.close();
  rmSync(dir, { recursive: true, force: true });
  if (store instanceof PostgresStore) store.close().finally(() => process.exit(0));
  else process.exit(0);
};
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);

httpServer.listen(Number(process.env.PORT ?? 0), "127.0.0.1", () => {
  const address = httpServer.address();
  process.stdout.write(`ready ${typeof address === "object" && address ? address.port : 0}\n`);
});
