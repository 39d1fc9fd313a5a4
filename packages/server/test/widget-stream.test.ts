import { readFileSync } from "node:fs";
import type { ThreadItem, ThreadStreamEvent, WidgetRoot } from "@threadkit/core";
import { Card, Text } from "@threadkit/core";
import { WidgetTemplate } from "@threadkit/server";
import { describe, expect, it } from "vitest";
import { streamOf, withThread } from "./helpers/pipeline.js";
import { USER } from "./helpers/server.js";

const templates = new URL("../../../../shared/fixtures/widget-templates/", import.meta.url);

async function* roots(...values: WidgetRoot[]): AsyncGenerator<WidgetRoot> {
  for (const value of values) yield value;
}
const textCard = (value: string, streaming = true) =>
  Card({ children: [Text({ id: "text", value, streaming })] });
const types = (events: Array<{ type: string }>) => events.map((e) => e.type);

describe("streamWidget", () => {
  it("a static root is one thread.item.done with a msg_ id and copy_text; it is persisted", async () => {
    const card = Card({ children: [Text({ value: "Hello" })] });
    const t = await withThread();
    t.server.hooks.respond = (thread) => t.server.streamWidget(thread, card, { copyText: "Hello" });
    const events = await t.send();
    expect(types(events)).toEqual(["thread.item.done", "stream_options", "thread.item.done"]);
    const item = events[2]?.item as Record<string, unknown>;
    expect(item).toMatchObject({ type: "widget", widget: card, copy_text: "Hello" });
    expect(item.id).toMatch(/^msg_/);
    expect(await t.store.loadItem(t.threadId, item.id as string, USER)).toEqual(item);
  });

  it("test_returns_widget_item_generator: added, three value deltas, done", async () => {
    const t = await withThread();
    t.server.hooks.respond = (thread) =>
      t.server.streamWidget(
        thread,
        roots(textCard(""), textCard("Hel"), textCard("Hello,"), textCard("Hello, world", false)),
      );
    const events = (await t.send()).slice(2);
    expect(types(events)).toEqual([
      "thread.item.added",
      "thread.item.updated",
      "thread.item.updated",
      "thread.item.updated",
      "thread.item.done",
    ]);
    const id = (events[0]?.item as { id: string }).id;
    // streaming true -> false is a prop change: the last step replaces the root.
    expect(events.slice(1, 4).map((e) => e.update)).toEqual([
      {
        type: "widget.streaming_text.value_delta",
        component_id: "text",
        delta: "Hel",
        done: false,
      },
      {
        type: "widget.streaming_text.value_delta",
        component_id: "text",
        delta: "lo,",
        done: false,
      },
      { type: "widget.root.updated", widget: textCard("Hello, world", false) },
    ]);
    expect(events.every((e, i) => i === 0 || i === 4 || e.item_id === id)).toBe(true);
    expect(await t.store.loadItem(t.threadId, id, USER)).toMatchObject({
      widget: textCard("Hello, world", false),
    });
  });

  it("test_returns_widget_item_generator_full_replace: a non-append change replaces the root", async () => {
    const t = await withThread();
    t.server.hooks.respond = (thread) =>
      t.server.streamWidget(thread, roots(textCard("Hello"), textCard("World")));
    const events = (await t.send()).slice(2);
    expect(types(events)).toEqual(["thread.item.added", "thread.item.updated", "thread.item.done"]);
    expect(events[1]?.update).toEqual({ type: "widget.root.updated", widget: textCard("World") });
  });

  it("an empty generator yields nothing and stores nothing", async () => {
    const t = await withThread();
    t.server.hooks.respond = (thread) => t.server.streamWidget(thread, roots());
    expect(types(await t.send())).toEqual(["thread.item.done", "stream_options"]);
    expect(await t.items()).toHaveLength(2);
  });

  it("replaceWidgetRoot updates the sender in place and persists the new root", async () => {
    const t = await withThread();
    const before = Card({
      children: [Text({ value: "Pending" })],
      confirm: { label: "Approve", action: { type: "approve" } },
    });
    const after = Card({ children: [Text({ value: "Approved" })] });
    t.server.hooks.respond = (thread) => t.server.streamWidget(thread, before);
    const widgetId = ((await t.send())[2]?.item as { id: string }).id;
    t.server.hooks.action = async function* (thread, _action, sender, ctx) {
      if (sender) yield* t.server.replaceWidgetRoot(thread, sender, after, ctx);
    };
    const events = await streamOf(t.server, "threads.custom_action", {
      thread_id: t.threadId,
      item_id: widgetId,
      action: { type: "approve" },
    });
    expect(events.slice(1)).toEqual([
      {
        type: "thread.item.updated",
        item_id: widgetId,
        update: { type: "widget.root.updated", widget: after },
      },
    ]);
    const stored = (await t.store.loadItem(t.threadId, widgetId, USER)) as ThreadItem & {
      widget: WidgetRoot;
    };
    expect(stored.widget).toEqual(after);
    expect((await t.items()).filter((i) => i.type === "widget")).toHaveLength(1);
  });

  it("streams a widget built from a Widget Builder template", async () => {
    const template = WidgetTemplate.fromFile(
      new URL("sdk-list_view_with_data.widget", templates).pathname,
    );
    const data = JSON.parse(
      readFileSync(new URL("sdk-list_view_with_data.data.json", templates), "utf8"),
    );
    const t = await withThread();
    t.server.hooks.respond = async function* (thread): AsyncGenerator<ThreadStreamEvent> {
      yield* t.server.streamWidget(thread, template.build(data));
    };
    const events = await t.send();
    const item = events[2]?.item as { widget: WidgetRoot };
    expect(item.widget).toEqual(
      JSON.parse(JSON.stringify(template.build(data)), (_k, v) => (v === null ? undefined : v)),
    );
    expect(item.widget.type).toBe("ListView");
  });
});
