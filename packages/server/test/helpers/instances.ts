import { type ChildProcess, spawn } from "node:child_process";
import { request } from "node:http";
import { fileURLToPath } from "node:url";
import { type Frame, parseFrames, seqOf } from "./runs.js";

const CHILD = fileURLToPath(new URL("./run-child.ts", import.meta.url));
const TSCONFIG = fileURLToPath(new URL("./tsconfig.child.json", import.meta.url));

/** A server instance in its own process (see run-child.ts). */
export interface Instance {
  port: number;
  process: ChildProcess;
  /** Epoch ms at which each thread's handler saw its signal abort. */
  aborted: Map<string, number>;
  /** Resolves when `threadId`'s handler aborted (its epoch ms). */
  abortedAt(threadId: string): Promise<number>;
  stats(): Promise<{ rss: number; heapUsed: number }>;
  /** kill -9. */
  kill(): Promise<void>;
}

/** Starts an instance with `env` (RUN_LOG, DB_PATH, KEY_PREFIX or PG_SCHEMA…). */
export function startInstance(env: Record<string, string>): Promise<Instance> {
  const child = spawn(process.execPath, ["--expose-gc", "--import", "tsx", CHILD], {
    env: { ...process.env, ...env, TSX_TSCONFIG_PATH: TSCONFIG },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const aborted = new Map<string, number>();
  const waiters = new Map<string, (ms: number) => void>();
  return new Promise((resolve, reject) => {
    let buffer = "";
    child.once("exit", (code) => reject(new Error(`instance exited with ${code}`)));
    child.stdout?.setEncoding("utf8");
    child.stdout?.on("data", (chunk: string) => {
      buffer += chunk;
      for (let nl = buffer.indexOf("\n"); nl >= 0; nl = buffer.indexOf("\n")) {
        const [word, a, b] = buffer.slice(0, nl).split(" ");
        buffer = buffer.slice(nl + 1);
        if (word === "READY") {
          const port = Number(a);
          resolve({
            port,
            process: child,
            aborted,
            abortedAt: (threadId) =>
              new Promise((done) => {
                const at = aborted.get(threadId);
                if (at !== undefined) done(at);
                else waiters.set(threadId, done);
              }),
            stats: async () => JSON.parse((await httpGet(port, "/stats")).text),
            kill: () =>
              new Promise((done) => {
                if (child.exitCode !== null || child.signalCode !== null) return done();
                child.once("exit", () => done());
                child.kill("SIGKILL");
              }),
          });
        } else if (word === "ABORTED" && a) {
          aborted.set(a, Number(b));
          waiters.get(a)?.(Number(b));
        }
      }
    });
  });
}

function httpGet(port: number, path: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path, agent: false }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => {
        text += c;
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

/** A request read as it arrives, over a connection of its own. */
export interface Exchange {
  /** Resolves with the status once the response headers came (rejects if none came). */
  response: Promise<number>;
  header(name: string): string | undefined;
  text(): string;
  /** Complete SSE blocks received so far. */
  frames(): Frame[];
  /** Resolves when the response ended or the connection was lost. */
  closed: Promise<void>;
  pause(): void;
  resume(): void;
}

/** Sends `method` to `127.0.0.1:<port>/chatkit<query>` on a fresh connection. */
export function exchange(
  port: number,
  options: { method?: string; body?: unknown; headers?: Record<string, string>; query?: string },
): Exchange {
  let text = "";
  let headers: Record<string, string | string[] | undefined> = {};
  let res: import("node:http").IncomingMessage | undefined;
  let closedResolve: () => void = () => undefined;
  const closed = new Promise<void>((resolve) => {
    closedResolve = resolve;
  });
  const req = request({
    host: "127.0.0.1",
    port,
    path: `/chatkit${options.query ?? ""}`,
    method: options.method ?? "POST",
    agent: false,
    headers: {
      "content-type": "application/json",
      "x-user": "alice",
      ...options.headers,
    },
  });
  const response = new Promise<number>((resolve, reject) => {
    req.on("response", (r) => {
      res = r;
      headers = r.headers;
      r.setEncoding("utf8");
      r.on("data", (chunk: string) => {
        text += chunk;
      });
      r.on("end", closedResolve);
      r.on("close", closedResolve);
      r.on("error", closedResolve);
      resolve(r.statusCode ?? 0);
    });
    req.on("error", (error) => {
      closedResolve();
      reject(error);
    });
  });
  response.catch(() => undefined);
  req.end(options.body === undefined ? undefined : JSON.stringify(options.body));
  return {
    response,
    header: (name) => headers[name] as string | undefined,
    text: () => text,
    frames: () => parseFrames(text.slice(0, text.lastIndexOf("\n\n") + 2)),
    closed,
    pause: () => res?.pause(),
    resume: () => res?.resume(),
  };
}

/** The text of the deltas among frames. */
export function deltasOf(frames: Frame[]): string {
  let text = "";
  for (const frame of frames) {
    const data = frame.data as { type?: string; update?: { delta?: string } } | undefined;
    if (data?.type === "thread.item.updated") text += data.update?.delta ?? "";
  }
  return text;
}

/** True when frames carry seq 1, 2, 3… with no gap or repeat. */
export function inSequence(frames: Frame[]): boolean {
  return frames.every((frame, i) => seqOf(frame) === i + 1);
}

/** The words `w0 w1 …` of an n-word reply. */
export function words(n: number): string {
  return Array.from({ length: n }, (_, i) => `w${i} `).join("");
}
