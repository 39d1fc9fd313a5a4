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
  chatkitWhenFree,
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
// Hundreds of requests from one user on purpose: the per-user rate limit is for people.
const env = { DATABASE_URL, DATABASE_SCHEMA: schema, RATE_LIMIT: "off" };
let a: Instance;
let b: Instance;
// A second pair that replies without pausing between words: 200 replies run one at a time on
// one thread, so their pace sets the test's length.
let quickA: Instance;
let quickB: Instance;
let proxy: RoundRobin;

beforeAll(async () => {
  // One after the other would do; together checks that simultaneous migrations take turns.
  const quick = { ...env, REPLY_DELAY_MS: "0" };
  [a, b, quickA, quickB] = await Promise.all([
    startInstance(env),
    startInstance(env),
    startInstance(quick),
    startInstance(quick),
  ]);
  proxy = new RoundRobin([quickA.url, quickB.url]);
  await proxy.listen();
}, 60_000);

afterAll(async () => {
  await proxy?.close();
  await Promise.all([a?.stop(), b?.stop(), quickA?.stop(), quickB?.stop()]);
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
const todoList = async (origin: string, cookie: string) => {
  const res = await fetch(`${origin}/api/todos`, { headers: { cookie } });
  expect(res.status).toBe(200);
  return ((await res.json()) as { todos: { id: string; title: string; note: string }[] }).todos;
};
const todoTitles = async (origin: string, cookie: string) =>
  (await todoList(origin, cookie)).map((todo) => todo.title);

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
    expect(title).toMatch(/buy milk/);
    const loadedOnA = await chatkit(a.url, user, {
      type: "threads.get_by_id",
      params: { thread_id: threadId },
    });
    expect((loadedOnA.json as { title: string }).title).toBe(title);

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

  it("loses nothing of 200 concurrent messages and actions on one thread, one reply at a time, and both give one order", async () => {
    const user = newUser();
    const first = await chatkit(proxy.url, user, message("add first"));
    const threadId = threadOf(first.events);
    const firstId = (await todoList(quickB.url, user))[0]?.id;
    expect(firstId).toBeDefined();
    const before = [...proxy.counts];
    // One reply runs per thread at a time across instances: the others are turned away with 409
    // `thread_busy` and sent again, as a client queues them.
    const requests = Array.from({ length: 200 }, (_, i) =>
      i % 2
        ? chatkitWhenFree(proxy.url, user, message(`add message ${i}`, threadId), 90_000)
        : chatkitWhenFree(
            proxy.url,
            user,
            {
              type: "threads.custom_action",
              params: {
                thread_id: threadId,
                // The page's "Save note": an imperative action, with no widget to go stale as
                // replies post newer lists and collapse the older ones.
                action: { type: "todo.note", payload: { id: firstId, note: `note ${i}` } },
              },
            },
            90_000,
          ),
    );
    const results = await Promise.all(requests);
    for (const result of results) {
      expect(
        result.status,
        `${JSON.stringify(result.json)}\n${quickA.output().slice(-2000)}\n${quickB.output().slice(-2000)}`,
      ).toBe(200);
      expect(errors(result.events)).toEqual([]);
    }
    // The proxy spread the requests over both instances, and each turned some away while the
    // other (or itself) was replying on the thread.
    const served = proxy.counts.map((n, i) => n - (before[i] ?? 0));
    expect(served.every((n) => n >= 100)).toBe(true);
    expect(results.some((result) => result.busy > 0)).toBe(true);

    const fromA = await allItems(quickA.url, user, threadId);
    const fromB = await allItems(quickB.url, user, threadId);
    expect(fromB).toEqual(fromA);
    const ids = fromA.map((item) => item.id);
    expect(new Set(ids).size).toBe(ids.length);
    const seen = results.flatMap((result) => doneIds(result.events)).concat(doneIds(first.events));
    expect(seen.length).toBeGreaterThanOrEqual(400); // each request: at least its reply and its input or widget
    const stored = new Set(ids);
    expect(seen.filter((id) => !stored.has(id))).toEqual([]);

    const titles = await todoTitles(quickB.url, user);
    expect(titles).toHaveLength(101);
    expect(new Set(titles)).toEqual(
      new Set(["first", ...Array.from({ length: 100 }, (_, i) => `message ${2 * i + 1}`)]),
    );
    expect(await todoTitles(quickA.url, user)).toEqual(titles);
    // Every note was saved in turn: the one left is one of them, the same on both instances.
    const note = (await todoList(quickA.url, user))[0]?.note;
    expect(note).toMatch(/^note \d+$/);
    expect((await todoList(quickB.url, user))[0]?.note).toBe(note);
  }, 120_000);

  it("loses no item a client saw completed when an instance is killed mid-reply, and frees its thread", async () => {
    const user = newUser();
    // Four threads (one reply per thread at a time), created through B, replied to on A.
    const threads = await Promise.all(
      [1, 2, 3, 4].map(async (n) =>
        threadOf((await chatkit(b.url, user, message(`add t${n}`))).events),
      ),
    );
    // Replies of different lengths on instance A: short ones finish while "help" is mid-reply.
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
    const texts = ["help", "add x1", "add x2", "help me please"];
    await Promise.all(texts.map((text, i) => read(text, threads[i] as string)));
    expect(killed, "the instance was killed while a reply was streaming").toBeDefined();
    await killed;
    expect(a.process.signalCode).toBe("SIGKILL");
    expect(seen.length).toBeGreaterThan(0);
    const stored = new Set<string>();
    for (const threadId of threads)
      for (const item of await allItems(b.url, user, threadId)) stored.add(item.id);
    expect(seen.filter((id) => !stored.has(id))).toEqual([]);
    // The surviving instance takes over the dead owner's runs and carries on with every thread:
    // a message is accepted once the dead run's lease has lapsed (about 10 s).
    for (const threadId of threads) {
      const after = await chatkitWhenFree(b.url, user, message(`add after ${threadId}`, threadId));
      expect(after.status).toBe(200);
      expect(errors(after.events)).toEqual([]);
    }
    expect(await todoTitles(b.url, user)).toContain(`after ${threads[0]}`);
  }, 90_000);
});

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
