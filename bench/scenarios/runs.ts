/**
 * Scenario: resumable replies. (1) Events per second of one 20,000-delta message with the client's
 * `Threadkit-Resume: 1` on a server whose run log is Redis (every event appended to a Redis
 * Stream before it is sent), against the same server without the header (nothing logged).
 * (2) Resume latency: a GET with `Last-Event-ID` in the middle of a finished run, on the other
 * instance, until its first replayed event arrives.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient } from "redis";
import { post } from "../lib/client.js";
import {
  BENCH_DATABASE_URL,
  benchSchema,
  dropBenchSchema,
  postgresReachable,
} from "../lib/postgres.js";
import { startServer } from "../lib/proc.js";
import { type Row, row } from "../lib/report.js";
import { figure, percentile } from "../lib/stats.js";
import { addMessage, createThread } from "./stream.js";

const DELTAS = 20_000;
/** Replies of each kind before the measured rounds (see the warm-up below). */
const WARM_UP = 12;
const RESUME = { "threadkit-resume": "1" };
const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

/** Milliseconds from sending a resume GET to the first replayed event. */
function firstReplayed(port: number, lastEventId: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const req = http.request(
      {
        host: "127.0.0.1",
        port,
        path: "/chatkit",
        method: "GET",
        headers: { "last-event-id": lastEventId },
      },
      (res) => {
        if (res.statusCode !== 200) {
          res.resume();
          reject(new Error(`resume answered ${res.statusCode} for ${lastEventId}`));
          return;
        }
        let text = "";
        res.on("data", (chunk: Buffer) => {
          text += chunk.toString("latin1");
          if (text.includes("\n\n")) {
            const elapsed = performance.now() - start;
            req.destroy();
            resolve(elapsed);
          }
        });
        res.on("error", () => undefined);
      },
    );
    req.on("error", () => undefined);
    req.end();
  });
}

/** The run id of a resumable POST (its `Threadkit-Run` header) after reading it to its end. */
function runOf(port: number, request: unknown): Promise<string> {
  const payload = Buffer.from(JSON.stringify(request));
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: "127.0.0.1",
        port,
        path: "/chatkit",
        method: "POST",
        headers: { "content-type": "application/json", ...RESUME },
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve(String(res.headers["threadkit-run"])));
      },
    );
    req.on("error", reject);
    req.end(payload);
  });
}

