import { serialize } from "@threadkit/core";
import { describe, expect, it } from "vitest";
import { eventJson, responseJson, storedItemJson } from "../src/event-json.js";
import { sequence } from "../src/requests/sequence.js";
import {
  type ChunkReader,
  STREAM_FAILED_FRAME,
  StreamingResult,
  UNCOMMITTED_FRAMES,
} from "../src/results.js";
import { encodedFrames, runFrames, splitRunBatch, storedBatch } from "../src/runs/batch.js";
import { entryFrame } from "../src/runs/frames.js";
import { type RunEntry, RunFencedError } from "../src/runs/log.js";
import { randomHex } from "../src/store/ids.js";
import { clone, deepEqual } from "../src/util.js";

// The streaming fast paths must give exactly what the general code gives.

const slow = (event: unknown) => JSON.stringify(serialize(event));

class Point {
  constructor(
    readonly x: number,
    readonly y: number,
  ) {}
}

const delta = (extra: Record<string, unknown> = {}) => ({
  type: "thread.item.updated",
  item_id: "msg_1",
  update: {
    type: "assistant_message.content_part.text_delta",
    content_index: 0,
    delta: 'Hi "there"\n\u2028 \ud800 é',
    ...extra,
  },
});

const EVENTS: Array<[string, unknown]> = [
  ["a text delta", delta()],
  ["a delta with a fractional index", delta({ content_index: 1.5 })],
  ["a delta with -0 as index", delta({ content_index: -0 })],
  ["a delta with a NaN index", delta({ content_index: Number.NaN })],
  ["a delta with a null delta", delta({ delta: null })],
  ["a delta with an extra key", delta({ extra: 1 })],
  [
    "a delta with its keys in another order",
    { update: delta().update, type: "thread.item.updated", item_id: "msg_1" },
  ],
  [
    "a delta whose update keys are in another order",
    {
      type: "thread.item.updated",
      item_id: "msg_1",
      update: { delta: "x", content_index: 0, type: "assistant_message.content_part.text_delta" },
    },
  ],
  ["an item with nulls", { type: "thread.item.done", item: { id: "a", type: "x", title: null } }],
  [
    "a widget with null children",
    {
      type: "thread.item.done",
      item: {
        type: "widget",
        id: "w",
        widget: {
          type: "Card",
          children: null,
          key: null,
          nested: [{ type: "Text", children: null }],
        },
      },
    },
  ],
  [
    "an attachment with metadata",
    {
      type: "thread.item.done",
      item: {
        type: "user_message",
        attachments: [
          { type: "file", id: "atc_1", name: "a", mime_type: "text/plain", metadata: { k: 1 } },
        ],
      },
    },
  ],
  [
    "a thread.created",
    { type: "thread.created", thread: { id: "t", created_at: "x", metadata: { secret: 1 } } },
  ],
  [
    "a thread.updated",
    { type: "thread.updated", thread: { id: "t", created_at: "x", status: { type: "active" } } },
  ],
  ["a Date", { type: "progress_update", at: new Date(0) }],
  ["a class instance", { type: "progress_update", at: new Point(1, 2) }],
  ["a bigint", { type: "progress_update", n: 10n }],
  ["a function", { type: "progress_update", f: () => 1, list: [() => 1, null, undefined] }],
  ["undefined values", { type: "progress_update", a: undefined, list: [undefined, 1] }],
  ["a toJSON key", { type: "progress_update", toJSON: () => "nope" }],
  ["a null-prototype object", Object.assign(Object.create(null), { type: "x", a: null, b: 1 })],
];

describe("eventJson", () => {
  it.each(EVENTS)("equals JSON.stringify(serialize(event)) for %s", (_name, event) => {
    expect(eventJson(event)).toBe(slow(event));
  });
});

const message = (extra: Record<string, unknown> = {}) => ({
  type: "assistant_message",
  id: "msg_1",
  thread_id: "thr_1",
  created_at: "2026-12-01T00:00:00.000001",
  content: [{ type: "output_text", text: 'Hi "there"\n\u2028 \ud800 é', annotations: [] }],
  ...extra,
});

