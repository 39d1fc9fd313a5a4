import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { schemas, serialize, type Thread, toThreadResponse } from "@threadkit/core";
import { describe, expect, it } from "vitest";

const created_at = "2026-11-24T03:04:14.315767";
const base = { thread_id: "thr_1", created_at };

/** Removes null-valued keys at every depth, to compare "null props aside". */
function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== null && v !== undefined)
        .map(([k, v]) => [k, withoutNulls(v)]),
    );
  }
  return value;
}

describe("serialize: null handling", () => {
  it("omits null and undefined keys at every depth", () => {
    const out = serialize({
      type: "error",
      code: "custom",
      message: null,
      allow_retry: false,
      nested: { a: undefined, b: null, c: [{ d: null, e: 1 }] },
    });
    expect(out).toEqual({
      type: "error",
      code: "custom",
      allow_retry: false,
      nested: { c: [{ e: 1 }] },
    });
    expect(Object.keys((out as { nested: object }).nested)).toEqual(["c"]);
  });

  it("keeps empty arrays, empty objects, false and 0", () => {
    const value = { data: [], has_more: false, meta: {}, n: 0, s: "" };
    expect(serialize(value)).toEqual(value);
  });

  it("omits a null title, a null page cursor and null inference options", () => {
    const item = schemas.ThreadItem.parse({
      ...base,
      id: "m",
      type: "user_message",
      content: [{ type: "input_text", text: "x" }],
      attachments: [],
      quoted_text: null,
      inference_options: { tool_choice: null, model: null },
    });
    expect(serialize(item)).toEqual({
      ...base,
      id: "m",
      type: "user_message",
      content: [{ type: "input_text", text: "x" }],
      attachments: [],
      inference_options: {},
    });
  });
});

describe("serialize: widget children", () => {
  const widget = {
    type: "Card",
    id: null,
    children: [
      { type: "Transition", children: null, key: null },
      { type: "Box", children: [{ type: "Text", value: "x", color: null }] },
    ],
  };
  const expected = {
    type: "Card",
    children: [
      { type: "Transition", children: null },
      { type: "Box", children: [{ type: "Text", value: "x" }] },
    ],
  };

  it("keeps a null children key inside a WidgetItem, dropping other nulls", () => {
    const item = { ...base, id: "w", type: "widget", widget, copy_text: null };
    expect(serialize(item)).toEqual({ ...base, id: "w", type: "widget", widget: expected });
    const event = { type: "thread.item.done", item };
    expect(serialize(event)).toEqual({
      type: "thread.item.done",
      item: { ...base, id: "w", type: "widget", widget: expected },
    });
  });

  it("keeps it in widget updates and in a widget root passed directly", () => {
    expect(serialize({ type: "widget.root.updated", widget })).toEqual({
      type: "widget.root.updated",
      widget: expected,
    });
    expect(
      serialize({
        type: "widget.component.updated",
        component_id: "t",
        component: { type: "Transition", children: null },
      }),
    ).toEqual({
      type: "widget.component.updated",
      component_id: "t",
      component: { type: "Transition", children: null },
    });
    expect(serialize({ type: "Card", children: null, size: null })).toEqual({
      type: "Card",
      children: null,
    });
  });

  it("drops a null children key outside widgets", () => {
    expect(serialize({ type: "custom", children: null })).toEqual({ type: "custom" });
    expect(serialize({ children: null })).toEqual({});
  });
});

describe("serialize: attachments", () => {
  const attachment = {
    type: "image",
    id: "atc_1",
    name: "p.png",
    mime_type: "image/png",
    preview_url: "https://x/p.png",
    metadata: { path: "/secret/p.png" },
  };

  it("never sends attachment metadata", () => {
    const { metadata: _metadata, ...rest } = attachment;
    expect(serialize(schemas.Attachment.parse(attachment))).toEqual(rest);
  });

  it("strips it inside user messages and events too", () => {
    const item = {
      ...base,
      id: "m",
      type: "user_message",
      content: [],
      attachments: [attachment, { ...attachment, type: "file", id: "atc_2", metadata: {} }],
      inference_options: {},
    };
    const out = serialize({ type: "thread.item.done", item: schemas.ThreadItem.parse(item) });
    const attachments = (out as { item: { attachments: Record<string, unknown>[] } }).item
      .attachments;
    expect(attachments).toHaveLength(2);
    for (const a of attachments) expect(a).not.toHaveProperty("metadata");
  });

  it("keeps metadata on things that are not attachments", () => {
    expect(serialize({ type: "threads.list", params: {}, metadata: { a: 1 } })).toEqual({
      type: "threads.list",
      params: {},
      metadata: { a: 1 },
    });
  });
});

