/**
 * One server instance for the multi-instance run tests, run as its own process (tsx): a SQLite
 * store on a file shared with the other instance, and the run log named by `RUN_LOG` (`redis` or
 * `postgres`). The user's text picks the reply: `<words>/<pause ms>`, e.g. `300/1` streams 300
 * deltas, pausing 1 ms between them (0: a macrotask every 100). Prints `READY <port>` once
 * listening and `ABORTED <threadId> <epoch ms>` when a handler's signal aborts. `GET /stats`
 * answers the process's memory after a GC.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { ThreadMetadata, ThreadStreamEvent, UserMessageItem } from "@threadkit/core";
import {
  ChatKitServer,
  createNodeHandler,
  type HandlerOptions,
  type RunLog,
  SQLiteStore,
} from "@threadkit/server";

type Ctx = { userId: string };

async function makeLog(): Promise<RunLog> {
  const kind = process.env.RUN_LOG;
  if (kind === "redis") {
    const { RedisRunLog } = await import("@threadkit/redis");
    return new RedisRunLog({
      url: process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379",
      keyPrefix: process.env.KEY_PREFIX ?? "tk-child:",
    });
  }
  if (kind === "postgres") {
    const postgres = (await import("@threadkit/postgres")) as unknown as {
      PostgresRunLog: new (options: { connectionString: string; schema?: string }) => RunLog;
    };
    return new postgres.PostgresRunLog({
      connectionString: process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test",
      schema: process.env.PG_SCHEMA ?? "tk_child",
    });
  }
  throw new Error(`RUN_LOG must be redis or postgres, not ${kind}`);
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

class ChildServer extends ChatKitServer<Ctx> {
  async *respond(
    thread: ThreadMetadata,
    input: UserMessageItem | null,
    _context: Ctx,
    options: HandlerOptions,
  ): AsyncIterable<ThreadStreamEvent> {
    options.signal.addEventListener("abort", () => {
      process.stdout.write(`ABORTED ${thread.id} ${Date.now()}\n`);
    });
    const text = input?.content.map((c) => ("text" in c ? c.text : "")).join("") ?? "3/0";
    const [words = 3, every = 0] = text.split("/").map(Number);
    const id = `msg_${thread.id}`;
    const item = {
      type: "assistant_message",
      id,
      thread_id: thread.id,
      created_at: new Date().toISOString(),
      content: [{ type: "output_text", text: "", annotations: [] }],
    };
    yield { type: "thread.item.added", item } as ThreadStreamEvent;
    let reply = "";
    for (let i = 0; i < words; i++) {
      if (every > 0) await pause(every);
      else if (i % 100 === 0) await new Promise((resolve) => setImmediate(resolve));
      if (options.signal.aborted) return;
      reply += `w${i} `;
      yield {
        type: "thread.item.updated",
        item_id: id,
        update: {
          type: "assistant_message.content_part.text_delta",
          content_index: 0,
          delta: `w${i} `,
        },
      } as ThreadStreamEvent;
    }
    yield {
      type: "thread.item.done",
      item: { ...item, content: [{ type: "output_text", text: reply, annotations: [] }] },
    } as ThreadStreamEvent;
  }
}

const store = new SQLiteStore<Ctx>({
  path: process.env.DB_PATH as string,
  userId: (ctx) => ctx.userId,
});
const server = new ChildServer(store, {
  runLog: await makeLog(),
  // A load test: hundreds of replies from one user in seconds, far over any per-user rate limit.
  rateLimit: false,
  ...(process.env.LEASE_MS ? { runLeaseMs: Number(process.env.LEASE_MS) } : {}),
});
const handler = createNodeHandler(server, {
  getContext: (req) => ({ userId: String(req.headers["x-user"] ?? "alice") }),
});
const http = createServer((req, res) => {
  if (req.url === "/stats") {
    (globalThis as { gc?: () => void }).gc?.();
    const memory = process.memoryUsage();
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ rss: memory.rss, heapUsed: memory.heapUsed }));
    return;
  }
  handler(req, res);
});
http.listen(0, "127.0.0.1", () => {
  process.stdout.write(`READY ${(http.address() as AddressInfo).port}\n`);
});
