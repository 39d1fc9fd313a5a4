import { randomBytes } from "node:crypto";
import { request } from "node:http";
import type { ThreadItem, ThreadStreamEvent } from "@threadkit/core";
import { RedisRunLog } from "@threadkit/redis";
import {
  type ChatKitServerOptions,
  MemoryRunLog,
  type RunLog,
  type RunLogRetention,
} from "@threadkit/server";
import { createClient } from "redis";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { storedItems } from "./helpers/app.js";
import { ADAPTERS, type AdapterKind, type Running, startAdapter } from "./helpers/http.js";
import { eventually, type Frame, Pacer, parseFrames, seqOf } from "./helpers/runs.js";
import { type Ctx, makeStore, now, OTHER, TestServer, USER, userInput } from "./helpers/server.js";

const CANCEL_NOTE = "The user cancelled the stream. Stop responding to the prior request.";
const RESUME = { "threadkit-resume": "1" };

const createBody = (text: string) => ({
  type: "threads.create",
  params: { input: userInput(text) },
});
const addBody = (threadId: string, text: string) => ({
  type: "threads.add_user_message",
  params: { thread_id: threadId, input: userInput(text) },
});

/**
 * A streaming POST read as it arrives: `frames()` parses what came so far; `cut()` closes the
 * connection (a network loss).
 */
function open(url: string, body: unknown, headers: Record<string, string> = {}, user: Ctx = USER) {
  return read(
    request(url, {
      method: "POST",
      headers: { "content-type": "application/json", "x-user": user.userId, ...headers },
    }),
    JSON.stringify(body),
  );
}

/** A resume GET read as it arrives, as {@link open} reads a POST. */
function openGet(url: string, lastEventId: string) {
  const headers = { "x-user": USER.userId, "last-event-id": lastEventId };
  return read(request(url, { method: "GET", headers }));
}

function read(req: ReturnType<typeof request>, body?: string) {
  let text = "";
  let status = 0;
  let responseHeaders: Record<string, string | string[] | undefined> = {};
  let ended = false;
  const response = new Promise<void>((resolve, reject) => {
    req.on("response", (res) => {
      status = res.statusCode ?? 0;
      responseHeaders = res.headers;
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        text += chunk;
      });
      res.on("end", () => {
        ended = true;
      });
      res.on("error", () => undefined);
      resolve();
    });
    req.on("error", reject);
  });
  req.end(body);
  return {
    response,
    status: () => status,
    header: (name: string) => responseHeaders[name] as string | undefined,
    text: () => text,
    ended: () => ended,
    frames: () => parseFrames(text.slice(0, text.lastIndexOf("\n\n") + 2)),
    cut: () => req.destroy(),
  };
}

async function resumeGet(
  url: string,
  lastEventId: string | null,
  options: { threadId?: string; user?: Ctx; query?: boolean } = {},
): Promise<{ status: number; text: string; frames: Frame[]; body: unknown }> {
  const params = new URLSearchParams();
  if (options.threadId) params.set("thread_id", options.threadId);
  if (options.query && lastEventId) params.set("last_event_id", lastEventId);
  const headers: Record<string, string> = { "x-user": (options.user ?? USER).userId };
  if (!options.query && lastEventId) headers["last-event-id"] = lastEventId;
  const res = await fetch(`${url}?${params}`, { headers });
  const text = await res.text();
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {
    // an event stream or nothing
  }
  return { status: res.status, text, frames: res.status === 200 ? parseFrames(text) : [], body };
}

function textOf(frames: Frame[]): string {
  return frames
    .map((f) => f.data)
    .filter((d) => d?.type === "thread.item.updated")
    .map((d) => (d?.update as { delta: string }).delta)
    .join("");
}