describe("toThreadResponse", () => {
  const stored = schemas.Thread.parse({
    id: "thr_1",
    created_at,
    title: null,
    status: { type: "closed", reason: "done" },
    metadata: { owner: "u1", secret: true },
    items: {
      data: [
        { ...base, id: "a", type: "end_of_turn" },
        { ...base, id: "h", type: "hidden_context_item", content: "x" },
        { ...base, id: "s", type: "sdk_hidden_context", content: "y" },
      ],
      has_more: true,
      after: "s",
    },
  });

  it("copies only the public fields, sets metadata {} and removes hidden items", () => {
    const response = toThreadResponse({ ...stored, extra: 1 } as Thread);
    expect(serialize(response)).toEqual({
      id: "thr_1",
      created_at,
      status: { type: "closed", reason: "done" },
      metadata: {},
      items: { data: [{ ...base, id: "a", type: "end_of_turn" }], has_more: true, after: "s" },
    });
  });

  it("gives a thread without items the empty page", () => {
    const { items: _items, ...metadata } = stored;
    expect(serialize(toThreadResponse({ ...metadata, allowed_image_domains: ["x.com"] }))).toEqual({
      id: "thr_1",
      created_at,
      status: { type: "closed", reason: "done" },
      allowed_image_domains: ["x.com"],
      metadata: {},
      items: { data: [], has_more: false },
    });
  });

  it("is applied to thread.created and thread.updated", () => {
    for (const type of ["thread.created", "thread.updated"]) {
      const out = serialize({ type, thread: stored }) as { thread: Record<string, unknown> };
      expect(out.thread.metadata).toEqual({});
      expect((out.thread.items as { data: unknown[] }).data).toHaveLength(1);
    }
  });
});

const fixtures = fileURLToPath(new URL("../../../../shared/fixtures/widgets/", import.meta.url));

describe("round trip: serialize(parse(json)) equals json", () => {
  const files = readdirSync(fixtures).filter((f) => f.endsWith(".json"));

  it("finds the widget fixtures", () => {
    expect(files.length).toBeGreaterThan(10);
  });

  for (const file of files) {
    it(`round-trips ${file} inside a WidgetItem and a widget.root.updated`, () => {
      const widget: unknown = JSON.parse(readFileSync(join(fixtures, file), "utf8"));
      const item = { ...base, id: "w", type: "widget", widget, copy_text: "copy" };
      const event = { type: "thread.item.done", item };
      expect(serialize(schemas.ThreadStreamEvent.parse(event))).toEqual(withoutNulls(event));
      const update = {
        type: "thread.item.updated",
        item_id: "w",
        update: { type: "widget.root.updated", widget },
      };
      expect(serialize(schemas.ThreadStreamEvent.parse(update))).toEqual(withoutNulls(update));
    });
  }

  it("round-trips protocol values with null props", () => {
    const values: [keyof typeof schemas, unknown][] = [
      [
        "ThreadItem",
        {
          ...base,
          id: "wf",
          type: "workflow",
          workflow: {
            type: "reasoning",
            tasks: [
              {
                type: "web_search",
                title: null,
                queries: ["q"],
                sources: [],
                status_indicator: "none",
              },
            ],
            summary: { title: "S", icon: null },
            expanded: false,
          },
        },
      ],
      ["ThreadStreamEvent", { type: "progress_update", icon: null, text: "Working" }],
      [
        "ThreadStreamEvent",
        { type: "error", code: "stream.error", message: null, allow_retry: true },
      ],
      [
        "ChatKitRequest",
        {
          type: "threads.custom_action",
          params: { thread_id: "t", item_id: null, action: { type: "go", payload: { n: 1 } } },
          metadata: {},
        },
      ],
      ["ThreadPage", { data: [], has_more: false, after: null }],
    ];
    for (const [name, json] of values) {
      const schema = schemas[name] as { parse(v: unknown): unknown };
      expect(serialize(schema.parse(json))).toEqual(withoutNulls(json));
    }
  });
});
