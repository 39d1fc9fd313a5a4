import { streamAssistantMessage } from "@threadkit/server";
import { describe, expect, it } from "vitest";
import { withThread } from "./helpers/pipeline.js";
import { USER } from "./helpers/server.js";

const types = (events: Array<{ type: string }>) => events.map((e) => e.type);

describe("streamAssistantMessage", () => {
  it("streams chunks as text deltas and persists the whole message on done", async () => {
    const t = await withThread();
    async function* words() {
      for (const w of ["Hello", "", ", ", "world"]) yield w;
    }
    t.server.hooks.respond = (thread, _input, ctx) =>
      t.server.streamAssistantMessage(thread, words(), ctx);
    const events = (await t.send()).slice(2);
    expect(types(events)).toEqual([
      "thread.item.added",
      "thread.item.updated",
      "thread.item.updated",
      "thread.item.updated",
      "thread.item.updated",
      "thread.item.updated",
      "thread.item.done",
    ]);
    const deltas = events
      .map((e) => e.update as { type: string; delta?: string } | undefined)
      .filter((u) => u?.type === "assistant_message.content_part.text_delta")
      .map((u) => u?.delta);
    expect(deltas).toEqual(["Hello", ", ", "world"]);
    const done = events.at(-1)?.item as { id: string; content: unknown };
    expect(done.id).toMatch(/^msg_/);
    expect(done.content).toEqual([{ type: "output_text", text: "Hello, world", annotations: [] }]);
    expect(await t.store.loadItem(t.threadId, done.id, USER)).toMatchObject({
      type: "assistant_message",
      content: [{ text: "Hello, world" }],
    });
  });

  it("sends a string as one delta", async () => {
    const events: Array<{ type: string; update?: unknown }> = [];
    for await (const e of streamAssistantMessage(
      { id: "thr_1", created_at: new Date().toISOString(), status: { type: "active" } } as never,
      "Hi there",
      { generateId: () => "msg_fixed" },
    )) {
      events.push(e as never);
    }
    expect(events).toHaveLength(5);
    expect(events[2]?.update).toEqual({
      type: "assistant_message.content_part.text_delta",
      content_index: 0,
      delta: "Hi there",
    });
  });

  it("stops at the abort signal; what was sent becomes the message", async () => {
    const abort = new AbortController();
    async function* chunks() {
      yield "one ";
      abort.abort();
      yield "two";
    }
    const events: Array<{ type: string; item?: unknown }> = [];
    for await (const e of streamAssistantMessage(
      { id: "thr_1", created_at: new Date().toISOString(), status: { type: "active" } } as never,
      chunks(),
      { signal: abort.signal },
    )) {
      events.push(e as never);
    }
    expect(events.at(-1)?.item).toMatchObject({ content: [{ text: "one " }] });
  });
});
