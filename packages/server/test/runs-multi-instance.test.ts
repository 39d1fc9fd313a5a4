/**
 * Two server processes sharing a SQLite store file and a run log (Redis, PostgreSQL), behind an
 * in-test proxy that cuts connections at any byte: replies arrive exactly once across cuts and
 * instances, a stop reaches the other instance, a killed owner's run is finalised by the other,
 * and a paused reader does not make the server buffer the reply.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SQLiteStore } from "@threadkit/server";
import { createClient } from "redis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CutProxy } from "./helpers/cut-proxy.js";
import {
  deltasOf,
  exchange,
  type Instance,
  inSequence,
  startInstance,
  words,
} from "./helpers/instances.js";
import { cleanPostgres, postgresAvailable } from "./helpers/postgres-env.js";
import { type Frame, seqOf } from "./helpers/runs.js";

const RESUME = { "threadkit-resume": "1" };
const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
type Ctx = { userId: string };
const ALICE: Ctx = { userId: "alice" };

interface Backend {
  name: string;
  env(): Record<string, string>;
  clean(env: Record<string, string>): Promise<void>;
}

const BACKENDS: Backend[] = [
  {
    name: "redis",
    env: () => ({ RUN_LOG: "redis", KEY_PREFIX: `tk-multi-${randomBytes(6).toString("hex")}:` }),
    async clean(env) {
      const client = createClient({ url: REDIS_URL });
      await client.connect();
      for await (const keys of client.scanIterator({ MATCH: `${env.KEY_PREFIX}*`, COUNT: 500 })) {
        if (keys.length > 0) await client.del(keys);
      }
      await client.close();
    },
  },
  ...(postgresAvailable()
    ? [
        {
          name: "postgres",
          env: () => ({
            RUN_LOG: "postgres",
            PG_SCHEMA: `tk_multi_${randomBytes(6).toString("hex")}`,
          }),
          clean: (env: Record<string, string>) => cleanPostgres(env.PG_SCHEMA as string),
        },
      ]
    : []),
];

const createBody = (text: string) => ({
  type: "threads.create",
  params: {
    input: { content: [{ type: "input_text", text }], attachments: [], inference_options: {} },
  },
});

function threadOf(frames: Frame[]): string {
  return (frames.find((f) => f.data?.type === "thread.created")?.data?.thread as { id: string }).id;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

/** Runs `task` for 0..n-1, `limit` at a time. */
async function pool(n: number, limit: number, task: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < n) await task(next++);
    }),
  );
}

/** Reads a resume of `lastEventId` on `port` to its end; the frames (none for 204). */
async function resumeFrom(port: number, lastEventId: string, threadId?: string): Promise<Frame[]> {
  const resumed = exchange(port, {
    method: "GET",
    headers: { "last-event-id": lastEventId },
    ...(threadId ? { query: `?thread_id=${threadId}` } : {}),
  });
  const status = await resumed.response;
  await resumed.closed;
  if (status === 204) return [];
  if (status !== 200) throw new Error(`resume answered ${status}: ${resumed.text()}`);
  return resumed.frames();
}