export async function runsScenario(quick: boolean): Promise<Row[]> {
  const keyPrefix = `tk-bench-${randomBytes(4).toString("hex")}:`;
  const dir = mkdtempSync(join(tmpdir(), "threadkit-bench-runs-"));
  const env = {
    BENCH_RUN_LOG: "redis",
    BENCH_KEY_PREFIX: keyPrefix,
    BENCH_DB_PATH: join(dir, "shared.sqlite"),
  };
  // The same reply on the PostgreSQL run log, when the database answers.
  const pgSchema = (await postgresReachable()) ? benchSchema() : undefined;
  if (!pgSchema) {
    process.stderr.write(` (PostgreSQL at ${BENCH_DATABASE_URL} unreachable: no runs.pg figure)`);
  }
  const [owner, other, single, onPostgres] = await Promise.all([
    startServer("threadkit", env),
    startServer("threadkit", env),
    startServer("threadkit"),
    pgSchema
      ? startServer("threadkit", {
          BENCH_RUN_LOG: "postgres",
          BENCH_DATABASE_URL,
          BENCH_PG_SCHEMA: pgSchema,
        })
      : undefined,
  ]);
  const rounds = quick ? 3 : 9;
  try {
    const plainThread = (await createThread(owner.port)).threadId;
    const loggedThread = (await createThread(owner.port)).threadId;
    const memoryThread = (await createThread(single.port)).threadId;
    const pgThread = onPostgres ? (await createThread(onPostgres.port)).threadId : "";
    // Warm-up of every path (JIT, connections, pools) until the JIT has settled: a resumable
    // reply runs code once per append (about 40 times a reply) that reaches TurboFan replies
    // later than per-event code. With --trace-opt, the owner had optimized 113 functions after
    // 20 resumable replies, 173 after 60 and about 200 from 100 on, compiling on a second
    // thread meanwhile; after one warm-up reply the rounds below measured that compiling too
    // (0.79x in two runs of alternating replies, 0.86x and 0.88x after 12 warm-up replies).
    for (let i = 0; i < (quick ? 2 : WARM_UP); i++) {
      await post(owner.port, addMessage(plainThread, `stream:${DELTAS}`));
      await post(owner.port, addMessage(loggedThread, `stream:${DELTAS}`), { headers: RESUME });
      await post(single.port, addMessage(memoryThread, `stream:${DELTAS}`), { headers: RESUME });
      if (onPostgres) {
        await post(onPostgres.port, addMessage(pgThread, `stream:${DELTAS}`), { headers: RESUME });
      }
    }
    const plain: number[] = [];
    const logged: number[] = [];
    const memory: number[] = [];
    const onPg: number[] = [];
    // Server CPU time per event (steadier than wall-clock rates on a shared machine).
    const plainCpu: number[] = [];
    const loggedCpu: number[] = [];
    const memoryCpu: number[] = [];
    const onPgCpu: number[] = [];
    const timed = async (
      server: typeof owner,
      threadId: string,
      headers: Record<string, string>,
      rates: number[],
      cpus: number[],
    ) => {
      const cpu = server.cpuMs();
      const r = await post(server.port, addMessage(threadId, `stream:${DELTAS}`), { headers });
      rates.push(r.events / (r.end / 1000));
      cpus.push(((server.cpuMs() - cpu) * 1000) / r.events);
    };
    // Alternate, so outside load falls on both alike.
    for (let round = 0; round < rounds; round++) {
      await timed(owner, plainThread, {}, plain, plainCpu);
      await timed(owner, loggedThread, RESUME, logged, loggedCpu);
      await timed(single, memoryThread, RESUME, memory, memoryCpu);
      if (onPostgres) await timed(onPostgres, pgThread, RESUME, onPg, onPgCpu);
    }
    const resumeMs: number[] = [];
    const samples = quick ? 20 : 60;
    const runThread = (await createThread(owner.port)).threadId;
    const runId = await runOf(owner.port, addMessage(runThread, "stream:5000"));
    for (let i = 0; i < samples; i++) {
      const seq = 1 + Math.floor(Math.random() * 4000);
      resumeMs.push(await firstReplayed(other.port, `${runId}:${seq}`));
    }
    const withMemory = figure(memory);
    const withPostgres = figure(onPg);
    const withLog = figure(logged);
    const without = figure(plain);
    return [
      row(
        "runs.events_per_s_redis_log",
        "events/s of one 20,000-delta message, resumable on a Redis run log (bare = same server, no header)",
        "events/s",
        {
          threadkit: withLog.value,
          bare: without.value,
          spread: withLog.spread,
          note: "target >= 0.8x: every event is appended to a Redis Stream before it is sent",
        },
      ),
      row(
        "runs.events_per_s_memory_log",
        "events/s of one 20,000-delta message, resumable on the in-memory run log (bare = Redis server, no header)",
        "events/s",
        { threadkit: withMemory.value, bare: without.value, spread: withMemory.spread },
      ),
      ...(onPostgres
        ? [
            row(
              "runs.events_per_s_pg_log",
              "events/s of one 20,000-delta message, resumable on the PostgreSQL run log (bare = Redis server, no header)",
              "events/s",
              {
                threadkit: withPostgres.value,
                bare: without.value,
                spread: withPostgres.spread,
                note: `owner CPU ${figure(onPgCpu).value.toFixed(2)} µs/event; appends go one at a time (a pool does not keep their order)`,
              },
            ),
          ]
        : []),
      row(
        "runs.server_cpu_us_per_event",
        "owner CPU per event: resumable on the Redis log (bare = no header; Redis's own CPU not counted)",
        "µs",
        {
          threadkit: figure(loggedCpu).value,
          bare: figure(plainCpu).value,
          note: `memory log: ${figure(memoryCpu).value.toFixed(2)} µs/event`,
        },
      ),
      row(
        "runs.resume_first_event_p95_ms",
        "resume on the other instance (Redis): GET with Last-Event-ID to the first replayed event, p95",
        "ms",
        {
          threadkit: percentile(resumeMs, 95),
          note: `p50 ${percentile(resumeMs, 50).toFixed(2)} ms over ${samples} resumes`,
        },
      ),
    ];
  } finally {
    await Promise.all([owner.stop(), other.stop(), single.stop(), onPostgres?.stop()]);
    if (pgSchema) await dropBenchSchema(pgSchema);
    const client = createClient({ url: REDIS_URL });
    await client.connect();
    for await (const keys of client.scanIterator({ MATCH: `${keyPrefix}*`, COUNT: 500 })) {
      if (keys.length > 0) await client.del(keys);
    }
    await client.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
