import { getEventListeners } from "node:events";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import type { ThreadItem, ThreadMetadata, ThreadStreamEvent } from "@threadkit/core";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { type PipelineHost, processEvents, unchanged } from "../src/pipeline.js";
import type { StoreWrites } from "../src/store/types.js";
import { clone, deepEqual } from "../src/util.js";
import { assistant, ev } from "./helpers/pipeline.js";
import { referenceProcessEvents } from "./helpers/reference-pipeline.js";
import { type Ctx, makeStore, USER } from "./helpers/server.js";

// EventPipeline (processEvents) must do what the async generator it replaced does, call for call:
// the same results in the same order, the same store writes, the same cancellations.

type Impl = typeof processEvents;
type Log = unknown[];

const THREAD_ID = "thr_ref";
const delta = (item_id: string, text: string) =>
  ({
    type: "thread.item.updated",
    item_id,
    update: {
      type: "assistant_message.content_part.text_delta",
      content_index: 0,
      delta: text,
    },
  }) as ThreadStreamEvent;
const partAdded = (item_id: string) =>
  ({
    type: "thread.item.updated",
    item_id,
    update: {
      type: "assistant_message.content_part.added",
      content_index: 0,
      content: { type: "output_text", text: "", annotations: [] },
    },
  }) as ThreadStreamEvent;
const message = (id: string) =>
  ({
    ...assistant(THREAD_ID, id, ""),
    created_at: "2026-01-01T00:00:00Z",
    content: [],
  }) as ThreadItem;
const hidden = (id: string) =>
  ({
    type: "hidden_context_item",
    id,
    thread_id: THREAD_ID,
    created_at: "2026-01-01T00:00:00Z",
    content: "note",
  }) as unknown as ThreadItem;
const never = new Promise<never>(() => undefined);

/** What a scenario's handler and host may do. */
interface Scenario {
  handler: (thread: ThreadMetadata, log: Log) => AsyncIterable<ThreadStreamEvent>;
  /** The store write that fails (its first call). */
  failing?: keyof StoreWrites<Ctx>;
  optionsFail?: boolean;
  /** How the consumer reads; default: every event. */
  read?: (it: AsyncGenerator<ThreadStreamEvent>, abort: () => void, log: Log) => Promise<void>;
  abortedBefore?: boolean;
  openThrows?: boolean;
}

function describeResult(result: IteratorResult<ThreadStreamEvent>): unknown {
  return result.done ? "done" : result.value;
}

async function readAll(it: AsyncGenerator<ThreadStreamEvent>, log: Log): Promise<void> {
  for (;;) {
    const result = await it.next();
    log.push(describeResult(result));
    if (result.done) return;
  }
}

/** Reads `count` results, then stops the way `stop` says and reads what follows. */
function readThen(count: number, stop: "return" | "throw" | "abort" | "abortWaiting" | "twice") {
  return async (it: AsyncGenerator<ThreadStreamEvent>, abort: () => void, log: Log) => {
    for (let i = 0; i < count; i++) {
      const result = await it.next();
      log.push(describeResult(result));
      if (result.done) return;
    }
    if (stop === "return") log.push("return", describeResult(await it.return(undefined)));
    if (stop === "throw") {
      log.push(
        "throw",
        await it.throw(new Error("thrown in")).then(describeResult, (e: Error) => e.message),
      );
    }
    if (stop === "abort") abort();
    if (stop === "abortWaiting") {
      const pending = it.next();
      setTimeout(abort, 5);
      log.push("pending", describeResult(await pending));
    }
    if (stop === "twice") {
      // Calls made while one runs wait their turn.
      const results = await Promise.all([it.next(), it.next(), it.return(undefined), it.next()]);
      log.push("twice", ...results.map(describeResult));
    }
    await readAll(it, log).catch((error: Error) => log.push(`rejected: ${error.message}`));
  };
}

