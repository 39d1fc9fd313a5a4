import type { ThreadItem, ThreadStreamEvent } from "@threadkit/core";
import { afterEach, describe, expect, it, vi } from "vitest";
import { assistant, ev, streamOf, withThread } from "./helpers/pipeline.js";
import { now, USER } from "./helpers/server.js";

const types = (events: Array<{ type: string }>) => events.map((e) => e.type);

afterEach(() => vi.restoreAllMocks());

describe("pipeline: stream_options", () => {
  it("comes first on every handler stream, from getStreamOptions(thread, context)", async () => {
    const t = await withThread({
      async *respond(thread) {
        yield ev.done(assistant(thread.id, `msg_${Math.random()}`, "ok"));
      },
      async *action() {
        yield { type: "progress_update", text: "acting" } as ThreadStreamEvent;
      },
    });
    const seen: string[] = [];
    t.server.getStreamOptions = (thread, ctx) => {
      seen.push(`${thread.id}:${ctx.userId}`);
      return { allow_cancel: false };
    };
    const first = { type: "stream_options", stream_options: { allow_cancel: false } };
    const sent = await t.send();
    expect(sent[1]).toEqual(first);
    const userId = (sent[0]?.item as { id: string }).id;
    const retry = await streamOf(t.server, "threads.retry_after_item", {
      thread_id: t.threadId,
      item_id: userId,
    });
    expect(retry[0]).toEqual(first);
    const action = await streamOf(t.server, "threads.custom_action", {
      thread_id: t.threadId,
      action: { type: "go" },
    });
    expect(action).toEqual([first, { type: "progress_update", text: "acting" }]);
    expect(seen).toEqual(Array(3).fill(`${t.threadId}:test_user`));
  });
});

describe("pipeline: persistence", () => {
  it("persists on done / replaced / removed and never on added / updated", async () => {
    const seen: Array<[string, string | undefined]> = [];
    const t = await withThread();
    const textOf = async (id: string) => {
      const item = (await t.items()).find((i) => i.id === id);
      return item
        ? JSON.stringify((item as { content?: unknown }).content ?? item.type)
        : undefined;
    };
    t.server.hooks.respond = async function* (thread) {
      yield ev.added(assistant(thread.id, "msg_a", "Hel"));
      seen.push(["after added", await textOf("msg_a")]);
      yield ev.delta("msg_a", "lo");
      seen.push(["after updated", await textOf("msg_a")]);
      yield ev.done(assistant(thread.id, "msg_a", "Hello"));
      seen.push(["after done", await textOf("msg_a")]);
      yield ev.replaced(assistant(thread.id, "msg_a", "Replaced"));
      seen.push(["after replaced", await textOf("msg_a")]);
      yield ev.removed("msg_a");
      seen.push(["after removed", await textOf("msg_a")]);
    };
    const events = await t.send();
    expect(types(events)).toEqual([
      "thread.item.done",
      "stream_options",
      "thread.item.added",
      "thread.item.updated",
      "thread.item.done",
      "thread.item.replaced",
      "thread.item.removed",
    ]);
    const text = (value: string) =>
      JSON.stringify([{ type: "output_text", text: value, annotations: [] }]);
    expect(seen).toEqual([
      ["after added", undefined],
      ["after updated", undefined],
      ["after done", text("Hello")],
      ["after replaced", text("Replaced")],
      ["after removed", undefined],
    ]);
  });

  it("test_thread_item_replaced_event_replaces_item: replaced upserts over another type", async () => {
    const t = await withThread({
      async *respond(thread) {
        yield ev.done({
          type: "user_message",
          id: "msg_x",
          thread_id: thread.id,
          created_at: now(),
          content: [{ type: "input_text", text: "u" }],
          attachments: [],
          inference_options: {},
        } as ThreadItem);
        yield ev.replaced(assistant(thread.id, "msg_x", "now an answer"));
      },
    });
    await t.send();
    expect(await t.store.loadItem(t.threadId, "msg_x", USER)).toMatchObject({
      type: "assistant_message",
      content: [{ text: "now an answer" }],
    });
  });

  it("test_respond_with_tool_status: exactly created, done(user), stream_options, progress, done", async () => {
    const t = await withThread();
    t.server.hooks.respond = async function* (thread) {
      yield { type: "progress_update", icon: "search", text: "Checking..." } as ThreadStreamEvent;
      yield ev.done(assistant(thread.id, "msg_status", "Done"));
    };
    const events = await streamOf(t.server, "threads.create", {
      input: {
        content: [{ type: "input_text", text: "x" }],
        attachments: [],
        inference_options: {},
      },
    });
    expect(types(events)).toEqual([
      "thread.created",
      "thread.item.done",
      "stream_options",
      "progress_update",
      "thread.item.done",
    ]);
  });

  it("test_thread_item_removed_event_removes_item / replaced with a widget: items.list follows", async () => {
    const widget = (text: string, thread_id: string) =>
      ({
        type: "widget",
        id: "wdg_r",
        thread_id,
        created_at: now(),
        widget: { type: "Card", children: [{ type: "Text", value: text }] },
      }) as ThreadItem;
    const t = await withThread({
      async *respond(thread) {
        yield ev.done(assistant(thread.id, "msg_gone", "soon removed"));
        yield ev.removed("msg_gone");
        yield ev.done(widget("Before", thread.id));
        yield ev.replaced(widget("After", thread.id));
      },
    });
    const events = await t.send();
    expect(events.find((e) => e.type === "thread.item.removed")).toEqual({
      type: "thread.item.removed",
      item_id: "msg_gone",
    });
    const result = await t.server.process(
      JSON.stringify({ type: "items.list", params: { thread_id: t.threadId } }),
      USER,
    );
    const page = JSON.parse((result as { json: string }).json) as { data: ThreadItem[] };
    expect(page.data.map((i) => i.id)).not.toContain("msg_gone");
    expect(page.data[0]).toMatchObject({
      id: "wdg_r",
      widget: { children: [{ value: "After" }] },
    });
  });

  it("test_workflow_task_not_duplicated_on_done_event: pending tracking never mutates what was sent", async () => {
    const task = { type: "custom", title: "Step", status_indicator: "none" };
    const workflow = (tasks: unknown[]) =>
      ({
        type: "workflow",
        id: "wf_1",
        thread_id: "",
        created_at: now(),
        workflow: { type: "custom", tasks, expanded: false },
      }) as unknown as ThreadItem;
    const t = await withThread({
      async *respond(thread) {
        yield ev.added({ ...workflow([]), thread_id: thread.id } as ThreadItem);
        yield ev.updated("wf_1", { type: "workflow.task.added", task_index: 0, task });
        yield ev.done({ ...workflow([task]), thread_id: thread.id } as ThreadItem);
      },
    });
    const events = await t.send();
    const doneEvent = events.at(-1) as unknown as { item: { workflow: { tasks: unknown[] } } };
    expect(doneEvent.item.workflow.tasks).toHaveLength(1);
    const stored = await t.store.loadItem(t.threadId, "wf_1", USER);
    expect((stored as { workflow: { tasks: unknown[] } }).workflow.tasks).toHaveLength(1);
  });
});

