import type { ThreadStreamEvent } from "@threadkit/core";
import { describe, expect, it } from "vitest";
import { ClientLink } from "../src/http/common.js";
import { parseJsonBody } from "../src/requests/parse.js";
import { StreamingResult } from "../src/results.js";
import { CLIENT_LINK, type ProcessOptions } from "../src/server.js";
import { loadThreadItem, loadThreadItemApart } from "../src/store/load-thread-item.js";
import { MemoryStore } from "../src/store/memory.js";
import { timeKey } from "../src/store/order.js";
import { SQLiteStore } from "../src/store/sqlite.js";
import { assistantMessage, makeThread, widgetItem } from "../src/testing/index.js";
import { fetchHandler, makeStore, TestServer, USER, until } from "./helpers/server.js";

// The action path's fast paths must give exactly what the general code gives.

type Ctx = { userId: string };
const alice: Ctx = { userId: "alice" };
const bob: Ctx = { userId: "bob" };

/** What a load gives: its value, or its error's class and message. */
async function outcome(load: () => Promise<unknown>): Promise<unknown> {
  try {
    return { value: await load() };
  } catch (error) {
    return { error: (error as Error).name, message: (error as Error).message };
  }
}

async function seeded<S extends SQLiteStore<Ctx> | MemoryStore<Ctx>>(store: S): Promise<S> {
  await store.saveThread(makeThread("thr_a", { title: "A", metadata: { k: [1, null] } }), alice);
  await store.saveThread(makeThread("thr_a2"), alice);
  await store.saveThread(makeThread("thr_b"), bob);
  await store.addThreadItem("thr_a", widgetItem("w_1", "thr_a", "Card"), alice);
  await store.addThreadItem("thr_a", assistantMessage("m_1", "thr_a", "hi"), alice);
  await store.addThreadItem("thr_a2", widgetItem("w_2", "thr_a2", "Other"), alice);
  await store.addThreadItem("thr_b", widgetItem("w_b", "thr_b", "Bob's"), bob);
  return store;
}

const CASES: Array<[string, string, string, Ctx]> = [
  ["a widget of the thread", "thr_a", "w_1", alice],
  ["a message of the thread", "thr_a", "m_1", alice],
  ["a missing thread", "thr_none", "w_1", alice],
  ["another user's thread", "thr_b", "w_b", alice],
  ["a missing item", "thr_a", "w_none", alice],
  ["an item of another thread of the user", "thr_a", "w_2", alice],
  ["an item of another user's thread", "thr_a", "w_b", alice],
  ["the other user's own item", "thr_b", "w_b", bob],
];

describe("loadThreadItem (one read for an action's thread and sender)", () => {
  const sqlite = seeded(new SQLiteStore<Ctx>({ path: ":memory:", userId: (c) => c.userId }));
  const memory = seeded(new MemoryStore<Ctx>({ userId: (c) => c.userId }));

  it.each(CASES)(
    "gives what loadThread then loadItem give, for %s",
    async (_n, thread, item, ctx) => {
      for (const store of [await sqlite, await memory]) {
        const general = await outcome(() => loadThreadItemApart(store, thread, item, ctx));
        expect(await outcome(() => loadThreadItem(store, thread, item, ctx))).toEqual(general);
      }
    },
  );

  it("calls a subclass's own loadThread and loadItem", async () => {
    const calls: string[] = [];
    class Audited extends SQLiteStore<Ctx> {
      override async loadItem(threadId: string, itemId: string, context: Ctx) {
        calls.push(`item ${itemId}`);
        return super.loadItem(threadId, itemId, context);
      }
    }
    const store = await seeded(new Audited({ path: ":memory:", userId: (c) => c.userId }));
    const { item } = await loadThreadItem(store, "thr_a", "w_1", alice);
    expect(item.id).toBe("w_1");
    expect(calls).toEqual(["item w_1"]);
  });
});

/** The depth rule as first written: an explicit stack, every object's values listed. */
function deeperThan(value: unknown, max: number): boolean {
  const stack: Array<{ value: object; depth: number }> = [];
  if (value !== null && typeof value === "object") stack.push({ value, depth: 1 });
  for (let top = stack.pop(); top; top = stack.pop()) {
    if (top.depth > max) return true;
    for (const child of Object.values(top.value)) {
      if (child !== null && typeof child === "object") {
        stack.push({ value: child as object, depth: top.depth + 1 });
      }
    }
  }
  return false;
}

describe("parseJsonBody's depth limit", () => {
  const nest = (depth: number, open: string, close: string, leaf = "1") =>
    `${open.repeat(depth)}${leaf}${close.repeat(depth)}`;
  const objects = (depth: number) => nest(depth, '{"a":', "}");
  const BODIES: Array<[string, string]> = [];
  for (const depth of [1, 98, 99, 100, 101, 5000]) {
    BODIES.push([`arrays ${depth} deep`, `{"x":${nest(depth, "[", "]")}}`]);
    BODIES.push([`objects ${depth} deep`, `{"x":${objects(depth)}}`]);
    BODIES.push([`mixed ${depth} deep`, `{"x":${nest(depth, '[{"a":', "}]")}}`]);
  }
  BODIES.push(["a deep branch after shallow ones", `{"a":[1,2,{}],"b":{"c":${objects(100)}}}`]);
  BODIES.push(["a __proto__ key", `{"__proto__":${objects(100)}}`]);
  BODIES.push(["empty containers", `{"a":${nest(99, "[", "]", "{}")}}`]);
  BODIES.push(["a request", '{"type":"threads.list","params":{"limit":2}}']);

  it.each(BODIES)("refuses exactly what the stack walk refused: %s", (_name, body) => {
    const deep = deeperThan(JSON.parse(body), 100);
    let refused = false;
    try {
      parseJsonBody(body);
    } catch (error) {
      refused = /nested deeper than 100/.test((error as Error).message);
    }
    expect(refused).toBe(deep);
  });
});