/** `log` with each append held back `delayMs` (a log far away), recording what each carried. */
function slowAppends(log: RunLog, delayMs: number) {
  const appends: Array<{ entries: number; chars: number; lastChars: number }> = [];
  const slow = new Proxy(log, {
    get(target, key) {
      if (key === "append") {
        return async (...args: Parameters<RunLog["append"]>) => {
          const entries = args[2];
          const chars = entries.reduce((n, entry) => n + entry.data.length, 0);
          const lastChars = entries[entries.length - 1]?.data.length ?? 0;
          appends.push({ entries: entries.length, chars, lastChars });
          await new Promise((resolve) => setTimeout(resolve, delayMs));
          return target.append(...args);
        };
      }
      const value = Reflect.get(target, key, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  return { log: slow, appends };
}

/** A handler that streams one assistant message of `count` deltas of `delta`. */
function deltaReply(id: string, count: number, delta: string) {
  return {
    async *respond(thread: { id: string }) {
      const item = {
        type: "assistant_message",
        id,
        thread_id: thread.id,
        created_at: now(),
        content: [{ type: "output_text", text: "", annotations: [] }],
      } as ThreadItem;
      yield { type: "thread.item.added", item } as ThreadStreamEvent;
      for (let i = 0; i < count; i++) {
        yield {
          type: "thread.item.updated",
          item_id: item.id,
          update: { type: "assistant_message.content_part.text_delta", content_index: 0, delta },
        } as ThreadStreamEvent;
      }
    },
  };
}

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const PREFIX = `tk-http-${randomBytes(6).toString("hex")}:`;
const LOGS: Array<[string, (retention: RunLogRetention) => RunLog]> = [
  ["memory", (retention) => new MemoryRunLog(retention)],
  ["redis", (retention) => new RedisRunLog({ url: REDIS_URL, keyPrefix: PREFIX, ...retention })],
];
const CASES = ADAPTERS.flatMap((kind) => LOGS.map(([name, make]) => [kind, name, make] as const));

afterAll(async () => {
  const client = createClient({ url: REDIS_URL });
  await client.connect();
  for await (const keys of client.scanIterator({ MATCH: `${PREFIX}*`, COUNT: 500 })) {
    if (keys.length > 0) await client.del(keys);
  }
  await client.close();
});

describe.each(CASES)(
  "%s adapter, %s run log: resumable runs",
  (kind: AdapterKind, _name, makeLog) => {
    let running: Running | undefined;
    let log: RunLog | undefined;
    afterEach(async () => {
      await running?.close();
      await log?.close();
      running = undefined;
    });

    async function start(
      count: number,
      retention: RunLogRetention = {},
      options: ChatKitServerOptions<Ctx> = {},
    ) {
      const runLog = makeLog(retention);
      const pacer = new Pacer();
      const store = makeStore();
      log = runLog;
      const server = new TestServer(
        store,
        { respond: pacer.respond(count) },
        { runLog, ...options },
      );
      running = await startAdapter(kind, server, {});
      return { pacer, store, server, url: running.url };
    }

    it("without the header: no ids, no retry, no end event, as before", async () => {
      const { pacer, url } = await start(3);
      pacer.allow();
      const stream = open(url, createBody("hi"));
      await stream.response;
      await eventually(() => stream.ended());
      expect(stream.text()).not.toMatch(/^(id|retry|event):/m);
      expect(stream.header("threadkit-run")).toBeUndefined();
      expect(stream.frames().map((f) => f.data?.type)).toEqual([
        "thread.created",
        "thread.item.done",
        "stream_options",
        "thread.item.added",
        "thread.item.updated",
        "thread.item.updated",
        "thread.item.updated",
        "thread.item.done",
      ]);
      // The thread is free as soon as the stream has ended: the next message is not thread_busy.
      const threadId = (stream.frames()[0]?.data?.thread as { id: string }).id;
      for (let i = 0; i < 5; i++) {
        const next = open(url, addBody(threadId, `again ${i}`));
        await next.response;
        await eventually(() => next.ended());
        expect(next.status()).toBe(200);
      }
    });

    it("with the header: every event has <runId>:<seq>, a retry line, and the end event", async () => {
      const { pacer, url } = await start(3);
      pacer.allow();
      const stream = open(url, createBody("hi"), RESUME);
      await stream.response;
      await eventually(() => stream.ended());
      const frames = stream.frames();
      const runId = stream.header("threadkit-run");
      expect(runId).toMatch(/^run_[0-9a-f]+$/);
      expect(frames[0]?.retry).toBe("1000");
      expect(frames.map((f) => f.id)).toEqual(frames.map((_, i) => `${runId}:${i + 1}`));
      expect(frames.at(-1)).toMatchObject({
        event: "threadkit.end",
        data: { reason: "completed" },
      });
      expect(textOf(frames)).toBe("w0 w1 w2 ");
    });

    it("a disconnect detaches: the run completes and a resume replays exactly what was missed", async () => {
      const { pacer, store, url } = await start(20);
      pacer.allow(5);
      const stream = open(url, createBody("hi"), RESUME);
      await stream.response;
      await eventually(() => textOf(stream.frames()) === "w0 w1 w2 w3 w4 ");
      stream.cut();
      const seen = stream.frames();
      const last = seen.at(-1)?.id as string;
      const threadId = (seen[0]?.data?.thread as { id: string }).id;
      pacer.allow();
      const resumed = await resumeGet(url, last, { threadId });
      expect(resumed.status).toBe(200);
      expect(resumed.frames.map(seqOf)).toEqual(
        resumed.frames.map((_, i) => seqOf(seen.at(-1) as Frame) + 1 + i),
      );
      expect(textOf([...seen, ...resumed.frames])).toBe(
        Array.from({ length: 20 }, (_, i) => `w${i} `).join(""),
      );
      expect(resumed.frames.at(-1)).toMatchObject({ data: { reason: "completed" } });
      expect(pacer.aborted).toBe(false);
      const items = await storedItems(store, threadId, USER);
      expect(items.map((i) => i.type)).toEqual(["user_message", "assistant_message"]);
    });

    it("resumes that join a live run in the middle of its appends start at the next event", async () => {
      const { pacer, url } = await start(600);
      pacer.allow(400);
      const stream = open(url, createBody("hi"), RESUME);
      await stream.response;
      // The first 400 deltas were yielded without a wait: they went to the log in a few appends,
      // so most of these positions fall inside one.
      await eventually(() => textOf(stream.frames()).split(" ").length > 400);
      const seen = stream.frames();
      const runId = stream.header("threadkit-run") as string;
      const mids = [100, 200, 263, 290, 301, 333, 377, 399].map((i) => seqOf(seen[i] as Frame));
      const resumes = mids.map((mid) => openGet(url, `${runId}:${mid}`));
      // Joined while the run waits for the rest: each is served from the owner's memory.
      await eventually(() => resumes.every((resume) => resume.frames().length > 0));
      pacer.allow();
      await eventually(() => stream.ended() && resumes.every((resume) => resume.ended()));
      const full = stream.text();
      for (const [i, resume] of resumes.entries()) {
        const mid = mids[i] as number;
        expect(resume.status()).toBe(200);
        const frames = resume.frames();
        expect(frames.map(seqOf)).toEqual(frames.map((_, j) => mid + 1 + j));
        expect(resume.text()).toBe(
          `retry: 1000\n${full.slice(full.indexOf(`id: ${runId}:${mid + 1}\n`))}`,
        );
      }
    });

    it("a log slower than the handler gets the backlog in appends larger than a turn's events", async () => {
      const slow = slowAppends(makeLog({}), 20);
      try {
        const { pacer, url } = await start(3000, {}, { runLog: slow.log });
        pacer.allow();
        const stream = open(url, createBody("hi"), RESUME);
        await stream.response;
        await eventually(() => stream.ended());
        expect(textOf(stream.frames())).toBe(
          Array.from({ length: 3000 }, (_, i) => `w${i} `).join(""),
        );
        // The driver yields a turn every 256 events: appends of one turn's events never catch up
        // with a backlog (the handler was then held back at almost every turn).
        const largest = Math.max(...slow.appends.map((append) => append.entries));
        expect(largest).toBeGreaterThan(256);
        expect(largest).toBeLessThanOrEqual(1024);
      } finally {
        await slow.log.close();
      }
    });

    it("a long resumable reply read as fast as it comes arrives whole and ends", async () => {
      // 100-byte deltas: appends hit their byte bound, several are in flight at once, and
      // several settle in one turn, so they reach the writer several to a write.
      const delta = "x".repeat(100);
      log = makeLog({});
      const server = new TestServer(makeStore(), deltaReply("msg_long", 20_000, delta), {
        runLog: log,
      });
      running = await startAdapter(kind, server, {});
      const stream = open(running.url, createBody("hi"), RESUME);
      await stream.response;
      await eventually(() => stream.ended(), 30_000);
      const frames = stream.frames();
      expect(frames.map(seqOf)).toEqual(frames.map((_, i) => i + 1));
      expect(frames.at(-1)?.event).toBe("threadkit.end");
      expect(textOf(frames)).toBe(delta.repeat(20_000));
    });

    it("one append carries about 256 KB of events at most, however few they are", async () => {
      const slow = slowAppends(makeLog({}), 20);
      const delta = "x".repeat(100_000);
      try {
        const server = new TestServer(makeStore(), deltaReply("msg_big", 12, delta), {
          runLog: slow.log,
        });
        running = await startAdapter(kind, server, {});
        const stream = open(running.url, createBody("hi"), RESUME);
        await stream.response;
        await eventually(() => stream.ended());
        expect(textOf(stream.frames())).toBe(delta.repeat(12));
        // Entries are taken while their data is under 256 KB: three of these at most.
        for (const append of slow.appends) {
          expect(append.chars - append.lastChars).toBeLessThan(256 * 1024);
        }
        expect(Math.max(...slow.appends.map((append) => append.chars))).toBeGreaterThan(250_000);
      } finally {
        await slow.log.close();
      }
    });

    it("a resume through the last_event_id query parameter, from :0, replays the whole run", async () => {
      const { pacer, url } = await start(4);
      pacer.allow();
      const stream = open(url, createBody("hi"), RESUME);
      await stream.response;
      await eventually(() => stream.ended());
      const runId = stream.header("threadkit-run") as string;
      pacer.allow();
      const replay = await resumeGet(url, `${runId}:0`, { query: true });
      expect(replay.status).toBe(200);
      expect(replay.text).toBe(stream.text());
    });

    it("answers 204, 404, 400 and 410 as the contract says", async () => {
      const { pacer, url } = await start(2, { graceMs: 300 });
      pacer.allow();
      const stream = open(url, createBody("hi"), RESUME);
      await stream.response;
      await eventually(() => stream.ended());
      const frames = stream.frames();
      const runId = stream.header("threadkit-run") as string;
      const threadId = (frames[0]?.data?.thread as { id: string }).id;
      const last = frames.at(-1)?.id as string;
      expect((await resumeGet(url, last, { threadId })).status).toBe(204);
      expect((await resumeGet(url, `${runId}:1`, { user: OTHER })).status).toBe(404);
      expect((await resumeGet(url, `${runId}:1`, { threadId: "thr_other" })).status).toBe(404);
      expect((await resumeGet(url, "run_00ff:1")).status).toBe(404);
      for (const bad of ["nope", `${runId}:-1`, `${runId}:1:2`, `${runId}:99999`]) {
        const answer = await resumeGet(url, bad);
        expect(answer.status).toBe(400);
        expect(answer.body).toMatchObject({ error: { code: "invalid_request" } });
      }
      const gone = await eventually(async () => {
        const answer = await resumeGet(url, `${runId}:1`);
        return answer.status === 410 ? answer : undefined;
      });
      expect(gone?.body).toMatchObject({ error: { code: "events_gone" } });
    }, 20_000);

    it("a retried POST resumes the run and never runs the model twice; another body gets 409", async () => {
      const { pacer, store, url } = await start(10);
      pacer.allow(3);
      const body = createBody("once");
      const first = open(url, body, RESUME);
      await first.response;
      await eventually(() => textOf(first.frames()) === "w0 w1 w2 ");
      first.cut();
      const last = first.frames().at(-1)?.id as string;
      pacer.allow();
      const retried = open(url, body, { ...RESUME, "last-event-id": last });
      await retried.response;
      await eventually(() => retried.ended());
      expect(retried.status()).toBe(200);
      expect(textOf([...first.frames(), ...retried.frames()])).toBe(
        Array.from({ length: 10 }, (_, i) => `w${i} `).join(""),
      );
      expect(pacer.calls).toBe(1);
      const threadId = (first.frames()[0]?.data?.thread as { id: string }).id;
      const users = (await storedItems(store, threadId, USER)).filter(
        (i) => i.type === "user_message",
      );
      expect(users).toHaveLength(1);
      const other = open(url, createBody("another"), { ...RESUME, "last-event-id": last });
      await other.response;
      await eventually(() => other.ended());
      expect(other.status()).toBe(409);
    });

    it("a second streaming request on a busy thread gets 409 thread_busy, with or without the header", async () => {
      const { pacer, url } = await start(5);
      pacer.allow(1);
      const first = open(url, createBody("hi"), RESUME);
      await first.response;
      await eventually(() => textOf(first.frames()) === "w0 ");
      const threadId = (first.frames()[0]?.data?.thread as { id: string }).id;
      for (const headers of [RESUME, {}]) {
        const second = open(url, addBody(threadId, "again"), headers);
        await second.response;
        await eventually(() => second.ended());
        expect(second.status()).toBe(409);
        expect(JSON.parse(second.text())).toMatchObject({ error: { code: "thread_busy" } });
      }
      expect(pacer.calls).toBe(1);
      pacer.allow();
      await eventually(() => first.ended());
      const third = open(url, addBody(threadId, "now"), RESUME);
      await third.response;
      await eventually(() => third.ended());
      expect(third.status()).toBe(200);
    });

    it("a message refused with 409 thread_busy costs no rate-limit token", async () => {
      // Three tokens, next to none refilled while the test runs.
      const { pacer, url } = await start(1, {}, { rateLimit: { perMinute: 1, burst: 3 } });
      pacer.allow(0);
      const first = open(url, createBody("hi"), RESUME);
      await first.response;
      await eventually(() => first.frames().length > 0);
      const threadId = (first.frames()[0]?.data?.thread as { id: string }).id;
      const send = async (headers: Record<string, string>) => {
        const next = open(url, addBody(threadId, "again"), headers);
        await next.response;
        await eventually(() => next.ended());
        return next.status();
      };
      // Each would have taken one of the two tokens left.
      for (const headers of [RESUME, {}, RESUME]) expect(await send(headers)).toBe(409);
      pacer.allow();
      await eventually(() => first.ended());
      expect(await send(RESUME)).toBe(200);
      expect(await send({})).toBe(200);
      expect(await send(RESUME)).toBe(429);
    });

    it("threads.get_by_id names the active run with the header only; a rejoin from :0 has every event", async () => {
      const { pacer, url } = await start(6);
      pacer.allow(2);
      const first = open(url, createBody("hi"), RESUME);
      await first.response;
      await eventually(() => textOf(first.frames()) === "w0 w1 ");
      const threadId = (first.frames()[0]?.data?.thread as { id: string }).id;
      const get = (headers: Record<string, string>) =>
        fetch(url, {
          method: "POST",
          headers: { "content-type": "application/json", ...headers },
          body: JSON.stringify({ type: "threads.get_by_id", params: { thread_id: threadId } }),
        });
      const plain = await get({});
      expect(plain.headers.get("threadkit-active-run")).toBeNull();
      const opted = await get(RESUME);
      const runId = opted.headers.get("threadkit-active-run");
      expect(runId).toBe(first.header("threadkit-run"));
      first.cut();
      pacer.allow();
      const rejoin = await resumeGet(url, `${runId}:0`, { threadId });
      expect(textOf(rejoin.frames)).toBe("w0 w1 w2 w3 w4 w5 ");
      expect((await get(RESUME)).headers.get("threadkit-active-run")).toBeNull();
    });

    it("a stop reaches the run: 202, the handler's signal aborts, the partial reply and the note are saved", async () => {
      const { pacer, store, url } = await start(50);
      pacer.allow(3);
      const stream = open(url, createBody("hi"), RESUME);
      await stream.response;
      await eventually(() => textOf(stream.frames()) === "w0 w1 w2 ");
      const threadId = (stream.frames()[0]?.data?.thread as { id: string }).id;
      const stop = (user: Ctx) =>
        fetch(url, {
          method: "POST",
          headers: { "content-type": "application/json", "x-user": user.userId },
          body: JSON.stringify({ type: "threadkit.runs.stop", params: { thread_id: threadId } }),
        });
      expect((await stop(OTHER)).status).toBe(404);
      const answer = await stop(USER);
      expect(answer.status).toBe(202);
      expect(await answer.json()).toEqual({ status: "stopping" });
      await eventually(() => stream.ended());
      expect(pacer.aborted).toBe(true);
      expect(stream.frames().at(-1)).toMatchObject({
        event: "threadkit.end",
        data: { reason: "cancelled" },
      });
      const items = await storedItems(store, threadId, USER);
      expect(items.map((i) => i.type)).toEqual([
        "user_message",
        "assistant_message",
        "sdk_hidden_context",
      ]);
      expect(items[1]).toMatchObject({ content: [{ text: "w0 w1 w2 " }] });
      expect(items[2]).toMatchObject({ content: CANCEL_NOTE });
      expect(await (await stop(USER)).json()).toEqual({ status: "already_finished" });
    });

    it("a stop also reaches a run without the header (the stream ends, the partial reply is saved)", async () => {
      const { pacer, store, url } = await start(50);
      pacer.allow(2);
      const stream = open(url, createBody("hi"));
      await stream.response;
      await eventually(() => textOf(stream.frames()) === "w0 w1 ");
      const threadId = (stream.frames()[0]?.data?.thread as { id: string }).id;
      const answer = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ type: "threadkit.runs.stop", params: { thread_id: threadId } }),
      });
      expect(await answer.json()).toEqual({ status: "stopping" });
      await eventually(() => stream.ended());
      expect(pacer.aborted).toBe(true);
      const items = await storedItems(store, threadId, USER);
      expect(items.map((i) => i.type)).toEqual([
        "user_message",
        "assistant_message",
        "sdk_hidden_context",
      ]);
    });

    it("a detached run is stopped at maxRunMs like a user stop", async () => {
      const pacer = new Pacer();
      const store = makeStore();
      log = makeLog({});
      const server = new TestServer(
        store,
        { respond: pacer.respond(50) },
        { runLog: log, maxRunMs: 300 },
      );
      running = await startAdapter(kind, server, {});
      pacer.allow(2);
      const stream = open(running.url, createBody("hi"), RESUME);
      await stream.response;
      await eventually(() => textOf(stream.frames()) === "w0 w1 ");
      stream.cut();
      const threadId = (stream.frames()[0]?.data?.thread as { id: string }).id;
      await eventually(() => pacer.aborted);
      const items = await eventually(async () => {
        const stored = await storedItems(store, threadId, USER);
        return stored.length === 3 ? stored : undefined;
      });
      expect(items?.map((i) => i.type)).toEqual([
        "user_message",
        "assistant_message",
        "sdk_hidden_context",
      ]);
      const runId = stream.header("threadkit-run") as string;
      const rest = await resumeGet(running.url, stream.frames().at(-1)?.id as string, { threadId });
      expect(rest.frames.at(-1)).toMatchObject({
        event: "threadkit.end",
        data: { reason: "cancelled" },
      });
      expect(rest.frames.every((f) => f.id?.startsWith(`${runId}:`))).toBe(true);
    });

    it("refuses a malformed stop with 400", async () => {
      const { url } = await start(1);
      for (const params of [null, {}, { thread_id: 5 }, { thread_id: "thr_x", run_id: "x:1" }]) {
        const res = await fetch(url, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ type: "threadkit.runs.stop", params }),
        });
        expect(res.status).toBe(400);
        expect(await res.json()).toMatchObject({ error: { code: "invalid_request" } });
      }
    });
  },
);