async function transcript(impl: Impl, scenario: Scenario): Promise<Log> {
  const log: Log = [];
  const store = makeStore();
  const thread = {
    id: THREAD_ID,
    title: null,
    created_at: "2026-01-01T00:00:00Z",
    status: { type: "active" },
    metadata: {},
  } as unknown as ThreadMetadata;
  await store.saveThread(clone(thread), USER);
  let failing = scenario.failing;
  const writes = {} as StoreWrites<Ctx>;
  for (const method of ["saveThread", "addThreadItem", "saveItem", "deleteThreadItem"] as const) {
    writes[method] = async (...args: unknown[]) => {
      log.push(method, clone(args.slice(0, 2)));
      if (failing === method) {
        failing = undefined;
        throw new Error(`${method} failed`);
      }
      // biome-ignore lint/suspicious/noExplicitAny: forwarding the same arguments
      return (store[method] as any)(...args);
    };
  }
  const host: PipelineHost<Ctx> = {
    store,
    writesFor: () => writes,
    getStreamOptions: async () => {
      log.push("getStreamOptions");
      if (scenario.optionsFail) throw new Error("no options");
      return { allow_cancel: true };
    },
    handleStreamCancelled: async (_thread, pending) => {
      log.push("handleStreamCancelled", clone(pending));
    },
  };
  const controller = new AbortController();
  if (scenario.abortedBefore) controller.abort();
  const it = impl(host, thread, USER, controller.signal, () => {
    if (scenario.openThrows) throw new Error("cannot open");
    return scenario.handler(thread, log);
  });
  const read = scenario.read ?? ((i, _abort, l) => readAll(i, l));
  await read(it, () => controller.abort(), log).catch((error: Error) =>
    log.push(`rejected: ${error.message}`),
  );
  // Let fire-and-forget closes (the handler's return()) run.
  await new Promise((resolve) => setTimeout(resolve, 10));
  log.push("listeners", getEventListeners(controller.signal, "abort").length);
  return log;
}

/** A handler that logs its end, and mutates the thread where `plan` says. */
function handler(
  events: Array<ThreadStreamEvent | "title" | "meta" | "throw" | "wait" | "bad">,
): Scenario["handler"] {
  return async function* (thread, log) {
    try {
      for (const step of events) {
        if (step === "title") thread.title = `title ${log.length}`;
        else if (step === "meta") (thread.metadata as Record<string, unknown>).n = log.length;
        else if (step === "throw") throw new Error("handler failed");
        else if (step === "wait") await never;
        else if (step === "bad") yield { type: "nope" } as unknown as ThreadStreamEvent;
        else yield step;
      }
    } finally {
      log.push("handler closed");
    }
  };
}

const m = message("msg_1");
const STREAM = [ev.added(m), partAdded("msg_1"), delta("msg_1", "Hel"), delta("msg_1", "lo")];
const SCENARIOS: Array<[string, Scenario]> = [
  [
    "a whole message",
    { handler: handler([...STREAM, ev.done(assistant(THREAD_ID, "msg_1", "Hello"))]) },
  ],
  [
    "thread changes mid-stream and at the end",
    { handler: handler([ev.added(m), "title", delta("msg_1", "a"), "meta", "title"]) },
  ],
  [
    "hidden items, one after a thread change",
    { handler: handler([ev.done(hidden("h_1")), "title", ev.done(hidden("h_2")), ev.added(m)]) },
  ],
  ["replaced and removed", { handler: handler([ev.replaced(m), ev.removed("msg_1")]) }],
  ["a handler that fails", { handler: handler([ev.added(m), "title", "throw"]) }],
  ["a value that is not an event", { handler: handler([ev.added(m), "bad", ev.added(m)]) }],
  [
    "a failing item write",
    { handler: handler([ev.added(m), ev.done(m)]), failing: "addThreadItem" },
  ],
  [
    "a failing thread save mid-stream",
    { handler: handler(["title", ev.added(m)]), failing: "saveThread" },
  ],
  [
    "a failing thread save at the end",
    { handler: handler([ev.added(m), "title"]), failing: "saveThread" },
  ],
  ["failing stream options", { handler: handler(STREAM), optionsFail: true }],
  ["a stream that cannot open", { handler: handler(STREAM), openThrows: true }],
  ["aborted before it starts", { handler: handler(STREAM), abortedBefore: true }],
];
for (const count of [0, 1, 3, 5, 7]) {
  for (const stop of ["return", "throw", "abort", "abortWaiting", "twice"] as const) {
    // At 7 results the handler waits for good: reads in a row would wait with it.
    if (count === 7 && stop === "twice") continue;
    SCENARIOS.push([
      `${stop} after ${count} results`,
      { handler: handler([...STREAM, "title", ev.added(m), "wait"]), read: readThen(count, stop) },
    ]);
  }
}
for (const stop of ["return", "throw", "abortWaiting"] as const) {
  SCENARIOS.push(
    [`${stop} after an error event`, { handler: handler(["throw"]), read: readThen(2, stop) }],
    [
      `${stop} at the last thread.updated`,
      { handler: handler(["title"]), read: readThen(2, stop) },
    ],
  );
}