describe("timeKey of a Date#toISOString() text", () => {
  // A leading space takes the general path (the regular expression, on the trimmed text).
  const general = (text: string) => timeKey(` ${text}`);
  const TEXTS = [
    "2026-11-24T03:04:14.315Z",
    "1970-01-01T00:00:00.000Z",
    "0050-06-15T12:00:00.999Z", // a two-digit year as Date.UTC reads it
    "9999-12-31T23:59:59.999Z",
    "2026-02-30T25:61:61.000Z", // out of range fields roll over alike
    "2026-11-24T03:04:14.315z",
    "2026-11-24T03:04:14,315Z",
    "2026-11-24 03:04:14.315Z",
    "2026-11-24T03:04:14.3151",
    "2026-1a-24T03:04:14.315Z",
    "+02026-11-24T03:04:14.31",
  ];
  it.each(TEXTS)("equals the general path for %s", (text) => {
    expect(timeKey(text)).toBe(general(text));
  });

  it("equals the general path for every millisecond of a random sample", () => {
    for (let i = 0; i < 2000; i++) {
      const text = new Date(Math.floor(Math.random() * 4e12)).toISOString();
      expect(timeKey(text)).toBe(general(text));
    }
  });
});

describe("the node handler's client link (in place of a signal)", () => {
  const body = JSON.stringify({
    type: "threads.create",
    params: {
      input: {
        content: [{ type: "input_text", text: "hi" }],
        attachments: [],
        inference_options: {},
      },
    },
  });
  const server = () => new TestServer(makeStore());

  /** Whether the request's handler signal is aborted: right after process(), and after `later`. */
  async function aborted(options: ProcessOptions, later: () => void) {
    const result = await server().process(body, USER, options);
    if (!(result instanceof StreamingResult)) throw new Error("expected a stream");
    const first = result.signal.aborted;
    later();
    return [first, result.signal.aborted];
  }

  it.each([
    ["gone before the request", true],
    ["gone while it streams", false],
    ["never gone", undefined],
  ] as const)("aborts the handler as a linked signal does: %s", async (_name, goneFirst) => {
    const controller = new AbortController();
    const link = new ClientLink();
    if (goneFirst) {
      controller.abort();
      link.abort();
    }
    const general = await aborted({ signal: controller.signal }, () => {
      if (goneFirst === false) controller.abort();
    });
    const fast = await aborted({ [CLIENT_LINK]: link }, () => {
      if (goneFirst === false) link.abort();
    });
    expect(fast).toEqual(general);
  });

  it("is aborted once: a second abort calls nothing again", () => {
    const link = new ClientLink();
    const calls: string[] = [];
    link.onAbort(() => calls.push("abort"));
    link.abort();
    link.abort();
    link.onAbort(() => calls.push("late"));
    expect([link.signal.aborted, calls]).toEqual([true, ["abort", "late"]]);
  });
});

describe("the fetch handler's client link (in place of a signal)", () => {
  const body = JSON.stringify({
    type: "threads.create",
    params: {
      input: {
        content: [{ type: "input_text", text: "hi" }],
        attachments: [],
        inference_options: {},
      },
    },
  });

  /** What the handler and the cancellation path saw, for a client gone at `when`. */
  async function seen(when: "before" | "while" | "never") {
    const log: string[] = [];
    let gone: () => void = () => undefined;
    const server = new TestServer(makeStore(), {
      async *respond(thread, _input, _ctx, { signal }) {
        log.push(`respond aborted=${signal.aborted}`);
        yield { type: "progress_update", text: "working" } as ThreadStreamEvent;
        if (when === "while") gone();
        await new Promise<void>((resolve) => {
          if (signal.aborted) resolve();
          else signal.addEventListener("abort", () => resolve());
          if (when === "never") resolve();
        });
        log.push(`respond resumed aborted=${signal.aborted}`);
        yield {
          type: "thread.item.done",
          item: assistantMessage("m_1", thread.id, "hi"),
        } as ThreadStreamEvent;
      },
      handleStreamCancelled: (_thread, pending) => {
        log.push(`cancelled pending=${pending.length}`);
      },
    });
    const client = new AbortController();
    gone = () => client.abort();
    if (when === "before") client.abort();
    const handler = fetchHandler(server);
    const response = await handler(
      new Request("http://test/chatkit", { method: "POST", body, signal: client.signal }),
    );
    const text = await response.text().catch(() => "");
    await until(() => log.length >= (when === "never" ? 2 : 1));
    await new Promise((resolve) => setTimeout(resolve, 20));
    return { status: response.status, events: (text.match(/data: /g) ?? []).length, log };
  }

  // What the handler did with a second AbortController linked to the request's signal (the
  // commit before the link), recorded from that code.
  it.each([
    ["before", { status: 200, events: 3, log: ["cancelled pending=0"] }],
    [
      "while",
      {
        status: 200,
        events: 5,
        log: ["respond aborted=false", "respond resumed aborted=true", "cancelled pending=0"],
      },
    ],
    [
      "never",
      { status: 200, events: 5, log: ["respond aborted=false", "respond resumed aborted=false"] },
    ],
  ] as const)(
    "aborts the handler and runs the cancellation path as a linked signal did: client gone %s",
    async (when, general) => {
      expect(await seen(when)).toEqual(general);
    },
  );
});