// Items a store has just written, in the events that carry them: the row's text is reused only
// where it is exactly what serialising the event gives.
const STORED: Array<[string, Record<string, unknown>]> = [
  ["a finished message", { type: "thread.item.done", item: message() }],
  ["a replaced item", { type: "thread.item.replaced", item: message() }],
  ["an item with a null", { type: "thread.item.done", item: message({ quoted_text: null }) }],
  ["an item with undefined", { type: "thread.item.done", item: message({ x: undefined }) }],
  ["an event with an extra key", { type: "thread.item.done", item: message(), extra: 1 }],
  ["an event with its keys in another order", { item: message(), type: "thread.item.done" }],
  ...EVENTS.filter(([, event]) => (event as { type?: unknown }).type === "thread.item.done").map(
    ([name, event]) => [`${name}, stored`, event] as [string, Record<string, unknown>],
  ),
];

describe("eventJson of an item a store wrote", () => {
  it.each(STORED)("equals JSON.stringify(serialize(event)) for %s", (_name, event) => {
    const row = storedItemJson(event.item as never);
    expect(row).toBe(JSON.stringify(event.item));
    expect(eventJson(event)).toBe(slow(event));
  });

  it("gives the text that was stored, not a later change to the object", () => {
    const item = message();
    const row = storedItemJson(item as never);
    item.content[0]!.text = "changed after the write";
    expect(eventJson({ type: "thread.item.done", item })).toBe(
      `{"type":"thread.item.done","item":${row}}`,
    );
    // An object no store wrote is serialised as it is.
    expect(eventJson({ type: "thread.item.done", item: message() })).toBe(
      slow({ type: "thread.item.done", item: message() }),
    );
  });
});

class Stamp {
  toJSON(key: string) {
    return `stamp under ${key}`;
  }
}

const widgetItem = (widget: unknown, extra: Record<string, unknown> = {}) => ({
  type: "widget",
  id: "wid_1",
  thread_id: "thr_1",
  created_at: "2026-12-01T00:00:00.000001",
  widget,
  copy_text: null,
  ...extra,
});

const cardRoot = (extra: Record<string, unknown> = {}) => ({
  type: "Card",
  children: [
    { type: "Text", value: 'Saved "it"\n\u2028 é', size: "sm" },
    { type: "Button", label: "Undo", onClickAction: { type: "undo", payload: { id: 1 } } },
  ],
  ...extra,
});

const rootUpdate = (root: unknown, extra: Record<string, unknown> = {}) => ({
  type: "thread.item.updated",
  item_id: "wid_1",
  update: { type: "widget.root.updated", widget: root, ...extra },
});

// Widget items a store has just written, and the root updates that send their roots: the row is
// made from its members' JSON so that the root's text serves the event, where that is exact.
const WIDGET_ITEMS: Array<[string, Record<string, unknown>]> = [
  ["a card", widgetItem(cardRoot())],
  ["a root with children: null", widgetItem({ type: "Card", children: null })],
  ["a root with a null key", widgetItem(cardRoot({ key: null }))],
  ["undefined and function members", widgetItem(cardRoot(), { u: undefined, f: () => 1 })],
  ["a Date member", widgetItem(cardRoot(), { at: new Date(0) })],
  ["a member whose toJSON reads its key", widgetItem(cardRoot(), { stamp: new Stamp() })],
  ["a root whose toJSON reads its key", widgetItem(new Stamp())],
  ["a toJSON inside the root", widgetItem(cardRoot({ stamp: new Stamp() }))],
  ["a root that is not an object", widgetItem("Card")],
  ["no root", widgetItem(undefined)],
  ["keys in another order", { widget: cardRoot(), id: "wid_1", type: "widget", x: [1, null] }],
];