describe("pipeline: hidden items", () => {
  it("stores hidden_context_item and sdk_hidden_context but never sends them", async () => {
    const hidden = (type: string, id: string, thread_id: string) =>
      ({ type, id, thread_id, created_at: now(), content: `${type} content` }) as ThreadItem;
    const t = await withThread({
      async *respond(thread) {
        yield ev.done(hidden("hidden_context_item", "hc_1", thread.id));
        yield ev.done(hidden("sdk_hidden_context", "shcx_1", thread.id));
        yield ev.replaced(hidden("hidden_context_item", "hc_1", thread.id));
        yield ev.done(assistant(thread.id, "msg_1", "visible"));
      },
    });
    const events = await t.send();
    expect(types(events)).toEqual(["thread.item.done", "stream_options", "thread.item.done"]);
    expect(JSON.stringify(events)).not.toMatch(/hidden|hc_1|shcx_1/);
    expect((await t.items()).map((i) => i.id)).toEqual([
      expect.any(String),
      expect.any(String),
      "hc_1",
      "shcx_1",
      "msg_1",
    ]);
    const page = await streamOf(t.server, "threads.retry_after_item", {
      thread_id: t.threadId,
      item_id: "nope",
    });
    expect(page).toEqual([]);
  });

  it("the seed's pattern: action adds a HiddenContextItem, then yield* this.generate()", async () => {
    let sawHidden = false;
    let signalOfGenerate: AbortSignal | undefined;
    const t = await withThread({
      async *respond(thread, input, ctx, options) {
        const items = await t.store.loadThreadItems(thread.id, null, 1, "desc", ctx);
        sawHidden = input === null && items.data[0]?.type === "hidden_context_item";
        signalOfGenerate = options.signal;
        yield ev.done(assistant(thread.id, "msg_gen", "Noted the click"));
      },
    });
    let actionSignal: AbortSignal | undefined;
    t.server.hooks.action = async function* (thread, action, _sender, ctx, options) {
      actionSignal = options.signal;
      await t.server.store.addThreadItem(
        thread.id,
        {
          type: "hidden_context_item",
          id: t.server.store.generateItemId("message", thread, ctx),
          thread_id: thread.id,
          created_at: now(),
          content: `<USER_ACTION>${action.type}</USER_ACTION>`,
        } as ThreadItem,
        ctx,
      );
      yield* t.server.generate(thread, ctx);
    };
    const events = await streamOf(t.server, "threads.custom_action", {
      thread_id: t.threadId,
      action: { type: "clicked" },
    });
    expect(types(events)).toEqual(["stream_options", "thread.item.done"]);
    expect(sawHidden).toBe(true);
    expect(signalOfGenerate).toBe(actionSignal);
    expect((await t.items()).map((i) => i.type)).toEqual([
      "user_message",
      "hidden_context_item",
      "assistant_message",
    ]);
  });
});

