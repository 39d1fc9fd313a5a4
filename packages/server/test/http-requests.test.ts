import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createNodeHandler, type ProcessOptions } from "@threadkit/server";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { makeApp, storedItems, UPDATED_CARD } from "./helpers/app.js";
import {
  ADAPTERS,
  type AdapterKind,
  type HttpClient,
  httpClient,
  type Running,
  startAdapter,
} from "./helpers/http.js";
import { type Event, OTHER, USER, userInput } from "./helpers/server.js";

/** Every one of the 16 request types, end to end over loopback HTTP, for both adapters. */
describe.each(ADAPTERS)("%s adapter: every request type over HTTP", (kind: AdapterKind) => {
  let app: ReturnType<typeof makeApp>;
  let running: Running;
  let client: HttpClient;
  beforeEach(async () => {
    app = makeApp();
    running = await startAdapter(kind, app.server);
    client = httpClient(running);
  });
  afterEach(() => running.close());

  const itemOf = (event: Event | undefined) => event?.item as Record<string, unknown>;
  async function create(text: string) {
    const events = await client.stream("threads.create", { input: userInput(text) });
    const threadId = (events[0]?.thread as { id: string }).id;
    return { events, threadId };
  }

  it("threads.create: SSE headers; thread.created, user done, stream_options, response", async () => {
    const res = await client.post({ type: "threads.create", params: { input: userInput("Hi") } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/event-stream");
    expect(res.headers.get("cache-control")).toBe("no-cache");
    expect(res.headers.get("x-accel-buffering")).toBe("no");
    const text = await res.text();
    expect(text.startsWith('data: {"type":"thread.created"')).toBe(true);
    expect(text.endsWith("\n\n")).toBe(true);
    const events = text
      .split("\n\n")
      .filter(Boolean)
      .map((block) => JSON.parse(block.replace(/^data: /, "")) as Event);
    expect(events.map((e) => e.type)).toEqual([
      "thread.created",
      "thread.item.done",
      "stream_options",
      "thread.item.done",
    ]);
    expect((events[0]?.thread as Record<string, unknown>).title).toBeUndefined();
    expect(itemOf(events[1]).type).toBe("user_message");
    expect(itemOf(events[3]).content).toEqual([
      { type: "output_text", text: "Response to: Hi", annotations: [] },
    ]);
    const threadId = (events[0]?.thread as { id: string }).id;
    expect((await storedItems(app.store, threadId, USER)).map((i) => i.type)).toEqual([
      "user_message",
      "assistant_message",
    ]);
  });

  it("threads.add_user_message", async () => {
    const { threadId } = await create("Hi");
    const events = await client.stream("threads.add_user_message", {
      thread_id: threadId,
      input: userInput("Again"),
    });
    expect(events.map((e) => e.type)).toEqual([
      "thread.item.done",
      "stream_options",
      "thread.item.done",
    ]);
    expect(itemOf(events[0]).type).toBe("user_message");
    expect(await storedItems(app.store, threadId, USER)).toHaveLength(4);
  });

  it("threads.add_client_tool_output: completes the call and streams the continuation", async () => {
    const { threadId, events: created } = await create("tool please");
    const call = itemOf(created[3]);
    expect(call).toMatchObject({ type: "client_tool_call", status: "pending" });
    const events = await client.stream("threads.add_client_tool_output", {
      thread_id: threadId,
      result: { lat: 1 },
    });
    expect(events.map((e) => e.type)).toEqual(["stream_options", "thread.item.done"]);
    expect(itemOf(events[1]).content).toMatchObject([{ text: "continued" }]);
    const stored = await app.store.loadItem(threadId, call.id as string, USER);
    expect(stored).toMatchObject({ status: "completed", output: { lat: 1 } });
  });

  it("threads.add_structured_input: replaced, then the response", async () => {
    const { threadId, events: created } = await create("ask me");
    const question = itemOf(created[3]);
    const events = await client.stream("threads.add_structured_input", {
      thread_id: threadId,
      item_id: question.id,
      input: { status: "answered", answers: { q1: { values: ["Because"] } } },
    });
    expect(events.map((e) => e.type)).toEqual([
      "stream_options",
      "thread.item.replaced",
      "thread.item.done",
    ]);
    expect(itemOf(events[1])).toMatchObject({
      status: "answered",
      inputs: [{ id: "q1", answer: { values: ["Because"], skipped: false } }],
    });
    expect(await app.store.loadItem(threadId, question.id as string, USER)).toEqual(
      itemOf(events[1]),
    );
  });

  it("threads.retry_after_item: regenerates the answer after a user message", async () => {
    const { threadId, events: created } = await create("Hi");
    const userId = itemOf(created[1]).id;
    const oldAnswer = itemOf(created[3]).id;
    const events = await client.stream("threads.retry_after_item", {
      thread_id: threadId,
      item_id: userId,
    });
    expect(events.map((e) => e.type)).toEqual(["stream_options", "thread.item.done"]);
    const items = await storedItems(app.store, threadId, USER);
    expect(items.map((i) => i.id)).toEqual([userId, itemOf(events[1]).id]);
    expect(items.map((i) => i.id)).not.toContain(oldAnswer);
  });

  it("threads.custom_action: the sender widget is updated in place and persisted", async () => {
    const { threadId, events: created } = await create("widget");
    const widget = itemOf(created[3]);
    expect(widget).toMatchObject({ type: "widget", copy_text: "card" });
    const events = await client.stream("threads.custom_action", {
      thread_id: threadId,
      item_id: widget.id,
      action: { type: "create_user", payload: { user_id: "123" }, handler: "server" },
    });
    expect(events).toEqual([
      { type: "stream_options", stream_options: { allow_cancel: true } },
      {
        type: "thread.item.updated",
        item_id: widget.id,
        update: { type: "widget.root.updated", widget: UPDATED_CARD },
      },
    ]);
    expect(app.calls.actions).toEqual([
      { type: "create_user", payload: { user_id: "123" }, sender: widget.id, user: "test_user" },
    ]);
    const stored = await app.store.loadItem(threadId, widget.id as string, USER);
    expect(stored).toMatchObject({ widget: UPDATED_CARD });
  });

  it("threads.sync_custom_action: JSON {updated_item}", async () => {
    const { threadId, events: created } = await create("widget");
    const widget = itemOf(created[3]);
    const body = await client.json<{ updated_item: Record<string, unknown> }>(
      "threads.sync_custom_action",
      { thread_id: threadId, item_id: widget.id, action: { type: "toggle" } },
    );
    expect(body.updated_item).toMatchObject({ id: widget.id, widget: UPDATED_CARD });
    expect(app.calls.actions[0]).toMatchObject({ type: "toggle", payload: null });
  });

  it("threads.get_by_id, threads.list, items.list, threads.update, threads.delete", async () => {
    const { threadId } = await create("Hi");
    const { threadId: second } = await create("Other");
    const thread = await client.json<Record<string, unknown>>("threads.get_by_id", {
      thread_id: threadId,
    });
    expect(thread).toMatchObject({ id: threadId, metadata: {}, status: { type: "active" } });
    const items = thread.items as { data: Array<{ type: string }>; has_more: boolean };
    expect(items.data.map((i) => i.type)).toEqual(["user_message", "assistant_message"]);
    const list = await client.json<{ data: Array<{ id: string }>; has_more: boolean }>(
      "threads.list",
      {},
    );
    expect(list.data.map((t) => t.id)).toEqual([second, threadId]);
    const page = await client.json<{ data: Array<{ type: string }>; has_more: boolean }>(
      "items.list",
      { thread_id: threadId, limit: 1 },
    );
    expect(page).toMatchObject({ has_more: true, data: [{ type: "assistant_message" }] });
    const renamed = await client.json("threads.update", { thread_id: threadId, title: "Named" });
    expect(renamed).toMatchObject({ id: threadId, title: "Named", items: { data: [] } });
    expect((await app.store.loadThread(threadId, USER)).title).toBe("Named");
    const res = await client.post({ type: "threads.delete", params: { thread_id: threadId } });
    expect(res.headers.get("content-type")).toBe("application/json");
    expect(await res.text()).toBe("{}");
    const gone = await client.fail({ type: "threads.get_by_id", params: { thread_id: threadId } });
    expect(gone).toEqual({
      status: 404,
      body: { error: { code: "not_found", message: `Thread ${threadId} not found` } },
    });
  });

  it("a JSON answer with characters beyond ASCII: Content-Length counts its bytes", async () => {
    const { threadId } = await create("Hi");
    const title = "Café 🍰 — naïve 日本";
    const res = await client.post({
      type: "threads.update",
      params: { thread_id: threadId, title },
    });
    const bytes = new Uint8Array(await res.arrayBuffer());
    const declared = res.headers.get("content-length");
    // The fetch adapter's host (here node's bridge) may send it chunked instead.
    if (kind === "node" || declared !== null) expect(Number(declared)).toBe(bytes.length);
    const body = JSON.parse(new TextDecoder().decode(bytes)) as { title: string };
    expect(body.title).toBe(title);
  });

  it("gives server.process options of one class, with the request's origin and key", async () => {
    const seen: ProcessOptions[] = [];
    const process = app.server.process.bind(app.server);
    app.server.process = (body, context, options) => {
      if (options) seen.push(options);
      return process(body, context, options);
    };
    await client.json("threads.list", {});
    const res = await client.post({ type: "threads.list", params: {} }, USER, {
      headers: {
        "content-type": "application/json",
        "x-user": USER.userId,
        "idempotency-key": "k1",
      },
    });
    expect(res.status).toBe(200);
    const [first, second] = seen;
    if (!first || !second) throw new Error("server.process was not called twice");
    // A getter on each request's own object gave every request's options a hidden class of its
    // own, which V8's young-generation collections kept alive with the whole request.
    for (const options of seen) {
      for (const key of Reflect.ownKeys(options)) {
        expect(Object.getOwnPropertyDescriptor(options, key)).toHaveProperty("value");
      }
    }
    expect(Object.getPrototypeOf(second)).toBe(Object.getPrototypeOf(first));
    expect(first.origin).toBe(running.origin);
    expect(first.idempotencyKey).toBeUndefined();
    expect(second.idempotencyKey).toBe("k1");
    expect(first.resume).toBeFalsy();
  });

  it("items.feedback, attachments.create/delete, input.transcribe", async () => {
    const { threadId, events } = await create("Hi");
    const answer = itemOf(events[3]).id as string;
    const feedback = { thread_id: threadId, item_ids: [answer], kind: "positive" };
    expect(await client.json("items.feedback", feedback)).toEqual({});
    expect(app.calls.feedback).toEqual([
      { threadId, itemIds: [answer], kind: "positive", user: "test_user" },
    ]);
    const attachment = await client.json<Record<string, unknown>>("attachments.create", {
      name: "a.txt",
      size: 3,
      mime_type: "text/plain",
    });
    expect(attachment).toMatchObject({ type: "file", name: "a.txt", mime_type: "text/plain" });
    expect(attachment.metadata).toBeUndefined();
    const id = attachment.id as string;
    expect((await app.store.loadAttachment(id, USER)).metadata).toEqual({ secret: "server-only" });
    expect(await client.json("attachments.delete", { attachment_id: id })).toEqual({});
    expect(app.files.deleted).toEqual([id]);
    const text = await client.json("input.transcribe", {
      audio_base64: Buffer.from([1, 2, 3]).toString("base64"),
      mime_type: "audio/webm;codecs=opus",
    });
    expect(text).toEqual({ text: "transcribed" });
    expect(app.calls.transcribed).toEqual([
      { bytes: [1, 2, 3], mime_type: "audio/webm;codecs=opus", media_type: "audio/webm" },
    ]);
  });
});

/** Another user's thread, item or attachment is 404 everywhere, streaming requests included. */
describe.each(ADAPTERS)("%s adapter: user isolation", (kind: AdapterKind) => {
  let app: ReturnType<typeof makeApp>;
  let running: Running;
  let client: HttpClient;
  beforeEach(async () => {
    app = makeApp();
    running = await startAdapter(kind, app.server);
    client = httpClient(running);
  });
  afterEach(() => running.close());

  it("answers 404 to other users for every thread-scoped request; nothing changes", async () => {
    const created = await client.stream("threads.create", { input: userInput("widget") });
    const threadId = (created[0]?.thread as { id: string }).id;
    const widgetId = (created[3]?.item as { id: string }).id;
    const userItemId = (created[1]?.item as { id: string }).id;
    const attachment = await client.json<{ id: string }>("attachments.create", {
      name: "a.txt",
      size: 1,
      mime_type: "text/plain",
    });
    const before = await storedItems(app.store, threadId, USER);
    const action = { type: "go" };
    const requests: Array<[string, Record<string, unknown>]> = [
      ["threads.get_by_id", { thread_id: threadId }],
      ["items.list", { thread_id: threadId }],
      ["threads.update", { thread_id: threadId, title: "Mine now" }],
      ["threads.delete", { thread_id: threadId }],
      ["items.feedback", { thread_id: threadId, item_ids: [widgetId], kind: "negative" }],
      ["threads.sync_custom_action", { thread_id: threadId, item_id: widgetId, action }],
      ["attachments.delete", { attachment_id: attachment.id }],
      ["threads.add_user_message", { thread_id: threadId, input: userInput("hi") }],
      ["threads.add_client_tool_output", { thread_id: threadId, result: 1 }],
      [
        "threads.add_structured_input",
        { thread_id: threadId, item_id: widgetId, input: { answers: {} } },
      ],
      ["threads.retry_after_item", { thread_id: threadId, item_id: userItemId }],
      ["threads.custom_action", { thread_id: threadId, item_id: widgetId, action }],
      ["threads.custom_action", { thread_id: threadId, action }],
      [
        "threads.create",
        { input: { ...userInput("steal"), attachments: [attachment.id] } as unknown },
      ] as [string, Record<string, unknown>],
    ];
    for (const [type, params] of requests) {
      const res = await client.post({ type, params }, OTHER);
      expect([type, res.status, res.headers.get("content-type")]).toEqual([
        type,
        404,
        "application/json",
      ]);
      expect(await res.json()).toMatchObject({ error: { code: "not_found" } });
    }
    expect(await storedItems(app.store, threadId, USER)).toEqual(before);
    expect((await app.store.loadThread(threadId, USER)).title).toBeUndefined();
    expect(await app.store.loadAttachment(attachment.id, USER)).toMatchObject({
      id: attachment.id,
    });
    expect(app.calls.feedback).toEqual([]);
    expect(app.calls.actions).toEqual([]);
    expect(await client.json("threads.list", {}, OTHER)).toEqual({ data: [], has_more: false });
    expect((await app.store.loadThreads(10, null, "desc", OTHER)).data).toEqual([]);
  });
});

describe("node adapter behind a body-parsing middleware (express.json())", () => {
  it("uses the parsed req.body instead of the consumed stream", async () => {
    const app = makeApp();
    const handler = createNodeHandler(app.server, { getContext: () => USER });
    // What express.json() does: read the stream, then set req.body to the parsed value.
    const http = createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      Object.assign(req, { body: JSON.parse(Buffer.concat(chunks).toString("utf8")) });
      handler(req, res);
    });
    await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}/chatkit`;
    try {
      const client = httpClient({ url, origin: "", close: async () => undefined });
      const events = await client.stream("threads.create", { input: userInput("Hi") });
      expect(events.map((e) => e.type)).toEqual([
        "thread.created",
        "thread.item.done",
        "stream_options",
        "thread.item.done",
      ]);
      expect(await client.json("threads.list", {})).toMatchObject({ has_more: false });
    } finally {
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    }
  });
});