describe("a widget item a store wrote", () => {
  it.each(WIDGET_ITEMS)("has the row JSON.stringify gives for %s", (_name, item) => {
    expect(storedItemJson(item as never)).toBe(JSON.stringify(item));
  });

  it.each(WIDGET_ITEMS)(
    "and its root's update equals JSON.stringify(serialize(event)) for %s",
    (_name, item) => {
      storedItemJson(item as never);
      const event = rootUpdate(item.widget);
      expect(eventJson(event)).toBe(slow(event));
    },
  );

  it.each([
    ["an update with an extra key", rootUpdate(cardRoot(), { extra: 1 })],
    ["an event with an extra key", { ...rootUpdate(cardRoot()), extra: 1 }],
    [
      "an event with its keys in another order",
      { update: rootUpdate(cardRoot()).update, type: "thread.item.updated", item_id: "wid_1" },
    ],
  ])("equals JSON.stringify(serialize(event)) for %s", (_name, event) => {
    storedItemJson(widgetItem(event.update.widget) as never);
    expect(eventJson(event)).toBe(slow(event));
  });

  it.each(["title", "widget", "type"])(
    "reads each member once, as JSON.stringify does (a getter on %s)",
    (key) => {
      const item: Record<string, unknown> = widgetItem(cardRoot());
      const value = item[key];
      let reads = 0;
      Object.defineProperty(item, key, {
        enumerable: true,
        get: () => {
          reads++;
          return value;
        },
      });
      const row = storedItemJson(item as never);
      expect(reads).toBe(1);
      expect(row).toBe(JSON.stringify(item));
    },
  );

  it("sends the root as it was stored, not a later change to the object", () => {
    const root = cardRoot();
    const row = storedItemJson(widgetItem(root) as never);
    const stored = JSON.stringify(root);
    expect(row).toContain(stored);
    root.children[0]!.value = "changed after the write";
    expect(eventJson(rootUpdate(root))).toBe(
      `{"type":"thread.item.updated","item_id":"wid_1","update":{"type":"widget.root.updated","widget":${stored}}}`,
    );
    // Once sent, or for a root no store wrote, the object is serialised as it is.
    expect(eventJson(rootUpdate(root))).toBe(slow(rootUpdate(root)));
    expect(eventJson(rootUpdate(cardRoot()))).toBe(slow(rootUpdate(cardRoot())));
  });
});

const RESPONSES: Array<[string, unknown]> = [
  ["the last page", { data: [{ id: "t1", title: "A" }], has_more: false, after: null }],
  ["a page with a cursor", { data: [{ id: "t1" }], has_more: true, after: "t1" }],
  ["a page whose items hold nulls", { data: [{ id: "i", quoted_text: null }], after: null }],
  [
    "a page of widget items",
    { data: [{ type: "widget", widget: { type: "Card", children: null } }] },
  ],
  ["a widget root", { type: "Card", children: null, key: null }],
  ["an attachment", { type: "file", id: "a", name: "n", mime_type: "text/plain", metadata: {} }],
  ["a sync action answer", { updated_item: null }],
  ["a thread", { id: "t", title: undefined, metadata: {}, items: { data: [], has_more: false } }],
  ["a Date at the top", { data: [], at: new Date(0), after: null }],
  ["an array", [{ a: null }, 1]],
  ["null", null],
];

describe("responseJson", () => {
  it.each(RESPONSES)("equals JSON.stringify(serialize(value)) for %s", (_name, value) => {
    expect(responseJson(value)).toBe(slow(value));
  });
});

describe("clone", () => {
  it("copies plain values deeply, as structuredClone does", () => {
    const sparse: unknown[] = [1, { b: "c" }];
    sparse[3] = null; // index 2 is a hole
    const value = { a: sparse, d: { e: { f: true } }, u: undefined };
    const copy = clone(value);
    expect(copy).toStrictEqual(structuredClone(value));
    expect(copy.d.e).not.toBe(value.d.e);
    expect(2 in copy.a).toBe(false);
  });

  it("leaves what is not plain to structuredClone", () => {
    const date = new Date(5);
    const copy = clone({ date, map: new Map([[1, 2]]), point: new Point(1, 2) });
    expect(copy.date).toBeInstanceOf(Date);
    expect(copy.date).not.toBe(date);
    expect(copy.map.get(1)).toBe(2);
    expect(copy.point).toEqual({ x: 1, y: 2 });
    expect(() => clone({ f: () => 1 })).toThrow();
  });

  it("handles cycles by handing them to structuredClone", () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    expect(() => clone(cyclic)).not.toThrow();
  });
});

