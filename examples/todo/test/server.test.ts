import type { ThreadStreamEvent, WidgetItem } from "@threadkit/core";
import { describe, expect, it, vi } from "vitest";
import { MAX_TODOS } from "../src/todos/todo.js";
import { makeServer, post, replies, startThread } from "./helpers.js";

function widgetDone(events: readonly ThreadStreamEvent[]): WidgetItem {
  const done = events.find((e) => e.type === "thread.item.done" && e.item.type === "widget");
  if (done?.type !== "thread.item.done" || done.item.type !== "widget")
    throw new Error("no widget");
  return done.item;
}

function action(threadId: string, itemId: string | null, type: string, payload: unknown) {
  return {
    type: "threads.custom_action",
    params: { thread_id: threadId, item_id: itemId, action: { type, payload } },
  };
}

describe("TodoServer", () => {
  it("adds a todo from a message and shows the list widget", async () => {
    const { server, todos } = makeServer();
    const { events } = await startThread(server, "add Buy milk");
    expect(replies(events)).toEqual(["Added “Buy milk”. You have 1 open todo."]);
    const widget = widgetDone(events);
    expect(JSON.stringify(widget.widget)).toContain("Buy milk");
    expect((await todos.list("alice")).map((t) => t.title)).toEqual(["Buy milk"]);
    // Streaming is visible: one delta per word.
    const deltas = events.filter(
      (e) =>
        e.type === "thread.item.updated" &&
        e.update.type === "assistant_message.content_part.text_delta",
    );
    expect(deltas.length).toBeGreaterThan(5);
  });

  it("runs an action: updates the sender in place, records a hidden note, and answers from it", async () => {
    const { server, store, todos } = makeServer();
    const { threadId, events } = await startThread(server, "add Buy milk");
    const sender = widgetDone(events);
    const [milk] = await todos.list("alice");

    const out = await post(server, action(threadId, sender.id, "todo.complete", { id: milk?.id }));
    const updated = out.find((e) => e.type === "thread.item.updated" && e.item_id === sender.id);
    expect(updated?.type === "thread.item.updated" && updated.update.type).toBe(
      "widget.root.updated",
    );
    expect(replies(out)).toEqual(["You marked “Buy milk” as done. Nothing is open now."]);
    expect((await todos.get("alice", milk?.id ?? ""))?.done).toBe(true);

    const items = await store.loadThreadItems(threadId, null, 50, "asc", { userId: "alice" });
    const hidden = items.data.filter((i) => i.type === "hidden_context_item");
    expect(hidden.map((i) => i.type === "hidden_context_item" && i.content)).toEqual([
      '<USER_ACTION type="todo.complete">The user marked “Buy milk” as done.</USER_ACTION>',
    ]);
    const saved = items.data.find((i) => i.id === sender.id);
    expect(JSON.stringify(saved)).toContain("Reopen");
  });

  it("updates the newest list for actions sent from the page without an item", async () => {
    const { server, todos } = makeServer();
    const { threadId, events } = await startThread(server, "add Buy milk");
    const list = widgetDone(events);
    const [milk] = await todos.list("alice");
    await post(server, action(threadId, list.id, "todo.complete", { id: milk?.id }));
    const out = await post(server, action(threadId, null, "todo.clear_completed", null));
    const updated = out.find((e) => e.type === "thread.item.updated");
    expect(updated?.type === "thread.item.updated" && updated.item_id).toBe(list.id);
    expect(replies(out)[0]).toContain(
      "You pressed “Clear completed” in the page and removed 1 completed todo.",
    );
    expect(await todos.list("alice")).toEqual([]);
  });

  it("answers a forged payload with an error event and changes nothing", async () => {
    const { server, todos } = makeServer();
    const { threadId, events } = await startThread(server, "add Buy milk");
    const out = await post(
      server,
      action(threadId, widgetDone(events).id, "todo.complete", { id: 42 }),
    );
    expect(out.at(-1)).toEqual({
      type: "error",
      code: "action_refused",
      message: 'Action "todo.complete": payload.id differs from the value the widget declared',
      allow_retry: false,
    });
    expect((await todos.list("alice"))[0]?.done).toBe(false);
  });

  it("answers a bad payload of a page action with a sentence for people, details in the log", async () => {
    // The server accepts todo.note without a widget (declared imperative); the app parses its
    // payload and words the refusal for the person, the parser's message goes to the log.
    const { server, todos } = makeServer();
    const { threadId } = await startThread(server, "add Buy milk");
    const logged: string[] = [];
    const warn = vi.spyOn(console, "warn").mockImplementation((...args) => {
      logged.push(args.join(" "));
    });
    try {
      const out = await post(server, action(threadId, null, "todo.note", { id: 42, note: "x" }));
      expect(out.at(-1)).toMatchObject({
        type: "error",
        code: "custom",
        allow_retry: false,
        message: "That did not work. Please try again.",
      });
      expect(logged.join("\n")).toContain("payload.id: expected string, received number");
      expect((await todos.list("alice")).map((t) => t.note)).toEqual([""]);
    } finally {
      warn.mockRestore();
    }
  });

  it("refuses a duplicate title as a field error under the add form's title", async () => {
    const { server, todos } = makeServer();
    const { threadId, events } = await startThread(server, "add Buy milk");
    const list = widgetDone(events);
    await post(server, action(threadId, list.id, "todo.add_form", null));
    const out = await post(
      server,
      action(threadId, list.id, "todo.add", {
        todo: { title: "buy milk ", due: "", priority: "" },
      }),
    );
    expect(out.at(-1)).toEqual({
      type: "client_effect",
      name: "threadkit.field_errors",
      data: { item_id: list.id, errors: { "todo.title": "Already on your list" } },
    });
    expect(await todos.list("alice")).toHaveLength(1);
  });

  it("turns a full list into an error event the user can read", async () => {
    const { server, todos } = makeServer();
    const { threadId, events } = await startThread(server, "add Buy milk");
    for (let i = 1; i < MAX_TODOS; i++) await todos.add("alice", { title: `Todo ${i}` });
    const list = widgetDone(events).id;
    await post(server, action(threadId, list, "todo.add_form", null));
    const out = await post(
      server,
      action(threadId, list, "todo.add", { todo: { title: "One more", due: "", priority: "" } }),
    );
    expect(out.at(-1)).toMatchObject({
      type: "error",
      code: "custom",
      message: `You can keep at most ${MAX_TODOS} todos; delete some done ones first.`,
    });
  });

  it("never lets one user act on another user's todo", async () => {
    const { server, todos } = makeServer();
    await startThread(server, "add Buy milk", { userId: "alice" });
    const [milk] = await todos.list("alice");
    const { threadId, events } = await startThread(server, "show my todos", { userId: "mallory" });
    const out = await post(
      server,
      action(threadId, widgetDone(events).id, "todo.complete", { id: milk?.id }),
      { userId: "mallory" },
    );
    // Mallory's list declares no such action: it is refused before the handler runs.
    expect(out.at(-1)).toMatchObject({
      type: "error",
      code: "action_refused",
      message: 'Action "todo.complete" is not declared by the widget it was sent from',
    });
    expect((await todos.get("alice", milk?.id ?? ""))?.done).toBe(false);
    // Sent from the page without a widget, it is refused too (todo.complete is not imperative).
    const page = await post(server, action(threadId, null, "todo.complete", { id: milk?.id }), {
      userId: "mallory",
    });
    expect(page.at(-1)).toMatchObject({ type: "error", code: "action_refused" });
    expect((await todos.get("alice", milk?.id ?? ""))?.done).toBe(false);
  });
});
