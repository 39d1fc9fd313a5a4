/**
 * Several todo app processes on one PostgreSQL schema, a round-robin proxy in front of them, and
 * a small ChatKit client: what the multi-instance tests drive.
 * @module
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { parseSseEvents } from "@threadkit/server";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));

/** The test database (trust auth on this machine kind). */
export const DATABASE_URL =
  process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

/** A running todo app process. */
export interface Instance {
  url: string;
  process: ChildProcess;
  output(): string;
  /** Sends `signal` (default SIGTERM) and waits for the process to exit. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * Starts `node examples/todo/start.mjs` (what `npm start` runs) with `DATABASE_URL` and
 * `DATABASE_SCHEMA` (and any other settings in `env`), on a free port, and resolves once it
 * prints where it listens.
 */
export function startInstance(
  env: { DATABASE_URL: string; DATABASE_SCHEMA: string } & Record<string, string>,
): Promise<Instance> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env, PORT: "0", HOST: "127.0.0.1" };
  delete childEnv.OPENAI_API_KEY;
  delete childEnv.THREADKIT_DB;
  const child = spawn(process.execPath, ["examples/todo/start.mjs"], {
    cwd: ROOT,
    env: childEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) =>
      reject(new Error(`instance exited with ${code}:\n${output}`));
    child.once("exit", onExit);
    child.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const match = /on (http:\/\/127\.0\.0\.1:\d+)\//.exec(output);
      if (!match?.[1]) return;
      child.off("exit", onExit);
      resolve({
        url: match[1],
        process: child,
        output: () => output,
        async stop(signal = "SIGTERM") {
          if (child.exitCode === null && child.signalCode === null) child.kill(signal);
          await exited;
        },
      });
    });
  });
}

/**
 * A load balancer for the test: each request goes to the next backend in turn, its body and
 * response streamed through (so SSE flows as the instance writes it).
 */
export class RoundRobin {
  readonly #backends: URL[];
  readonly #server: Server;
  #next = 0;
  /** How many requests each backend received. */
  readonly counts: number[];
  url = "";

  constructor(backends: string[]) {
    this.#backends = backends.map((backend) => new URL(backend));
    this.counts = backends.map(() => 0);
    this.#server = createServer((req, res) => {
      const index = this.#next++ % this.#backends.length;
      this.counts[index] = (this.counts[index] ?? 0) + 1;
      const target = this.#backends[index] as URL;
      const upstream = request(
        {
          host: target.hostname,
          port: target.port,
          method: req.method,
          path: req.url,
          headers: req.headers,
        },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      upstream.on("error", () => {
        if (!res.headersSent) res.writeHead(502).end();
        else res.destroy();
      });
      req.pipe(upstream);
    });
  }

  async listen(): Promise<void> {
    await new Promise<void>((resolve) => this.#server.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
  }

  close(): Promise<void> {
    this.#server.closeAllConnections();
    return new Promise((resolve) => this.#server.close(() => resolve()));
  }
}

/** A user's cookie (`tk_user`), as the app sets it for a new browser. */
export function newUser(): string {
  return `tk_user=u_${randomBytes(12).toString("hex")}`;
}

export type Event = { type: string; [key: string]: unknown };

/** POSTs a ChatKit request; returns the status, and the JSON body or the SSE events. */
export async function chatkit(
  origin: string,
  cookie: string,
  body: unknown,
): Promise<{ status: number; json: unknown; events: Event[] }> {
  const response = await fetch(`${origin}/chatkit`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  const sse = (response.headers.get("content-type") ?? "").startsWith("text/event-stream");
  return {
    status: response.status,
    json: sse ? undefined : JSON.parse(text),
    events: sse ? (parseSseEvents(text) as Event[]) : [],
  };
}

/**
 * {@link chatkit}, sent again while the thread is busy (409 `thread_busy`: one reply per thread
 * at a time, across instances), as a client that queues its message would. Gives the accepted
 * answer and how many times the request was turned away.
 */
export async function chatkitWhenFree(
  origin: string,
  cookie: string,
  body: unknown,
  deadlineMs = 30_000,
): Promise<{ status: number; json: unknown; events: Event[]; busy: number }> {
  const until = Date.now() + deadlineMs;
  for (let busy = 0; ; busy++) {
    const answer = await chatkit(origin, cookie, body);
    const code = (answer.json as { error?: { code?: string } } | undefined)?.error?.code;
    if (answer.status !== 409 || code !== "thread_busy" || Date.now() > until)
      return { ...answer, busy };
    // A client's retry back-off: doubling to 200 ms, jittered so that the waiting requests
    // neither come back all at once nor hammer the database while the reply runs.
    const backoff = Math.min(200, 10 * 2 ** busy) * (0.5 + Math.random());
    await new Promise((resolve) => setTimeout(resolve, backoff));
  }
}

/** A user message request body (`threads.create` without a thread id). */
export function message(text: string, threadId?: string) {
  const input = { content: [{ type: "input_text", text }], attachments: [], inference_options: {} };
  return threadId
    ? { type: "threads.add_user_message", params: { thread_id: threadId, input } }
    : { type: "threads.create", params: { input } };
}

/** The ids of the items whose `thread.item.done` is in `events`. */
export function doneIds(events: Event[]): string[] {
  return events.flatMap((event) =>
    event.type === "thread.item.done" ? [(event.item as { id: string }).id] : [],
  );
}

/** Every item of a thread, in order, through `items.list` pages of 20. */
export async function allItems(
  origin: string,
  cookie: string,
  threadId: string,
): Promise<{ id: string; type: string }[]> {
  const items: { id: string; type: string }[] = [];
  let after: string | undefined;
  for (;;) {
    const { status, json } = await chatkit(origin, cookie, {
      type: "items.list",
      params: { thread_id: threadId, limit: 20, order: "asc", ...(after ? { after } : {}) },
    });
    if (status !== 200) throw new Error(`items.list answered ${status}: ${JSON.stringify(json)}`);
    const page = json as {
      data: { id: string; type: string }[];
      has_more: boolean;
      after?: string;
    };
    items.push(...page.data);
    if (!page.has_more || !page.after) return items;
    after = page.after;
  }
}