describe("pipeline: thread.updated", () => {
  it("saves and sends title, metadata, status and allowed_image_domains changes (last event)", async () => {
    // [field, value the handler sets, what thread.updated shows for it]
    const changes: Array<[string, unknown, unknown]> = [
      ["title", "New title", "New title"],
      ["metadata", { topic: "x" }, {}], // server-side metadata is never sent
      ["status", { type: "locked", reason: "Because" }, { type: "locked", reason: "Because" }],
      ["allowed_image_domains", ["img.example"], ["img.example"]],
    ];
    for (const [field, value, sent] of changes) {
      const t = await withThread({
        async *respond(thread) {
          yield ev.done(assistant(thread.id, "msg_1", "ok"));
          Object.assign(thread, { [field]: value });
        },
      });
      const events = await t.send();
      const last = events.at(-1) as { type: string; thread: Record<string, unknown> };
      expect([field, last.type]).toEqual([field, "thread.updated"]);
      expect(last.thread).toMatchObject({ id: t.threadId, [field]: sent });
      expect(last.thread.metadata).toEqual({});
      expect(last.thread.items).toEqual({ data: [], has_more: false });
      const stored = (await t.store.loadThread(t.threadId, USER)) as unknown as Record<
        string,
        unknown
      >;
      expect(stored[field]).toEqual(value);
      expect(types(events).filter((x) => x === "thread.updated")).toHaveLength(1);
    }
  });

  it("omits allowed_image_domains from thread.created and thread.updated when unset", async () => {
    const t = await withThread({
      async *respond(thread) {
        thread.title = "T";
        yield ev.done(assistant(thread.id, "msg_1", "ok"));
      },
    });
    const created = await streamOf(t.server, "threads.create", {
      input: {
        content: [{ type: "input_text", text: "x" }],
        attachments: [],
        inference_options: {},
      },
    });
    expect(Object.keys(created[0]?.thread as object)).not.toContain("allowed_image_domains");
    const updated = created.find((e) => e.type === "thread.updated");
    expect(updated).toBeDefined();
    expect(Object.keys(updated?.thread as object)).not.toContain("allowed_image_domains");
  });

  it("test_emits_thread_updated_mid_stream_and_persists: right after the next event", async () => {
    const t = await withThread({
      async *respond(thread) {
        yield ev.done(assistant(thread.id, "msg_a", "A"));
        thread.title = "Mid";
        yield ev.done(assistant(thread.id, "msg_b", "B"));
        yield ev.done(assistant(thread.id, "msg_c", "C"));
      },
    });
    const events = await t.send();
    expect(
      events
        .slice(2)
        .map((e) => (e.type === "thread.updated" ? "updated" : (e.item as { id: string }).id)),
    ).toEqual(["msg_a", "msg_b", "updated", "msg_c"]);
    expect((await t.store.loadThread(t.threadId, USER)).title).toBe("Mid");
  });

  it("comes after the error event when the handler changed the thread and then failed", async () => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    const t = await withThread({
      async *respond(thread) {
        thread.title = "Before the crash";
        throw new Error("boom");
      },
    });
    const events = await t.send();
    expect(types(events)).toEqual([
      "thread.item.done",
      "stream_options",
      "error",
      "thread.updated",
    ]);
    expect((await t.store.loadThread(t.threadId, USER)).title).toBe("Before the crash");
  });
});
