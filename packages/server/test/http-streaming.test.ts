import { request } from "node:http";
import type { ThreadStreamEvent } from "@threadkit/core";
import { parseSseEvents, SQLiteStore, type Store } from "@threadkit/server";
import { afterEach, describe, expect, it } from "vitest";
import { makeApp, storedItems } from "./helpers/app.js";
import {
  ADAPTERS,
  type AdapterKind,
  openStream,
  type Running,
  startAdapter,
} from "./helpers/http.js";
import { type Ctx, type Hooks, makeStore, now, USER, until, userInput } from "./helpers/server.js";

const STORES: Array<[string, () => Store<Ctx>]> = [
  ["MemoryStore", () => makeStore()],
  ["SQLiteStore", () => new SQLiteStore<Ctx>({ path: ":memory:", userId: (c) => c.userId })],
];

const CANCEL_NOTE = "The user cancelled the stream. Stop responding to the prior request.";
const createBody = (text: string) => ({
  type: "threads.create",
  params: { input: userInput(text) },
});

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

describe.each(ADAPTERS)("%s adapter: streaming", (kind: AdapterKind) => {
  let running: Running | undefined;
  afterEach(async () => {
    await running?.close();
    running = undefined;
  });

  async function start(
    hooks: Hooks,
    options: { heartbeatMs?: number } = {},
    store: Store<Ctx> = makeStore(),
  ) {
    const app = makeApp(hooks, store);
    running = await startAdapter(kind, app.server, options);
    return { ...app, url: running.url };
  }

  it("sends a comment heartbeat while the handler is idle; clients ignore it", async () => {
    const { url } = await start(
      {
        async *respond(thread) {
          yield { type: "progress_update", text: "Thinking" } as ThreadStreamEvent;
          await sleep(200);
          yield {
            type: "thread.item.done",
            item: {
              type: "assistant_message",
              id: "msg_slow",
              thread_id: thread.id,
              created_at: now(),
              content: [{ type: "output_text", text: "Done", annotations: [] }],
            },
          } as ThreadStreamEvent;
        },
      },
      { heartbeatMs: 20 },
    );
    const stream = openStream(url, createBody("Hi"));
    await stream.response;
    await stream.ended();
    const text = stream.text();
    const progress = text.indexOf('"progress_update"');
    const heartbeat = text.indexOf(": keep-alive\n\n", progress);
    expect(progress).toBeGreaterThan(0);
    expect(heartbeat).toBeGreaterThan(progress);
    expect(heartbeat).toBeLessThan(text.indexOf('"msg_slow"'));
    expect(parseSseEvents(text).map((e) => e.type)).toEqual([
      "thread.created",
      "thread.item.done",
      "stream_options",
      "progress_update",
      "thread.item.done",
    ]);
  });

  it("no heartbeat on a busy stream", async () => {
    const { url } = await start({}, { heartbeatMs: 60_000 });
    const stream = openStream(url, createBody("Hi"));
    await stream.response;
    await stream.ended();
    expect(stream.text()).not.toContain("keep-alive");
    expect(stream.events()).toHaveLength(4);
  });

  it.each(STORES)(
    "a closed socket aborts the handler and saves the partial answer and the cancel note (%s)",
    async (_name, makeStoreFor) => {
      let sawAbort = false;
      let pendingAtCancel: string[] = [];
      const { url, store } = await start(
        {
          async *respond(thread, _input, _ctx, { signal }) {
            const message = {
              type: "assistant_message",
              id: "msg_partial",
              thread_id: thread.id,
              created_at: now(),
              content: [{ type: "output_text", text: "Hello, ", annotations: [] }],
            };
            yield { type: "thread.item.added", item: message } as ThreadStreamEvent;
            yield {
              type: "thread.item.updated",
              item_id: "msg_partial",
              update: {
                type: "assistant_message.content_part.text_delta",
                content_index: 0,
                delta: "World!",
              },
            } as ThreadStreamEvent;
            // A model call that only ends when the request is aborted.
            await new Promise<void>((resolve) => signal.addEventListener("abort", () => resolve()));
            sawAbort = true;
            yield { type: "progress_update", text: "never sent" } as ThreadStreamEvent;
          },
          handleStreamCancelled(_thread, pending) {
            pendingAtCancel = pending.map((item) => item.id);
          },
        },
        {},
        makeStoreFor(),
      );
      const stream = openStream(url, createBody("Hi"));
      await stream.response;
      await until(() => stream.events().some((e) => e.type === "thread.item.updated"));
      const threadId = (stream.events()[0]?.thread as { id: string }).id;
      // Nothing of the answer is stored while it streams.
      expect((await storedItems(store, threadId, USER)).map((i) => i.type)).toEqual([
        "user_message",
      ]);
      stream.destroy();
      await until(() => sawAbort);
      await until(async () => (await storedItems(store, threadId, USER)).length === 3);
      const items = await storedItems(store, threadId, USER);
      expect(items.map((i) => i.type)).toEqual([
        "user_message",
        "assistant_message",
        "sdk_hidden_context",
      ]);
      expect(items[1]).toMatchObject({
        id: "msg_partial",
        content: [{ type: "output_text", text: "Hello, World!" }],
      });
      expect(items[2]).toMatchObject({ content: CANCEL_NOTE });
      expect(items[2]?.id).toMatch(/^shcx_/);
      expect(pendingAtCancel).toEqual(["msg_partial"]);
    },
  );

  it("a handler that ignores its signal is still cancelled when the socket closes", async () => {
    const { url, store } = await start({
      async *respond(thread) {
        yield {
          type: "thread.item.added",
          item: {
            type: "assistant_message",
            id: "msg_stuck",
            thread_id: thread.id,
            created_at: now(),
            content: [{ type: "output_text", text: "Half an ans", annotations: [] }],
          },
        } as ThreadStreamEvent;
        await new Promise(() => undefined); // never settles
      },
    });
    const stream = openStream(url, createBody("Hi"));
    await stream.response;
    await until(() => stream.events().some((e) => e.type === "thread.item.added"));
    const threadId = (stream.events()[0]?.thread as { id: string }).id;
    stream.destroy();
    await until(async () => (await storedItems(store, threadId, USER)).length === 3);
    const items = await storedItems(store, threadId, USER);
    expect(items[1]).toMatchObject({ content: [{ text: "Half an ans" }] });
    expect(items[2]).toMatchObject({ type: "sdk_hidden_context", content: CANCEL_NOTE });
  });

  it("a slow reader holds the handler back instead of the server buffering the stream", async () => {
    const size = 256 * 1024;
    const total = 160; // 40 MiB if it were all buffered
    let produced = 0;
    const { url } = await start({
      async *respond() {
        for (let i = 0; i < total; i++) {
          produced++;
          yield { type: "progress_update", text: "x".repeat(size) } as ThreadStreamEvent;
        }
      },
    });
    let received = 0;
    let events = 0;
    let lastByte = 0;
    const finished = new Promise<void>((resolve, reject) => {
      const req = request(url, { method: "POST", headers: { "content-type": "application/json" } });
      req.on("error", reject);
      req.on("response", (res) => {
        res.pause();
        res.on("data", (chunk: Buffer) => {
          received += chunk.byteLength;
          // Events end with a blank line; count "\n\n" even when split across chunks.
          if (lastByte === 10 && chunk[0] === 10) events++;
          for (let at = chunk.indexOf("\n\n"); at >= 0; at = chunk.indexOf("\n\n", at + 2)) {
            events++;
          }
          lastByte = chunk[chunk.byteLength - 1] ?? 0;
        });
        res.on("end", resolve);
        // Read nothing until the server has stopped producing.
        void (async () => {
          let last = -1;
          while (produced !== last) {
            last = produced;
            await sleep(300);
          }
          expect(received).toBe(0);
          expect(produced).toBeGreaterThan(0);
          // Bounded by the socket buffers (a few MiB), far below the 40 MiB stream.
          expect(produced).toBeLessThan(total / 2);
          res.resume();
        })().catch(reject);
      });
      req.end(JSON.stringify(createBody("Hi")));
    });
    await finished;
    expect(produced).toBe(total);
    expect(events).toBe(3 + total);
    expect(received).toBeGreaterThan(total * size);
  }, 30_000);
});