describe("EventPipeline against the async generator it replaced", () => {
  beforeEach(() => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
  });
  afterEach(() => vi.restoreAllMocks());

  it.each(SCENARIOS)("%s", async (_name, scenario) => {
    const expected = await transcript(referenceProcessEvents, scenario);
    const actual = await transcript(processEvents, scenario);
    expect(actual).toEqual(expected);
  });

  it("an abort while the handler waits ends the wait and runs the cancellation path", async () => {
    const scenario = SCENARIOS.find(([name]) => name === "abortWaiting after 7 results")?.[1];
    const log = await transcript(processEvents, scenario as Scenario);
    expect(log.slice(log.indexOf("handleStreamCancelled"))).toEqual([
      "handleStreamCancelled",
      [m],
      "pending",
      "done",
      "done",
      "listeners",
      0,
    ]);
  });

  it("keeps one abort listener however long the stream, and none once it ends", async () => {
    const controller = new AbortController();
    const counts: number[] = [];
    const host: PipelineHost<Ctx> = {
      store: makeStore(),
      getStreamOptions: () => ({ allow_cancel: true }),
      handleStreamCancelled: () => undefined,
    };
    const thread = { id: THREAD_ID, created_at: "x", status: { type: "active" } };
    const it = processEvents(
      host,
      thread as ThreadMetadata,
      USER,
      controller.signal,
      async function* () {
        for (let i = 0; i < 5000; i++) {
          await Promise.resolve();
          yield delta("msg_1", "x");
        }
      },
    );
    let n = 0;
    for await (const _event of it) {
      if (++n % 1000 === 0) counts.push(getEventListeners(controller.signal, "abort").length);
    }
    expect(counts).toEqual([1, 1, 1, 1, 1]);
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
  });

  it.each([
    ["EventPipeline", processEvents],
    ["the reference", referenceProcessEvents],
  ] as const)("%s holds no event it has handed out while the stream runs", async (_name, impl) => {
    // A shared abort promise raced against each wait kept a reaction, and through it each result,
    // for every event until the stream ended.
    setFlagsFromString("--expose-gc");
    const gc = runInNewContext("gc") as () => void;
    const controller = new AbortController();
    const host: PipelineHost<Ctx> = {
      store: makeStore(),
      getStreamOptions: () => ({ allow_cancel: true }),
      handleStreamCancelled: () => undefined,
    };
    const thread = { id: THREAD_ID, created_at: "x", status: { type: "active" } };
    const sent: Array<WeakRef<object>> = [];
    const tracked = () => {
      const event = delta("msg_1", "x");
      sent.push(new WeakRef(event));
      return event;
    };
    let release!: () => void;
    const go = new Promise<void>((resolve) => {
      release = resolve;
    });
    const it = impl(host, thread as ThreadMetadata, USER, controller.signal, async function* () {
      for (let i = 0; i < 100; i++) yield tracked();
      await go;
    });
    for (let i = 0; i < 101; i++) await it.next();
    const pending = it.next(); // the handler now waits; the stream is still running
    await new Promise((resolve) => setTimeout(resolve, 0));
    gc();
    expect(sent.slice(0, 99).filter((ref) => ref.deref() !== undefined)).toHaveLength(0);
    release();
    expect(await pending).toEqual({ done: true, value: undefined });
  });
});

describe("unchanged", () => {
  const CASES: Array<[unknown, unknown]> = [
    [
      { a: 1, b: { c: [1, 2] } },
      { b: { c: [1, 2] }, a: 1 },
    ],
    [{ a: 1, b: undefined }, { a: 1 }],
    [{ a: 1 }, { a: 1, b: undefined }],
    [{ a: 1 }, { a: 1, b: null }],
    [{ a: 1, b: 2 }, { a: 1 }],
    [
      { a: 1, b: undefined },
      { a: 1, c: 2 },
    ],
    [
      { a: 1, c: 2 },
      { a: 1, b: undefined },
    ],
    [{ m: { x: 1 } }, { m: { x: 2 } }],
    [{ m: {} }, { m: [] }],
    [{ m: null }, { m: {} }],
    [
      [1, 2],
      [1, 2, 3],
    ],
    [
      [1, { a: undefined }],
      [1, {}],
    ],
    [{ n: Number.NaN }, { n: Number.NaN }],
    [{ n: 0 }, { n: -0 }],
    [{ n: 1 }, { n: "1" }],
    [
      { s: { type: "active" }, t: null },
      { s: { type: "closed" }, t: null },
    ],
    [{ s: { type: "active" } }, { s: { type: "active", reason: "x" } }],
  ];
  it.each(CASES)("%j vs %j: what deepEqual says", (value, snapshot) => {
    expect(unchanged(value, clone(snapshot))).toBe(deepEqual(value, clone(snapshot)));
  });
});
