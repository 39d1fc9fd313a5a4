import type { ThreadStreamEvent } from "@threadkit/core";
import { describe, expect, it } from "vitest";
import { dropAfter, emptyState, pendingToolCall, reduce, type ThreadState } from "../src/state.js";

const base = { thread_id: "thr_1", created_at: "2026-01-01T00:00:00Z" };
const card = (children: unknown[]) => ({ type: "Card", children });
const widget = {
  ...base,
  id: "wdg_1",
  type: "widget",
  widget: card([
    { type: "Text", id: "status", value: "Pending" },
    { type: "Markdown", id: "notes", value: "Notes", streaming: true },
  ]),
};

const run = (events: unknown[], from: ThreadState = emptyState()) =>
  events.reduce<ThreadState>((s, e) => reduce(s, e as ThreadStreamEvent), from);
const widgetOf = (s: ThreadState) =>
  (s.items.find((i) => i.id === "wdg_1") as unknown as typeof widget).widget;

describe("reduce", () => {
  it("applies widget.component.updated, value deltas and widget.root.updated to the widget item", () => {
    let s = run([{ type: "thread.item.done", item: widget }]);
    s = run(
      [
        {
          type: "thread.item.updated",
          item_id: "wdg_1",
          update: {
            type: "widget.component.updated",
            component_id: "status",
            component: { type: "Text", id: "status", value: "Done" },
          },
        },
        {
          type: "thread.item.updated",
          item_id: "wdg_1",
          update: {
            type: "widget.streaming_text.value_delta",
            component_id: "notes",
            delta: " and more",
            done: true,
          },
        },
      ],
      s,
    );
    expect(widgetOf(s).children).toEqual([
      { type: "Text", id: "status", value: "Done" },
      { type: "Markdown", id: "notes", value: "Notes and more", streaming: false },
    ]);
    s = run(
      [
        {
          type: "thread.item.updated",
          item_id: "wdg_1",
          update: { type: "widget.root.updated", widget: card([{ type: "Title", value: "New" }]) },
        },
      ],
      s,
    );
    expect(widgetOf(s)).toEqual(card([{ type: "Title", value: "New" }]));
  });

  it("replaces items in place, removes them, and never shows hidden items", () => {
    const replaced = { ...widget, widget: card([]) };
    const s = run([
      { type: "thread.item.added", item: { ...base, id: "m1", type: "user_message", content: [] } },
      { type: "thread.item.done", item: widget },
      { type: "thread.item.done", item: { ...base, id: "h", type: "hidden_context_item" } },
      { type: "thread.item.replaced", item: replaced },
      { type: "thread.item.removed", item_id: "m1" },
    ]);
    expect(s.items).toEqual([replaced]);
    expect(s.done.has("wdg_1")).toBe(true);
  });

  it("tracks progress, notices, errors and stream options", () => {
    const s = run([
      { type: "progress_update", text: "Searching" },
      { type: "notice", level: "warning", message: "Careful", title: "Heads up" },
      { type: "stream_options", stream_options: { allow_cancel: false } },
      { type: "error", code: "custom", message: "Nope", allow_retry: true },
    ]);
    expect(s.progress).toBeNull();
    expect(s.notices).toMatchObject([{ level: "warning", message: "Careful", title: "Heads up" }]);
    expect(s.allowCancel).toBe(false);
    expect(s.error).toEqual({ code: "custom", message: "Nope", allowRetry: true });
  });

  it("dropAfter and pendingToolCall", () => {
    const call = { ...base, id: "c", type: "client_tool_call", status: "pending", name: "t" };
    const s = run([
      { type: "thread.item.done", item: { ...base, id: "u", type: "user_message", content: [] } },
      { type: "thread.item.done", item: call },
    ]);
    expect(pendingToolCall(s)?.id).toBe("c");
    expect(dropAfter(s, "u").items.map((i) => i.id)).toEqual(["u"]);
  });
});
