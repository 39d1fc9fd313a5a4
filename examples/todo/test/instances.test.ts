/**
 * Two todo app processes on one PostgreSQL schema behind a round-robin proxy: any instance can
 * take any request, concurrent work on one thread loses nothing and is seen in one order, and an
 * instance killed mid-reply loses no item a client saw completed.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  allItems,
  chatkit,
  DATABASE_URL,
  doneIds,
  type Event,
  type Instance,
  message,
  newUser,
  RoundRobin,
  startInstance,
} from "./cluster.js";

const schema = `tk_cluster_${randomBytes(4).toString("hex")}`;
// 200 requests from one user at once are a load test, not abuse: no per-user rate limit.
// Replies at 5 ms a word (not 18) keep 200 replies, taken one at a time per thread, quick.
const env = { DATABASE_URL, DATABASE_SCHEMA: schema, RATE_LIMIT: "off", REPLY_DELAY_MS: "5" };
let a: Instance;
let b: Instance;
let proxy: RoundRobin;

beforeAll(async () => {
  // One after the other would do; together checks that simultaneous migrations take turns.
  [a, b] = await Promise.all([startInstance(env), startInstance(env)]);
  proxy = new RoundRobin([a.url, b.url]);
  await proxy.listen();
}, 60_000);

afterAll(async () => {
  await proxy?.close();
  await Promise.all([a?.stop(), b?.stop()]);
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await client.end();
});

const errors = (events: Event[]) => events.filter((event) => event.type === "error");
const threadOf = (events: Event[]) => {
  const created = events.find((event) => event.type === "thread.created");
  return (created?.thread as { id: string }).id;
};
const widgetOf = (events: Event[]) => {
  const done = events.filter(
    (event) =>
      event.type === "thread.item.done" && (event.item as { type: string }).type === "widget",
  );
  return (done.at(-1)?.item as { id: string }).id;
};
const todoTitles = async (origin: string, cookie: string) => {
  const res = await fetch(`${origin}/api/todos`, { headers: { cookie } });
  expect(res.status).toBe(200);
  return ((await res.json()) as { todos: { title: string }[] }).todos.map((todo) => todo.title);
};

describe("two todo app instances on one PostgreSQL database", () => {
  it("lists, loads, continues and acts on a thread created through the other instance", async () => {
    const user = newUser();
    const created = await chatkit(a.url, user, message("add buy milk"));
    expect(created.status).toBe(200);
    expect(errors(created.events)).toEqual([]);
    const threadId = threadOf(created.events);

    const listed = await chatkit(b.url, user, { type: "threads.list", params: { limit: 10 } });
    expect((listed.json as { data: { id: string }[] }).data.map((t) => t.id)).toEqual([threadId]);
    const loaded = await chatkit(b.url, user, {
      type: "threads.get_by_id",
      params: { thread_id: threadId },
    });
    const title = (loaded.json as { title: string }).title;
    expect(title).toContain("buy milk");
    const fromOwner = await chatkit(a.url, user, {
      type: "threads.get_by_id",
      params: { thread_id: threadId },
    });
    expect((fromOwner.json as { title: string }).title).toBe(title);

    const continued = await chatkit(b.url, user, message("add walk the dog", threadId));
    expect(errors(continued.events)).toEqual([]);
    const widgetId = widgetOf(continued.events);
    const acted = await chatkit(a.url, user, {
      type: "threads.custom_action",
      params: {
        thread_id: threadId,
        item_id: widgetId,
        action: { type: "todo.filter", payload: { filter: "open" } },
      },
    });
    expect(acted.status).toBe(200);
    expect(errors(acted.events)).toEqual([]);
    expect(
      acted.events.some((e) => e.type === "thread.item.updated" && e.item_id === widgetId),
    ).toBe(true);

    expect(await todoTitles(b.url, user)).toEqual(["buy milk", "walk the dog"]);
    const fromA = await allItems(a.url, user, threadId);
    expect(await allItems(b.url, user, threadId)).toEqual(fromA);
    for (const id of [...doneIds(created.events), ...doneIds(continued.events)]) {
      expect(fromA.map((item) => item.id)).toContain(id);
    }
    // Another user sees none of it, on either instance.
    const stranger = newUser();
    const foreign = await chatkit(b.url, stranger, {
      type: "threads.get_by_id",
      params: { thread_id: threadId },
    });
    expect(foreign.status).toBe(404);
  }, 60_000);

  it("loses nothing of 200 concurrent messages and actions on one thread, and both give one order", async () => {
    const user = newUser();
    const first = await chatkit(proxy.url, user, message("add first"));
    const threadId = threadOf(first.events);
    const before = [...proxy.counts];
    let busy = 0;
    const send = (body: unknown) =>
      sendUntilFree(proxy.url, user, body, () => {
        busy++;
      });
    const requests = Array.from({ length: 200 }, (_, i) =>
      i % 2
        ? send(message(`add message ${i}`, threadId))
        : send({
            type: "threads.custom_action",
            // The host page's "Clear completed" (an imperative action: no sender widget); the
            // server updates the thread's newest list and answers. Nothing is done, so no todo goes.
            params: {
              thread_id: threadId,
              item_id: null,
              action: { type: "todo.clear_completed" },
            },
          }),
    );
    const results = await Promise.all(requests);
    for (const result of results) {
      expect(result.status).toBe(200);
      expect(errors(result.events)).toEqual([]);
    }
    // The proxy spread the requests over both instances.
    const [toA = 0, toB = 0] = proxy.counts.map((n, i) => n - (before[i] ?? 0));
    expect(toA + toB).toBe(200 + busy);
    expect(Math.abs(toA - toB)).toBeLessThanOrEqual(1);

    const fromA = await allItems(a.url, user, threadId);
    const fromB = await allItems(b.url, user, threadId);
    expect(fromB).toEqual(fromA);
    const ids = fromA.map((item) => item.id);
    expect(new Set(ids).size).toBe(ids.length);
    const seen = results.flatMap((result) => doneIds(result.events)).concat(doneIds(first.events));
    expect(seen.length).toBeGreaterThanOrEqual(400); // each request: at least its reply and its input or widget
    const stored = new Set(ids);
    expect(seen.filter((id) => !stored.has(id))).toEqual([]);

    const titles = await todoTitles(b.url, user);
    expect(titles).toHaveLength(101);
    expect(new Set(titles)).toEqual(
      new Set(["first", ...Array.from({ length: 100 }, (_, i) => `message ${2 * i + 1}`)]),
    );
    expect(await todoTitles(a.url, user)).toEqual(titles);
  }, 300_000);

  it("loses no item a client saw completed when an instance is killed mid-reply", async () => {
    const user = newUser();
    // Four threads made on B, then a reply on each at once on A (one reply per thread at a
    // time): the short ones finish while the "help" ones are mid-reply.
    const texts = ["help", "add x1", "add x2", "help me please"];
    const threads = await Promise.all(
      texts.map(async (_, i) =>
        threadOf((await chatkit(b.url, user, message(`add t${i}`))).events),
      ),
    );
    const seen: string[] = [];
    const streams = new Map<string, { delta: boolean; done: boolean }>();
    let killed: Promise<void> | undefined;
    const maybeKill = () => {
      const states = [...streams.values()];
      const finished = states.some((s) => s.done);
      const midReply = states.some((s) => s.delta && !s.done);
      if (finished && midReply) killed ??= a.stop("SIGKILL");
    };
    const read = async (text: string, threadId: string) => {
      const state = { delta: false, done: false };
      streams.set(threadId, state);
      try {
        for await (const event of streamEvents(a.url, user, message(text, threadId))) {
          if (event.type === "thread.item.done") {
            const item = event.item as { id: string; type: string };
            seen.push(item.id);
            if (item.type === "assistant_message") state.done = true;
          }
          if (event.type === "thread.item.updated") state.delta = true;
          maybeKill();
        }
      } catch {
        // the instance died under this stream
      }
    };
    await Promise.all(texts.map((text, i) => read(text, threads[i] as string)));
    expect(killed, "the instance was killed while a reply was streaming").toBeDefined();
    await killed;
    expect(a.process.signalCode).toBe("SIGKILL");
    expect(seen.length).toBeGreaterThan(0);
    const stored = new Set<string>();
    for (const threadId of threads) {
      for (const item of await allItems(b.url, user, threadId)) stored.add(item.id);
    }
    expect(seen.filter((id) => !stored.has(id))).toEqual([]);
    const threadId = threads[0] as string;
    // The surviving instance carries on with the thread.
    // (With a shared run log the dead instance's reply would hold the thread until its lease ran out.)
    const after = await sendUntilFree(b.url, user, message("add after the crash", threadId));
    expect(errors(after.events)).toEqual([]);
    expect(await todoTitles(b.url, user)).toContain("after the crash");
  }, 60_000);
});

/**
 * Sends a request as a client would while another reply runs on the thread: on 409
 * `thread_busy` it sends it again, shortly after (an instance takes one reply per thread at a
 * time).
 */
async function sendUntilFree(origin: string, cookie: string, body: unknown, onBusy?: () => void) {
  for (;;) {
    const result = await chatkit(origin, cookie, body);
    if (result.status !== 409) return result;
    expect((result.json as { error: { code: string } }).error.code).toBe("thread_busy");
    onBusy?.();
    await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20));
  }
}

/** The SSE events of a streaming request as they arrive (throws when the connection drops). */
async function* streamEvents(origin: string, cookie: string, body: unknown): AsyncGenerator<Event> {
  const response = await fetch(`${origin}/chatkit`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie },
    body: JSON.stringify(body),
  });
  if (!response.body) return;
  const decoder = new TextDecoder();
  let buffer = "";
  const reader = response.body.getReader();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    let end = buffer.indexOf("\n\n");
    while (end >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = block
        .split("\n")
        .filter((line) => line.startsWith("data:"))
        .map((line) => line.slice(5).trimStart())
        .join("\n");
      if (data) yield JSON.parse(data) as Event;
      end = buffer.indexOf("\n\n");
    }
  }
}
