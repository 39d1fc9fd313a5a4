import type { ThreadItem, ThreadStreamEvent } from "@threadkit/core";
import { StreamingResult } from "@threadkit/server";
import {
  type Ctx,
  type Event,
  type Hooks,
  makeStore,
  now,
  TestServer,
  USER,
  userInput,
} from "./server.js";

/** Runs a streaming request through `server.process` and collects its wire events. */
export async function streamOf(
  server: TestServer,
  type: string,
  params: Record<string, unknown>,
  ctx: Ctx = USER,
): Promise<Event[]> {
  const result = await server.process(JSON.stringify({ type, params }), ctx);
  if (!(result instanceof StreamingResult)) throw new Error(`${type} did not stream`);
  const events: Event[] = [];
  for await (const event of result.events()) events.push(event as Event);
  return events;
}

/**
 * A server with `hooks` on a fresh MemoryStore and a thread with one user message (created
 * before `hooks.respond` is installed, so it only runs for later requests).
 */
export async function withThread(hooks: Hooks = {}) {
  const store = makeStore();
  const server = new TestServer(store, { ...hooks, respond: undefined });
  const created = await streamOf(server, "threads.create", { input: userInput("Hi") });
  const threadId = (created[0]?.thread as { id: string }).id;
  server.hooks.respond = hooks.respond;
  const items = async (): Promise<ThreadItem[]> =>
    (await store.loadThreadItems(threadId, null, 1000, "asc", USER)).data;
  const send = (text = "Go") =>
    streamOf(server, "threads.add_user_message", { thread_id: threadId, input: userInput(text) });
  return { store, server, threadId, items, send };
}

/** An assistant message item. */
export function assistant(threadId: string, id: string, text: string): ThreadItem {
  return {
    type: "assistant_message",
    id,
    thread_id: threadId,
    created_at: now(),
    content: [{ type: "output_text", text, annotations: [] }],
  } as ThreadItem;
}

export const ev = {
  added: (item: ThreadItem) => ({ type: "thread.item.added", item }) as ThreadStreamEvent,
  done: (item: ThreadItem) => ({ type: "thread.item.done", item }) as ThreadStreamEvent,
  replaced: (item: ThreadItem) => ({ type: "thread.item.replaced", item }) as ThreadStreamEvent,
  removed: (item_id: string) => ({ type: "thread.item.removed", item_id }) as ThreadStreamEvent,
  updated: (item_id: string, update: Record<string, unknown>) =>
    ({ type: "thread.item.updated", item_id, update }) as ThreadStreamEvent,
  delta: (item_id: string, delta: string, content_index = 0) =>
    ({
      type: "thread.item.updated",
      item_id,
      update: { type: "assistant_message.content_part.text_delta", content_index, delta },
    }) as ThreadStreamEvent,
};
