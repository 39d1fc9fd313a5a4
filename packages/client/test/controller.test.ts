import { describe, expect, it } from "vitest";
import { ChatController } from "../src/controller.js";
import type { ChatKitEventName, ChatKitOptions } from "../src/types.js";

type Sent = { type: string; params: Record<string, unknown>; key?: string | undefined };
type Reply = unknown[] | { json: unknown } | { status: number; json: unknown };

/** A fake ChatKit endpoint: `reply(request)` gives SSE events, a JSON body or an HTTP error. */
function fakeFetch(reply: (req: Sent) => Reply | Promise<Reply>) {
  const requests: Sent[] = [];
  const fetch = (async (_url: string, init: RequestInit) => {
    const req = JSON.parse(String(init.body)) as Sent;
    const key = (init.headers as Record<string, string>)["Idempotency-Key"];
    if (key !== undefined) req.key = key;
    requests.push(req);
    const r = await reply(req);
    if (Array.isArray(r)) {
      const body = r.map((e) => `data: ${JSON.stringify(e)}\n\n`).join("");
      return new Response(body, { headers: { "content-type": "text/event-stream" } });
    }
    return new Response(JSON.stringify(r.json), { status: "status" in r ? r.status : 200 });
  }) as unknown as typeof globalThis.fetch;
  return { fetch, requests };
}

function gate() {
  let open!: () => void;
  const promise = new Promise<void>((r) => {
    open = r;
  });
  return { promise, open };
}

const thread = { id: "thr_1", created_at: "2026-01-01T00:00:00Z", status: { type: "active" } };
const widgetItem = {
  id: "wdg_1",
  type: "widget",
  thread_id: "thr_1",
  created_at: "2026-01-01T00:00:00Z",
  widget: { type: "Card", children: [{ type: "Text", id: "t", value: "Old" }] },
};
const created = [
  { type: "thread.created", thread },
  { type: "thread.item.done", item: widgetItem },
];

function setup(reply: (req: Sent) => Reply | Promise<Reply>, extra: Partial<ChatKitOptions> = {}) {
  const { fetch, requests } = fakeFetch(reply);
  const events: { name: ChatKitEventName; detail: unknown }[] = [];
  const options: ChatKitOptions = { api: { url: "/chatkit", fetch }, ...extra };
  const controller = new ChatController({
    options: () => options,
    emit: (name, detail) => events.push({ name, detail }),
    update: () => {},
  });
  const names = () => events.map((e) => e.name);
  const errors = () =>
    events
      .filter((e) => e.name === "chatkit.error")
      .map((e) => (e.detail as { error: Error }).error.message);
  return { controller, requests, events, names, errors };
}