describe("deepEqual", () => {
  it("ignores key order and undefined properties, and sees nested changes", () => {
    expect(deepEqual({ a: 1, b: { c: [1, 2] } }, { b: { c: [1, 2] }, a: 1 })).toBe(true);
    expect(deepEqual({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(deepEqual({ a: 1 }, { a: 1, b: undefined })).toBe(true);
    expect(deepEqual({ a: 1 }, { a: 1, b: null })).toBe(false);
    expect(deepEqual({ a: 1, b: 2 }, { a: 1 })).toBe(false);
    expect(deepEqual({ m: { x: 1 } }, { m: { x: 2 } })).toBe(false);
    expect(deepEqual([1, 2], [1, 2, 3])).toBe(false);
    expect(deepEqual({ n: Number.NaN }, { n: Number.NaN })).toBe(true);
  });
});

describe("sequence", () => {
  async function* of(values: number[], log: string[], name: string) {
    try {
      for (const value of values) yield value;
    } finally {
      log.push(`${name} closed`);
    }
  }

  it("gives the first iterator's values, then the second's, started only then", async () => {
    const log: string[] = [];
    const both = sequence(of([1, 2], log, "first"), () => {
      log.push("second started");
      return of([3], log, "second");
    });
    const values: number[] = [];
    for await (const value of both) values.push(value);
    expect(values).toEqual([1, 2, 3]);
    expect(log).toEqual(["first closed", "second started", "second closed"]);
  });

  it("stopped during the first part, never starts the second", async () => {
    const log: string[] = [];
    const both = sequence(of([1, 2], log, "first"), () => {
      log.push("second started");
      return of([3], log, "second");
    });
    for await (const value of both) if (value === 1) break;
    expect(log).toEqual(["first closed"]);
  });
});

describe("randomHex", () => {
  it("keeps giving distinct hex of the asked length across pool refills", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 3000; i++) {
      const hex = randomHex();
      expect(hex).toMatch(/^[0-9a-f]{16}$/);
      seen.add(hex);
    }
    expect(seen.size).toBe(3000);
    expect(randomHex(7)).toMatch(/^[0-9a-f]{7}$/);
    expect(randomHex(10_000)).toMatch(/^[0-9a-f]{10000}$/);
  });
});

describe("runFrames", () => {
  it("gives the frames entryFrame gives, joined", () => {
    const entries: RunEntry[] = [
      { seq: 1, data: '{"type":"progress_update","text":"é ✓"}' },
      { seq: 20_000, data: "{}" },
      { seq: 20_001, data: '{"reason":"completed"}', end: "completed" },
    ];
    expect(runFrames("run_ab12", entries)).toBe(
      entries.map((entry) => entryFrame("run_ab12", entry)).join(""),
    );
  });
});

describe("encodedFrames", () => {
  it("gives the UTF-8 bytes of runFrames, for appends of any length", () => {
    const data = ['{"type":"progress_update","text":"é ✓ 😀"}', "{}", '{"delta":"x"}'];
    for (const length of [1, 255, 256, 257, 512, 700, 1024]) {
      const entries: RunEntry[] = Array.from({ length }, (_, i) => ({
        seq: 10 + i,
        data: data[i % data.length] as string,
      }));
      entries.push({ seq: 10 + length, data: '{"reason":"completed"}', end: "completed" });
      expect(encodedFrames("run_ab12", entries)).toEqual(
        new TextEncoder().encode(runFrames("run_ab12", entries)),
      );
    }
  });
});

describe("storedBatch and splitRunBatch", () => {
  it("give back the entries after any position, up to a limit", () => {
    const entries: RunEntry[] = [
      { seq: 5, data: '{"a":"\\n é\\n\\nid: run_1:6"}' },
      { seq: 6, data: '{"b":"data: x"}' },
      { seq: 7, data: '{"reason":"failed"}', end: "failed" },
    ];
    const stored = storedBatch("run_1", entries);
    expect(stored).toMatchObject({ last: 7, end: "failed" });
    const frames = new TextDecoder().decode(stored.bytes);
    expect(frames).toBe(runFrames("run_1", entries));
    const batch = { last: stored.last, frames, end: "failed" as const };
    for (let after = 0; after <= 7; after++) {
      for (let limit = 1; limit <= 4; limit++) {
        const out: RunEntry[] = [];
        splitRunBatch(batch, after, limit, out);
        expect(out).toEqual(entries.filter((e) => e.seq > after).slice(0, limit));
      }
    }
    expect(() => storedBatch("run_1", [entries[0] as RunEntry, entries[2] as RunEntry])).toThrow(
      RunFencedError,
    );
  });
});

describe("the node adapter's plain frames", () => {
  // The same stream read through frames() (a generator) and UNCOMMITTED_FRAMES (hand-written).
  function twin(events: unknown[], failAfter?: number) {
    const log: string[] = [];
    const make = (name: string) => {
      const controller = new AbortController();
      controller.signal.addEventListener("abort", () => log.push(`${name} aborted`));
      async function* source() {
        try {
          for (const [i, event] of events.entries()) {
            if (i === failAfter) throw new Error("handler failed");
            yield event;
          }
        } finally {
          log.push(`${name} source closed`);
        }
      }
      return new StreamingResult(source, controller, {
        onSettled: () => {
          log.push(`${name} settled`);
        },
      });
    };
    return { general: make("general"), plain: make("plain"), log };
  }
  const EVENTS = [{ type: "progress_update", text: "a" }, delta(), { type: "x", n: null }];
  const cycle: Record<string, unknown> = { type: "x" };
  cycle.self = cycle;
  const UNSERIALISABLE = [EVENTS[0], cycle, EVENTS[1]];

  async function read(
    reader: {
      next(): Promise<IteratorResult<unknown>>;
      return?(value?: undefined): Promise<unknown>;
    },
    stopAfter = Number.POSITIVE_INFINITY,
  ) {
    const out: unknown[] = [];
    for (;;) {
      if (out.length === stopAfter) {
        await reader.return?.();
        return out;
      }
      const next = await reader.next();
      if (next.done) return out;
      out.push(next.value);
    }
  }

  /** A ChunkReader read the way the node adapter reads it. */
  function chunksOf(reader: ChunkReader) {
    return {
      async next() {
        let next: ReturnType<ChunkReader["chunk"]>;
        try {
          next = reader.chunk(await reader.next());
        } catch (error) {
          next = reader.failed(error);
        }
        return next;
      },
      return: () => reader.return(),
    };
  }

  it.each([
    ["to its end", undefined, Number.POSITIVE_INFINITY],
    ["when the handler fails", 2, Number.POSITIVE_INFINITY],
    ["when the reader stops early", undefined, 1],
    ["when an event cannot be serialised", -1, Number.POSITIVE_INFINITY],
  ] as const)(
    "gives what frames() gives, %s, with the same closing steps",
    async (_name, failAfter, stopAfter) => {
      const { general, plain, log } =
        failAfter === -1 ? twin(UNSERIALISABLE) : twin(EVENTS, failAfter);
      const a = await read(general.frames(), stopAfter);
      const b = await read(chunksOf(plain[UNCOMMITTED_FRAMES]()), stopAfter);
      expect(b).toEqual(a);
      if (failAfter !== undefined) expect(b.at(-1)).toBe(STREAM_FAILED_FRAME);
      const steps = (name: string) =>
        log.filter((l) => l.startsWith(name)).map((l) => l.split(" ").slice(1).join(" "));
      expect(steps("plain")).toEqual(steps("general"));
      expect(() => plain[UNCOMMITTED_FRAMES]()).toThrow(/only once/);
    },
  );
});
