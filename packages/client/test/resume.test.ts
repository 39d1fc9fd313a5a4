import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { ThreadStreamEvent } from "@threadkit/core";
import { ChatKitServer, createNodeHandler, MemoryStore } from "@threadkit/server";
import { afterEach, describe, expect, it } from "vitest";
import { CutProxy } from "../../server/test/helpers/cut-proxy.js";
import { ChatController } from "../src/controller.js";
import type { ChatKitOptions } from "../src/types.js";

type Ctx = { userId: string };
const WORDS = 120;
const FULL = Array.from({ length: WORDS }, (_, i) => `w${i} `).join("");

/** Streams WORDS deltas, yielding to the event loop every few so cuts land mid-reply. */
class WordServer extends ChatKitServer<Ctx> {
  calls = 0;
  async *respond(thread: { id: string }): AsyncIterable<ThreadStreamEvent> {
    this.calls++;
    const item = {
      type: "assistant_message",
      id: `msg_${this.calls}`,
      thread_id: thread.id,
      created_at: new Date().toISOString(),
      content: [{ type: "output_text", text: "", annotations: [] }],
    };
    yield { type: "thread.item.added", item } as ThreadStreamEvent;
    for (let i = 0; i < WORDS; i++) {
      if (i % 10 === 0) await new Promise((resolve) => setTimeout(resolve, 2));
      yield {
        type: "thread.item.updated",
        item_id: item.id,
        update: {
          type: "assistant_message.content_part.text_delta",
          content_index: 0,
          delta: `w${i} `,
        },
      } as ThreadStreamEvent;
    }
    yield {
      type: "thread.item.done",
      item: { ...item, content: [{ type: "output_text", text: FULL, annotations: [] }] },
    } as ThreadStreamEvent;
  }
}

describe("the element's controller on a resumable reply", () => {
  let http: Server | undefined;
  let proxy: CutProxy | undefined;
  async function stopAll() {
    await proxy?.close();
    http?.closeAllConnections();
    await new Promise<void>((resolve) => (http ? http.close(() => resolve()) : resolve()));
    http = undefined;
    proxy = undefined;
  }
  afterEach(stopAll);

  async function start() {
    const server = new WordServer(new MemoryStore<Ctx>({ userId: (c) => c.userId }));
    http = createServer(createNodeHandler(server, { getContext: () => ({ userId: "u" }) }));
    await new Promise<void>((resolve) => http?.listen(0, "127.0.0.1", resolve));
    proxy = await CutProxy.start((http.address() as AddressInfo).port);
    const options: ChatKitOptions = { api: { url: `http://127.0.0.1:${proxy.port}/chatkit` } };
    const errors: unknown[] = [];
    const controller = new ChatController({
      options: () => options,
      emit: (name, detail) => {
        if (name === "chatkit.error") errors.push(detail);
      },
      update: () => {},
    });
    return { server, controller, proxy, errors };
  }

  it("a connection cut at any byte is resumed: the reply arrives once, whole, model run once", async () => {
    for (let round = 0; round < 12; round++) {
      const { server, controller, proxy: cut, errors } = await start();
      cut.cutNext(300 + Math.floor(Math.random() * 4000));
      await controller.sendUserMessage({ text: "hi" });
      expect(errors).toEqual([]);
      expect(controller.state.error).toBeNull();
      expect(controller.state.items.map((i) => i.type)).toEqual([
        "user_message",
        "assistant_message",
      ]);
      const reply = controller.state.items[1] as { content: Array<{ text: string }> };
      expect(reply.content[0]?.text).toBe(FULL);
      expect(server.calls).toBe(1);
      expect(cut.cuts).toBe(1);
      await stopAll();
    }
  });

  it("stop sends threadkit.runs.stop; the reply ends cancelled and is marked interrupted", async () => {
    const { server, controller } = await start();
    const done = controller.sendUserMessage({ text: "hi" });
    // Stop as soon as the first words are on screen.
    await new Promise<void>((resolve) => {
      const check = () => {
        const reply = controller.state.items[1] as
          | { content?: Array<{ text: string }> }
          | undefined;
        if (reply?.content?.[0]?.text) resolve();
        else setTimeout(check, 1);
      };
      check();
    });
    controller.stop();
    await done;
    expect(server.calls).toBe(1);
    expect(controller.state.error).toMatchObject({ code: "interrupted", allowRetry: true });
    const reply = controller.state.items[1] as { content: Array<{ text: string }> };
    expect(reply.content[0]?.text.length).toBeLessThan(FULL.length);
  });
});