describe("ChatController", () => {
  it("creates a thread with the first message and emits the response and thread events", async () => {
    const t = setup(() => created);
    await t.controller.sendUserMessage({ text: "hi" });
    expect(t.requests[0]).toEqual({
      type: "threads.create",
      params: {
        input: {
          content: [{ type: "input_text", text: "hi" }],
          attachments: [],
          inference_options: {},
        },
      },
    });
    expect(t.names()).toEqual([
      "chatkit.response.start",
      "chatkit.thread.change",
      "chatkit.response.end",
    ]);
    expect(t.controller.threadId).toBe("thr_1");
  });

  it("queues widget clicks while a reply streams; refuses imperative actions and messages; lets sync and client actions through", async () => {
    const hold = gate();
    const onAction: string[] = [];
    const t = setup(
      async (req) => {
        if (req.type === "threads.create") return created;
        if (req.type === "threads.sync_custom_action") {
          const widget = { type: "Card", children: [{ type: "Text", id: "t", value: "Synced" }] };
          return { json: { updated_item: { ...widgetItem, widget } } };
        }
        await hold.promise;
        return [];
      },
      { widgets: { onAction: async (a) => void onAction.push(a.type) } },
    );
    await t.controller.sendUserMessage({ text: "hi" });
    const item = t.controller.state.items[0] as typeof widgetItem as never;
    const running = t.controller.sendCustomAction({ type: "slow" }, "wdg_1");
    expect(t.controller.responding).toBe(true);
    await expect(t.controller.sendUserMessage({ text: "again" })).rejects.toThrow(
      "ChatKit: sendUserMessage() ignored - already responding",
    );
    await expect(t.controller.sendCustomAction({ type: "other" })).rejects.toThrow(
      "ChatKit: sendAction() ignored - already responding",
    );
    // A widget click on a streaming action waits for the reply to end, then is sent.
    const queued = t.controller.performAction({ type: "click" }, item);
    expect(t.errors()).toEqual(["ChatKit: sendAction() ignored - already responding"]);
    await t.controller.performAction({ type: "star", streaming: false }, item);
    await t.controller.performAction({ type: "open", handler: "client" }, item);
    expect(onAction).toEqual(["open"]);
    const synced = t.controller.state.items[0] as typeof widgetItem;
    expect(synced.widget.children[0]?.value).toBe("Synced");
    expect(t.requests.map((r) => r.type)).toEqual([
      "threads.create",
      "threads.custom_action",
      "threads.sync_custom_action",
    ]);
    hold.open();
    await running;
    await queued;
    expect(t.requests.map((r) => r.type)).toEqual([
      "threads.create",
      "threads.custom_action",
      "threads.sync_custom_action",
      "threads.custom_action",
    ]);
    expect(t.requests[1]?.params).toEqual({
      thread_id: "thr_1",
      item_id: "wdg_1",
      action: { type: "slow", payload: null },
    });
    expect((t.requests[3]?.params.action as { type: string }).type).toBe("click");
    expect(
      t.events.some((e) => (e.detail as { name?: string })?.name === "widgets.action.queued"),
    ).toBe(true);
    // Every action carries an Idempotency-Key; messages do not.
    expect(t.requests.map((r) => r.key?.slice(0, 4))).toEqual([undefined, "tk1-", "tk1-", "tk1-"]);
    expect(new Set(t.requests.map((r) => r.key)).size).toBe(4);
  });

  it("sends the same Idempotency-Key for the same click on the same thread state, another after a change", async () => {
    let version = 0;
    const t = setup((req) => {
      if (req.type === "threads.create") return created;
      version++;
      return version === 2
        ? [
            {
              type: "thread.item.replaced",
              item: { ...widgetItem, widget: { type: "Card", children: [] } },
            },
          ]
        : [];
    });
    await t.controller.sendUserMessage({ text: "hi" });
    const item = () => t.controller.state.items[0] as never;
    await t.controller.performAction({ type: "go", payload: { n: 1 } }, item());
    await t.controller.performAction({ type: "go", payload: { n: 1 } }, item());
    await t.controller.performAction({ type: "go", payload: { n: 1 } }, item());
    await t.controller.performAction({ type: "go", payload: { n: 2 } }, item());
    const keys = t.requests.slice(1).map((r) => r.key);
    // Same click, same state: one key (a repeat). The widget changed: a new key. Other payload: new.
    expect(keys[0]).toBe(keys[1]);
    expect(keys[2]).not.toBe(keys[1]);
    expect(new Set([keys[2], keys[3]]).size).toBe(2);
  });

  it("collects field errors for the action's widget: from the stream's effect and from a sync 422", async () => {
    const t = setup((req) => {
      if (req.type === "threads.create") return created;
      if (req.type === "threads.sync_custom_action") {
        return {
          status: 422,
          json: {
            error: { code: "field_errors", message: "x", item_id: "wdg_1", fields: { a: "Bad" } },
          },
        };
      }
      return [
        { type: "stream_options", stream_options: { allow_cancel: true } },
        {
          type: "client_effect",
          name: "threadkit.field_errors",
          data: { item_id: "wdg_1", errors: { "todo.title": "Already on your list" } },
        },
      ];
    });
    await t.controller.sendUserMessage({ text: "hi" });
    const item = t.controller.state.items[0] as never;
    await expect(t.controller.performAction({ type: "add" }, item)).resolves.toEqual({
      fieldErrors: { "todo.title": "Already on your list" },
    });
    await expect(
      t.controller.performAction({ type: "s", streaming: false }, item),
    ).resolves.toEqual({ fieldErrors: { a: "Bad" } });
    expect(t.errors()).toEqual([]);
    expect(t.controller.state.error).toBeNull();
  });

  it("sends an action answered 409 (still running elsewhere) again with its key until it ends", async () => {
    let calls = 0;
    const t = setup((req) => {
      if (req.type === "threads.create") return created;
      calls++;
      if (calls < 3) {
        return { status: 409, json: { error: { code: "action_in_progress", message: "running" } } };
      }
      return [
        {
          type: "thread.item.replaced",
          item: { ...widgetItem, widget: { type: "Card", children: [] } },
        },
      ];
    });
    await t.controller.sendUserMessage({ text: "hi" });
    await t.controller.performAction({ type: "go" }, t.controller.state.items[0] as never);
    const keys = t.requests.slice(1).map((r) => r.key);
    expect(keys).toHaveLength(3);
    expect(new Set(keys).size).toBe(1);
    expect(t.errors()).toEqual([]);
    expect(t.controller.state.error).toBeNull();
    expect((t.controller.state.items[0] as typeof widgetItem).widget.children).toEqual([]);
  });

  it("shows a short notice on 429 and rejects, so the control is restored", async () => {
    const t = setup((req) =>
      req.type === "threads.create"
        ? created
        : { status: 429, json: { error: { code: "rate_limited", message: "Too many requests" } } },
    );
    await t.controller.sendUserMessage({ text: "hi" });
    const item = t.controller.state.items[0] as never;
    await expect(t.controller.performAction({ type: "a" }, item)).rejects.toThrow("429");
    expect(t.controller.state.error).toEqual({
      code: "notice",
      message: "Too many requests. Please wait a moment and try again.",
      allowRetry: false,
    });
    expect(t.controller.responding).toBe(false);
  });

  it("reports a failed action once and rejects; a missing thread is a clear rejection", async () => {
    const t = setup((req) =>
      req.type === "threads.create" ? created : { status: 500, json: { message: "exploded" } },
    );
    await expect(t.controller.sendCustomAction({ type: "x" })).rejects.toThrow(
      "ChatKit: sendAction() ignored - no active thread",
    );
    await t.controller.sendUserMessage({ text: "hi" });
    const item = t.controller.state.items[0] as never;
    await expect(t.controller.performAction({ type: "a" }, item)).rejects.toThrow("exploded");
    await expect(t.controller.performAction({ type: "b", streaming: false }, item)).rejects.toThrow(
      "exploded",
    );
    expect(t.errors()).toEqual([
      "ChatKit: sendAction() ignored - no active thread",
      "ChatKit request failed (500): exploded",
      "ChatKit request failed (500): exploded",
    ]);
    expect(t.controller.responding).toBe(false);
  });

  it("passes client actions to widgets.onAction with the item, sending nothing", async () => {
    const seen: unknown[] = [];
    const t = setup(() => created, {
      widgets: { onAction: async (action, item) => void seen.push([action, item.id]) },
    });
    await t.controller.sendUserMessage({ text: "hi" });
    const before = t.requests.length;
    await t.controller.performAction(
      { type: "go", handler: "client", payload: { id: 1 } },
      t.controller.state.items[0] as never,
    );
    expect(seen).toEqual([[{ type: "go", payload: { id: 1 } }, "wdg_1"]]);
    expect(t.requests.length).toBe(before);
    expect(t.events.find((e) => e.name === "chatkit.log")?.detail).toEqual({
      name: "widgets.action",
      data: { type: "go", handler: "client", streaming: true, itemId: "wdg_1" },
    });
  });

  it("runs client tools and posts their output, within one response", async () => {
    const call = {
      id: "tc_1",
      type: "client_tool_call",
      thread_id: "thr_1",
      created_at: "2026-01-01T00:00:00Z",
      status: "pending",
      call_id: "c1",
      name: "get_time",
      arguments: { tz: "UTC" },
    };
    const t = setup(
      (req) =>
        req.type === "threads.create"
          ? [
              { type: "thread.created", thread },
              { type: "thread.item.done", item: call },
            ]
          : [],
      { onClientTool: ({ name, params }) => ({ name, tz: params.tz }) },
    );
    await t.controller.sendUserMessage({ text: "time?" });
    expect(t.requests[1]).toEqual({
      type: "threads.add_client_tool_output",
      params: { thread_id: "thr_1", result: { name: "get_time", tz: "UTC" } },
    });
    expect(t.names().filter((n) => n.startsWith("chatkit.response"))).toEqual([
      "chatkit.response.start",
      "chatkit.response.end",
    ]);
  });
});