describe.each(BACKENDS)("two instances on the $name run log", (backend) => {
  let env: Record<string, string>;
  let dir: string;
  let a: Instance;
  let b: Instance;
  let proxy: CutProxy;
  let store: SQLiteStore<Ctx>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "tk-multi-"));
    env = { ...backend.env(), DB_PATH: join(dir, "threads.db") };
    [a, b] = await Promise.all([startInstance(env), startInstance(env)]);
    proxy = await CutProxy.start(a.port);
    store = new SQLiteStore<Ctx>({ path: env.DB_PATH as string, userId: (c) => c.userId });
  }, 60_000);

  afterAll(async () => {
    await Promise.all([a?.kill(), b?.kill()]);
    await proxy?.close();
    store?.close();
    await backend.clean(env);
    rmSync(dir, { recursive: true, force: true });
  });

  it("a paused reader during a 50,000-event run costs the server little; it then reads the reply once", async () => {
    // Warm the owner up (code paths, pools, connections) so the baseline is its steady state.
    const warmup = exchange(a.port, { body: createBody("2000/0"), headers: RESUME });
    await warmup.response;
    await warmup.closed;
    /**
     * The owner's peak RSS and heap growth, in MB, while a 50,000-event run goes on to its end
     * (no active run left on the thread), its reader paused or reading.
     */
    const growth = async (paused: boolean) => {
      const before = await a.stats();
      const run = exchange(a.port, { body: createBody("50000/0"), headers: RESUME });
      await run.response;
      if (paused) run.pause();
      let peakRss = before.rss;
      let peakHeap = before.heapUsed;
      let threadId: string | undefined;
      for (;;) {
        const stats = await a.stats();
        peakRss = Math.max(peakRss, stats.rss);
        peakHeap = Math.max(peakHeap, stats.heapUsed);
        threadId ??= run.frames().length > 0 ? threadOf(run.frames()) : undefined;
        if (threadId) {
          const probe = exchange(b.port, {
            body: { type: "threads.get_by_id", params: { thread_id: threadId } },
            headers: RESUME,
          });
          await probe.response;
          await probe.closed;
          if (!probe.header("threadkit-active-run")) break;
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      return {
        run,
        rss: (peakRss - before.rss) / 2 ** 20,
        heap: (peakHeap - before.heapUsed) / 2 ** 20,
      };
    };
    // The same run read as it comes: what the run itself costs the owner (on PostgreSQL its RSS
    // grows by 20–30 MB whoever reads, the heap by a few MB), against which the paused reader's
    // cost is measured.
    const reading = await growth(false);
    await reading.run.closed;
    const paused = await growth(true);
    console.log(
      `[${backend.name}] 50,000 events: owner RSS +${paused.rss.toFixed(1)} MB with a paused reader, +${reading.rss.toFixed(1)} MB with one reading; heap +${paused.heap.toFixed(1)} MB paused`,
    );
    // What the server holds for the run is its heap; RSS grows with V8's young generation too
    // (on Node 24 ~20 MB more for the same heap), so it is bounded against the reading client's.
    expect(paused.heap).toBeLessThanOrEqual(20);
    expect(paused.rss - reading.rss).toBeLessThanOrEqual(20);
    paused.run.resume();
    await paused.run.closed;
    const frames = paused.run.frames();
    expect(inSequence(frames)).toBe(true);
    expect(frames.at(-1)).toMatchObject({ data: { reason: "completed" } });
    expect(deltasOf(frames)).toBe(words(50_000));
  }, 180_000);

  it("a 300-event reply cut at 100 random byte offsets, resumed after 0–2 s on either instance, arrives exactly once", async () => {
    const baseline = exchange(a.port, { body: createBody("300/0"), headers: RESUME });
    await baseline.response;
    await baseline.closed;
    const total = baseline.text().length;
    expect(baseline.frames().at(-1)?.data).toEqual({ reason: "completed" });
    const expected = words(300);
    let onOther = 0;
    let cut = 0;
    await pool(100, 10, async () => {
      proxy.cutNext(400 + Math.floor(Math.random() * (total - 500)));
      const first = exchange(proxy.port, { body: createBody("300/1"), headers: RESUME });
      await first.response;
      await first.closed;
      const seen = first.frames();
      const runId = first.header("threadkit-run") as string;
      const ended = seen.at(-1)?.event === "threadkit.end";
      if (!ended) cut++;
      // The client comes back after a random delay (what a user's network does), maybe elsewhere.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 2000));
      const other = Math.random() < 0.5;
      if (other) onOther++;
      const last = seen.at(-1)?.id ?? `${runId}:0`;
      const rest = await resumeFrom(other ? b.port : a.port, last);
      const all = [...seen, ...rest];
      expect(inSequence(all)).toBe(true);
      expect(all.at(-1)).toMatchObject({ event: "threadkit.end", data: { reason: "completed" } });
      expect(deltasOf(all)).toBe(expected);
      expect(all.filter((f) => f.data?.type === "thread.item.done")).toHaveLength(2);
    });
    console.log(
      `[${backend.name}] exactly-once: 100 replies, ${cut} cut mid-reply, ${onOther} resumed on the other instance`,
    );
    expect(cut).toBeGreaterThan(80);
  }, 240_000);

  it("a stop sent to the other instance aborts the handler; the partial reply and the note are saved", async () => {
    const latencies: number[] = [];
    for (let round = 0; round < 20; round++) {
      const run = exchange(a.port, { body: createBody("5000/2"), headers: RESUME });
      await run.response;
      for (;;) {
        if (deltasOf(run.frames()).length > 0) break;
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      const threadId = threadOf(run.frames());
      const sentAt = Date.now();
      const stop = exchange(b.port, {
        body: { type: "threadkit.runs.stop", params: { thread_id: threadId } },
      });
      expect(await stop.response).toBe(202);
      await stop.closed;
      expect(JSON.parse(stop.text())).toEqual({ status: "stopping" });
      latencies.push((await a.abortedAt(threadId)) - sentAt);
      await run.closed;
      const frames = run.frames();
      expect(inSequence(frames)).toBe(true);
      expect(frames.at(-1)).toMatchObject({
        event: "threadkit.end",
        data: { reason: "cancelled" },
      });
      const items = (await store.loadThreadItems(threadId, null, 100, "asc", ALICE)).data;
      expect(items.map((i) => i.type)).toEqual([
        "user_message",
        "assistant_message",
        "sdk_hidden_context",
      ]);
      const saved = (items[1] as { content: Array<{ text: string }> }).content[0]?.text ?? "";
      expect(saved.length).toBeGreaterThan(0);
      expect(words(5000).startsWith(saved)).toBe(true);
    }
    console.log(
      `[${backend.name}] stop on the other instance → handler aborted: p50 ${percentile(latencies, 50)} ms, p99 ${percentile(latencies, 99)} ms, max ${Math.max(...latencies)} ms (${latencies.length} runs)`,
    );
  }, 120_000);

  it("kill -9 of the owner: the other instance ends the attached client's reply with an error, keeps the partial reply, frees the thread", async () => {
    const run = exchange(a.port, { body: createBody("2000/20"), headers: RESUME });
    await run.response;
    const runId = run.header("threadkit-run") as string;
    const attached = exchange(b.port, {
      method: "GET",
      headers: { "last-event-id": `${runId}:0` },
    });
    expect(await attached.response).toBe(200);
    for (;;) {
      if (deltasOf(attached.frames()).length > 200) break;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const threadId = threadOf(attached.frames());
    const killedAt = Date.now();
    await a.kill();
    await attached.closed;
    const elapsed = Date.now() - killedAt;
    const frames = attached.frames();
    console.log(
      `[${backend.name}] kill -9 of the owner → error on the other instance after ${elapsed} ms`,
    );
    expect(inSequence(frames)).toBe(true);
    expect(frames.at(-2)?.data).toEqual({ type: "error", code: "stream.error", allow_retry: true });
    expect(frames.at(-1)).toMatchObject({ event: "threadkit.end", data: { reason: "failed" } });
    expect(elapsed).toBeLessThan(20_000);
    const items = (await store.loadThreadItems(threadId, null, 100, "asc", ALICE)).data;
    expect(items.map((i) => i.type)).toEqual([
      "user_message",
      "assistant_message",
      "sdk_hidden_context",
    ]);
    expect((items[1] as { content: Array<{ text: string }> }).content[0]?.text).toBe(
      deltasOf(frames),
    );
    // The thread takes a new message at once, on the surviving instance.
    const next = exchange(b.port, {
      body: {
        type: "threads.add_user_message",
        params: {
          thread_id: threadId,
          input: {
            content: [{ type: "input_text", text: "3/0" }],
            attachments: [],
            inference_options: {},
          },
        },
      },
      headers: RESUME,
    });
    expect(await next.response).toBe(200);
    await next.closed;
    expect(next.frames().at(-1)).toMatchObject({ data: { reason: "completed" } });
    expect(seqOf(next.frames().at(-1) as Frame)).toBeGreaterThan(3);
  }, 60_000);
});
