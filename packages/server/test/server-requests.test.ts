import type { ThreadStreamEvent } from "@threadkit/core";
import { describe, expect, it } from "vitest";
import { createThread, echo, setup } from "./helpers/requests.js";
import { assistantMessage, now, USER, userInput } from "./helpers/server.js";

describe("threads.create", () => {
  it("test_creates_thread: thread.created without title, then the user message", async () => {
    const { client } = setup({ respond: echo as never });
    const events = await client.stream("threads.create", {
      input: userInput("Hello, world", { quoted_text: "a quote" }),
    });
    expect(events.map((e) => e.type)).toEqual([
      "thread.created",
      "thread.item.done",
      "stream_options",
      "thread.item.done",
    ]);
    const thread = events[0]?.thread as Record<string, unknown>;
    expect(thread.title).toBeUndefined();
    expect(thread.metadata).toEqual({});
    expect(thread.items).toEqual({ data: [], has_more: false });
    expect(thread).not.toHaveProperty("allowed_image_domains");
    const user = events[1]?.item as Record<string, unknown>;
    expect(user.type).toBe("user_message");
    expect(user.content).toEqual([{ type: "input_text", text: "Hello, world" }]);
    expect(user.quoted_text).toBe("a quote");
    expect(events[2]).toEqual({ type: "stream_options", stream_options: { allow_cancel: true } });
  });

  it("test_threads_create_passes_tools_to_responder", async () => {
    const seen: unknown[] = [];
    const { client } = setup({
      async *respond(_t, input) {
        seen.push(input?.inference_options);
      },
    });
    await client.stream("threads.create", {
      input: userInput("hi", { inference_options: { tool_choice: { id: "search" }, model: "m" } }),
    });
    expect(seen).toEqual([{ tool_choice: { id: "search" }, model: "m" }]);
  });

  it("test_custom_id_generators_on_server: the store's id generators are used", async () => {
    const { store, client } = setup();
    let n = 0;
    store.generateThreadId = () => `thr_custom_${++n}`;
    store.generateItemId = (kind, thread) => `${kind}_custom_${++n}_${thread.id}`;
    const events = await client.stream("threads.create", { input: userInput("x") });
    expect((events[0]?.thread as { id: string }).id).toBe("thr_custom_1");
    expect((events[1]?.item as { id: string }).id).toBe("message_custom_2_thr_custom_1");
  });

  it("test_flows_context_to_responder (and to add_feedback)", async () => {
    const contexts: unknown[] = [];
    const { client } = setup({
      async *respond(_t, _i, ctx) {
        contexts.push(ctx);
      },
      addFeedback: (_t, _i, _k, ctx) => contexts.push(ctx),
    });
    const { threadId } = await createThread(client, "hi", { userId: "alice" });
    await client.json(
      "items.feedback",
      { thread_id: threadId, item_ids: ["x"], kind: "positive" },
      { userId: "alice" },
    );
    expect(contexts).toEqual([{ userId: "alice" }, { userId: "alice" }]);
  });
});

describe("threads.add_user_message", () => {
  it("adds the message and streams respond; test_threads_add_message_passes_tools_to_responder", async () => {
    const inputs: unknown[] = [];
    const { client, store } = setup({
      async *respond(thread, input) {
        inputs.push(input?.inference_options);
        yield* echo(thread, input as never);
      },
    });
    const { threadId } = await createThread(client);
    const events = await client.stream("threads.add_user_message", {
      thread_id: threadId,
      input: userInput("Again", { inference_options: { tool_choice: { id: "calc" } } }),
    });
    expect(events.map((e) => e.type)).toEqual([
      "thread.item.done",
      "stream_options",
      "thread.item.done",
    ]);
    expect(inputs[1]).toEqual({ tool_choice: { id: "calc" } });
    const page = await store.loadThreadItems(threadId, null, 10, "asc", USER);
    expect(page.data.map((i) => i.type)).toEqual([
      "user_message",
      "assistant_message",
      "user_message",
      "assistant_message",
    ]);
  });
});

