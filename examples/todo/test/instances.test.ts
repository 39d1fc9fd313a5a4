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
const env = { DATABASE_URL, DATABASE_SCHEMA: schema };
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

const FILTERS = ["all", "open", "done"] as const;
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
    expect((loaded.json as { title: string }).title).toBe("add buy milk");

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
    const widgetId = widgetOf(first.events);
    const before = [...proxy.counts];
    const requests = Array.from({ length: 200 }, (_, i) =>
      i % 2
        ? chatkit(proxy.url, user, message(`add message ${i}`, threadId))
        : chatkit(proxy.url, user, {
            type: "threads.custom_action",
            params: {
              thread_id: threadId,
              // The list's filter (a Select declared in every state of the widget).
              item_id: widgetId,
              action: { type: "todo.filter", payload: { filter: FILTERS[(i / 2) % 3] } },
            },
          }),
    );
    const results = await Promise.all(requests);
    for (const result of results) {
      expect(result.status).toBe(200);
      expect(errors(result.events)).toEqual([]);
    }
    // The proxy spread the requests over both instances.
    expect(proxy.counts.map((n, i) => n - (before[i] ?? 0))).toEqual([100, 100]);

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
  }, 180_000);

  it("loses no item a client saw completed when an instance is killed mid-reply", async () => {
    const user = newUser();
    const created = await chatkit(b.url, user, message("add something"));
    const threadId = threadOf(created.events);
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
    const read = async (text: string) => {
      const state = { delta: false, done: false };
      streams.set(text, state);
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
    await Promise.all(["help", "add x1", "add x2", "help me please"].map(read));
    expect(killed, "the instance was killed while a reply was streaming").toBeDefined();
    await killed;
    expect(a.process.signalCode).toBe("SIGKILL");
    expect(seen.length).toBeGreaterThan(0);
    const stored = new Set((await allItems(b.url, user, threadId)).map((item) => item.id));
    expect(seen.filter((id) => !stored.has(id))).toEqual([]);
    // The surviving instance carries on with the thread.
    const after = await chatkit(b.url, user, message("add after the crash", threadId));
    expect(errors(after.events)).toEqual([]);
    expect(await todoTitles(b.url, user)).toContain("after the crash");
  }, 60_000);
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
