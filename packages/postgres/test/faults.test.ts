import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { ThreadMetadata, ThreadStreamEvent, UserMessageItem } from "@threadkit/core";
import { ChatKitServer, createNodeHandler, parseSseEvents } from "@threadkit/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PostgresStore } from "../src/store.js";
import { DATABASE_URL, dropSchema, testSchema } from "./helpers/database.js";
import type { Ctx } from "./helpers/server.js";
import { TcpProxy } from "./helpers/tcp-proxy.js";

/** A server whose reply streams "Hello" and then waits for the test before finishing. */
class GatedServer extends ChatKitServer<Ctx> {
  gate: Promise<void> = Promise.resolve();
  async *respond(
    thread: ThreadMetadata,
    _input: UserMessageItem | null,
    context: Ctx,
  ): AsyncIterable<ThreadStreamEvent> {
    const id = this.store.generateItemId("message", thread, context);
    const item = {
      type: "assistant_message",
      id,
      thread_id: thread.id,
      created_at: new Date().toISOString(),
      content: [{ type: "output_text", text: "", annotations: [] }],
    };
    yield { type: "thread.item.added", item } as unknown as ThreadStreamEvent;
    yield {
      type: "thread.item.updated",
      item_id: id,
      update: {
        type: "assistant_message.content_part.text_delta",
        content_index: 0,
        delta: "Hello",
      },
    } as unknown as ThreadStreamEvent;
    await this.gate;
    yield {
      type: "thread.item.done",
      item: { ...item, content: [{ type: "output_text", text: "Hello", annotations: [] }] },
    } as unknown as ThreadStreamEvent;
  }
}

const schema = testSchema("faults");
const proxy = new TcpProxy(DATABASE_URL);
let store: PostgresStore<Ctx>;
let server: GatedServer;
let origin = "";
let close: () => Promise<void>;

beforeAll(async () => {
  await proxy.open();
  store = new PostgresStore<Ctx>({
    connectionString: proxy.url(DATABASE_URL),
    schema,
    userId: (ctx) => ctx.userId,
  });
  server = new GatedServer(store);
  const http = createServer(createNodeHandler(server, { getContext: () => ({ userId: "alice" }) }));
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  close = () =>
    new Promise((resolve) => {
      http.closeAllConnections();
      http.close(() => resolve());
    });
});
afterAll(async () => {
  await close();
  await proxy.cut();
  await store.close();
  await dropSchema(schema);
});

const post = (body: unknown) =>
  fetch(`${origin}/chatkit`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
const input = {
  content: [{ type: "input_text", text: "hi" }],
  attachments: [],
  inference_options: {},
};

describe("a PostgreSQL outage seen through the HTTP adapter", () => {
  it("answers 503 store_unavailable while the database refuses connections, then recovers", async () => {
    const created = parseSseEvents(
      await (await post({ type: "threads.create", params: { input } })).text(),
    );
    const threadId = (
      created.find((e) => e.type === "thread.created") as { thread: { id: string } }
    ).thread.id;
    await proxy.cut();
    for (const body of [
      { type: "threads.list", params: { limit: 5 } },
      { type: "threads.get_by_id", params: { thread_id: threadId } },
      { type: "threads.add_user_message", params: { thread_id: threadId, input } },
    ]) {
      const res = await post(body);
      expect(res.status).toBe(503);
      expect(res.headers.get("content-type")).toContain("application/json");
      const json = (await res.json()) as { error: { code: string; message: string } };
      expect(json.error.code).toBe("store_unavailable");
      expect(json.error.message).not.toMatch(/ECONNREFUSED|127\.0\.0\.1/); // no internals
    }
    await proxy.open();
    const back = await post({ type: "threads.get_by_id", params: { thread_id: threadId } });
    expect(back.status).toBe(200);
    expect(((await back.json()) as { id: string }).id).toBe(threadId);
  });

  it("ends a started stream with an error event when the database goes away mid-reply", async () => {
    let open!: () => void;
    server.gate = new Promise((resolve) => {
      open = resolve;
    });
    const res = await post({ type: "threads.create", params: { input } });
    expect(res.status).toBe(200);
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let text = "";
    // Read until the reply has started (its first delta), then take the database away.
    while (!text.includes("text_delta")) {
      const { value, done } = await reader.read();
      if (done) throw new Error(`stream ended early: ${text}`);
      text += decoder.decode(value, { stream: true });
    }
    await proxy.cut();
    open();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
    const events = parseSseEvents(text) as { type: string; item?: { type: string } }[];
    expect(events.at(-1)).toMatchObject({ type: "error", code: "stream.error", allow_retry: true });
    expect(
      events.some((e) => e.type === "thread.item.done" && e.item?.type === "assistant_message"),
    ).toBe(false);
    await proxy.open();
    server.gate = Promise.resolve();
    const again = parseSseEvents(
      await (await post({ type: "threads.create", params: { input } })).text(),
    );
    expect(again.some((e) => e.type === "error")).toBe(false);
    expect(again.filter((e) => e.type === "thread.item.done")).toHaveLength(2);
  });
});