describe("threads.add_client_tool_output", () => {
  it("test_respond_with_tool_call: 4 events on create, then exactly 2", async () => {
    const inputs: unknown[] = [];
    const { client, store } = setup({
      async *respond(thread, input) {
        inputs.push(input);
        if (input) {
          yield {
            type: "thread.item.done",
            item: {
              type: "client_tool_call",
              id: "tc_1",
              thread_id: thread.id,
              created_at: now(),
              status: "pending",
              call_id: "call_1",
              name: "get_location",
              arguments: { precise: true },
            },
          } as ThreadStreamEvent;
        } else {
          yield {
            type: "thread.item.done",
            item: assistantMessage(thread.id, "msg_a", "Done"),
          } as ThreadStreamEvent;
        }
      },
    });
    const { events, threadId } = await createThread(client);
    expect(events.map((e) => e.type)).toEqual([
      "thread.created",
      "thread.item.done",
      "stream_options",
      "thread.item.done",
    ]);
    expect(events[3]?.item).toMatchObject({
      id: "tc_1",
      name: "get_location",
      arguments: { precise: true },
      call_id: "call_1",
    });
    const more = await client.stream("threads.add_client_tool_output", {
      thread_id: threadId,
      result: { lat: 1 },
    });
    expect(more.map((e) => e.type)).toEqual(["stream_options", "thread.item.done"]);
    expect((more[1]?.item as { type: string }).type).toBe("assistant_message");
    expect(inputs[1]).toBeNull();
    const call = await store.loadItem(threadId, "tc_1", USER);
    expect(call).toMatchObject({ status: "completed", output: { lat: 1 } });
  });

  it("answers 400 when the newest item is not a pending tool call", async () => {
    const { client } = setup({ respond: echo as never });
    const { threadId } = await createThread(client);
    const res = await client.post({
      type: "threads.add_client_tool_output",
      params: { thread_id: threadId, result: 1 },
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("invalid_request");
  });
});

describe("threads.retry_after_item", () => {
  it("test_retry_after_item: [stream_options, done(new assistant)] and 2 items again", async () => {
    const inputs: unknown[] = [];
    let n = 0;
    const { client, store } = setup({
      async *respond(thread, input) {
        inputs.push(input);
        yield {
          type: "thread.item.done",
          item: assistantMessage(thread.id, `msg_r${++n}`, `answer ${n}`),
        } as ThreadStreamEvent;
      },
    });
    const { events, threadId } = await createThread(client);
    const userId = (events[1]?.item as { id: string }).id;
    const retry = await client.stream("threads.retry_after_item", {
      thread_id: threadId,
      item_id: userId,
    });
    expect(retry.map((e) => e.type)).toEqual(["stream_options", "thread.item.done"]);
    expect(inputs[0]).toEqual(inputs[1]);
    const items = (await store.loadThreadItems(threadId, null, 10, "asc", USER)).data;
    expect(items.map((i) => i.id)).toEqual([userId, "msg_r2"]);
    expect((items[1] as { content: Array<{ text: string }> }).content[0]?.text).toBe("answer 2");
  });

  it("test_retry_after_item_invalid_item: 400 'is not a user message'", async () => {
    const { client } = setup({ respond: echo as never });
    const { events, threadId } = await createThread(client);
    const assistantId = (events[3]?.item as { id: string }).id;
    const res = await client.post({
      type: "threads.retry_after_item",
      params: { thread_id: threadId, item_id: assistantId },
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/is not a user message/);
  });

  it("test_retry_after_item_with_multiple_messages: only the last answer is regenerated", async () => {
    const { client, store } = setup({ respond: echo as never });
    const { threadId } = await createThread(client, "First message");
    const second = await client.stream("threads.add_user_message", {
      thread_id: threadId,
      input: userInput("Second message"),
    });
    const before = (await store.loadThreadItems(threadId, null, 10, "asc", USER)).data;
    const u2 = (second[0]?.item as { id: string }).id;
    await client.stream("threads.retry_after_item", { thread_id: threadId, item_id: u2 });
    const after = (await store.loadThreadItems(threadId, null, 10, "asc", USER)).data;
    expect(after).toHaveLength(4);
    expect(after.slice(0, 3)).toEqual(before.slice(0, 3));
    expect(after[3]?.id).not.toBe(before[3]?.id);
    expect((after[3] as { content: Array<{ text: string }> }).content[0]?.text).toBe(
      "Response to: Second message",
    );
  });

  it("an unknown item id gives an empty stream", async () => {
    const { client } = setup({ respond: echo as never });
    const { threadId } = await createThread(client);
    const events = await client.stream("threads.retry_after_item", {
      thread_id: threadId,
      item_id: "nope",
    });
    expect(events).toEqual([]);
  });
});
