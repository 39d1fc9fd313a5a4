import type { ThreadItem, ThreadStreamEvent } from "@threadkit/core";
import { Button, Card, Text } from "@threadkit/core";
import { describe, expect, it } from "vitest";
import { createThread, setup } from "./helpers/requests.js";
import { assistantMessage, now, type TestServer, USER } from "./helpers/server.js";

describe("threads.add_structured_input", () => {
  async function withQuestion(inputs: unknown[]) {
    const ctx = setup({
      async *respond(thread, input) {
        if (input) {
          yield {
            type: "thread.item.done",
            item: {
              type: "structured_input",
              id: "si_1",
              thread_id: thread.id,
              created_at: now(),
              status: "pending",
              inputs,
            },
          } as ThreadStreamEvent;
        } else {
          yield {
            type: "thread.item.done",
            item: assistantMessage(thread.id, "msg_after", "Thanks"),
          } as ThreadStreamEvent;
        }
      },
    });
    const { threadId } = await createThread(ctx.client);
    return { ...ctx, threadId };
  }
  const subject = {
    type: "multiple_choice",
    id: "subject",
    question: "Which class?",
    options: [{ value: "Math" }, { value: "Science" }],
    multiple: false,
  };
  const note = { type: "freeform", id: "note", question: "Anything else?" };

  it("test_add_structured_input_replaces_item_with_custom_answer_and_resumes_response", async () => {
    const { client, store, threadId } = await withQuestion([subject]);
    const events = await client.stream("threads.add_structured_input", {
      thread_id: threadId,
      item_id: "si_1",
      input: { status: "answered", answers: { subject: { values: ["Private class"] } } },
    });
    expect(events.map((e) => e.type)).toEqual([
      "stream_options",
      "thread.item.replaced",
      "thread.item.done",
    ]);
    const replaced = events[1]?.item as Record<string, unknown>;
    expect(replaced.status).toBe("answered");
    expect((replaced.inputs as Array<{ answer: unknown }>)[0]?.answer).toEqual({
      values: ["Private class"],
      skipped: false,
    });
    const stored = await store.loadItem(threadId, "si_1", USER);
    expect(JSON.parse(JSON.stringify(stored))).toMatchObject(replaced);
  });

  it("test_add_structured_input_treats_omitted_answers_as_skipped", async () => {
    const { client, threadId } = await withQuestion([subject, note]);
    const events = await client.stream("threads.add_structured_input", {
      thread_id: threadId,
      item_id: "si_1",
      input: { answers: { subject: { values: ["Math"] } } },
    });
    const inputs = (events[1]?.item as { inputs: Array<{ answer: unknown }> }).inputs;
    expect(inputs.map((i) => i.answer)).toEqual([
      { values: ["Math"], skipped: false },
      { values: [], skipped: true },
    ]);
  });

  it("test_add_structured_input_ignores_unknown_answer_ids", async () => {
    const { client, threadId } = await withQuestion([subject]);
    const events = await client.stream("threads.add_structured_input", {
      thread_id: threadId,
      item_id: "si_1",
      input: { answers: { subject: { values: ["Science"] }, ghost: { values: ["x"] } } },
    });
    const inputs = (events[1]?.item as { inputs: Array<{ id: string; answer: unknown }> }).inputs;
    expect(inputs).toHaveLength(1);
    expect(inputs[0]?.answer).toEqual({ values: ["Science"], skipped: false });
  });

  it("test_add_structured_input_truncates_extra_single_choice_values", async () => {
    const { client, store, threadId } = await withQuestion([subject]);
    await client.stream("threads.add_structured_input", {
      thread_id: threadId,
      item_id: "si_1",
      input: { answers: { subject: { values: ["Math", "Science"] } } },
    });
    const stored = (await store.loadItem(threadId, "si_1", USER)) as ThreadItem & {
      status: string;
      inputs: Array<{ answer: unknown }>;
    };
    expect(stored.status).toBe("answered");
    expect(stored.inputs[0]?.answer).toEqual({ values: ["Math"], skipped: false });
  });

  it("answers 400 for an item that is not a pending structured input", async () => {
    const { client, threadId } = await withQuestion([subject]);
    const answer = { answers: { subject: { values: ["Math"] } } };
    await client.stream("threads.add_structured_input", {
      thread_id: threadId,
      item_id: "si_1",
      input: answer,
    });
    const again = await client.post({
      type: "threads.add_structured_input",
      params: { thread_id: threadId, item_id: "si_1", input: answer },
    });
    expect(again.status).toBe(400);
    const wrong = await client.post({
      type: "threads.add_structured_input",
      params: { thread_id: threadId, item_id: "msg_after", input: answer },
    });
    expect(wrong.status).toBe(400);
  });
});

describe("threads.custom_action and threads.sync_custom_action", () => {
  const original = Card({
    children: [
      Text({ value: "Create user?" }),
      Button({ label: "Toggle", onClickAction: { type: "toggle" } }),
    ],
    confirm: { label: "Create", action: { type: "create_user", payload: { user_id: "123" } } },
  });
  const updatedCard = Card({ children: [Text({ value: "User created" })] });

  async function withWidget(hooks: ConstructorParameters<typeof TestServer>[1]) {
    const ctx = setup({
      ...hooks,
      async *respond(thread) {
        yield {
          type: "thread.item.done",
          item: {
            type: "widget",
            id: "wdg_1",
            thread_id: thread.id,
            created_at: now(),
            widget: original,
          },
        } as ThreadStreamEvent;
      },
    });
    const { threadId, events } = await createThread(ctx.client);
    return { ...ctx, threadId, userItemId: (events[1]?.item as { id: string }).id };
  }

  it("test_calls_action: action() gets the action and the stored sender; stream is [stream_options, updated]", async () => {
    const calls: unknown[] = [];
    const { client, store, server, threadId } = await withWidget({
      async *action(thread, action, sender, ctx) {
        calls.push({ action, sender });
        if (sender) yield* server.replaceWidgetRoot(thread, sender, updatedCard, ctx);
      },
    });
    const events = await client.stream("threads.custom_action", {
      thread_id: threadId,
      item_id: "wdg_1",
      action: { type: "create_user", payload: { user_id: "123" } },
    });
    const stored = await store.loadItem(threadId, "wdg_1", USER);
    expect(calls).toHaveLength(1);
    expect((calls[0] as { action: unknown }).action).toEqual({
      type: "create_user",
      payload: { user_id: "123" },
    });
    expect((calls[0] as { sender: { id: string } }).sender.id).toBe("wdg_1");
    expect(events).toEqual([
      { type: "stream_options", stream_options: { allow_cancel: true } },
      {
        type: "thread.item.updated",
        item_id: "wdg_1",
        update: { type: "widget.root.updated", widget: JSON.parse(JSON.stringify(updatedCard)) },
      },
    ]);
    expect((stored as { widget: unknown }).widget).toEqual(JSON.parse(JSON.stringify(updatedCard)));
  });

  it("a custom action without item_id gets sender null; the default action() reports stream.error", async () => {
    const senders: unknown[] = [];
    const { client, threadId } = await withWidget({
      async *action(_t, _a, sender) {
        senders.push(sender);
      },
    });
    const events = await client.stream("threads.custom_action", {
      thread_id: threadId,
      action: { type: "go" },
    });
    expect(events.map((e) => e.type)).toEqual(["stream_options"]);
    expect(senders).toEqual([null]);
    const plain = setup();
    const t = await createThread(plain.client);
    const failed = await plain.client.stream("threads.custom_action", {
      thread_id: t.threadId,
      action: { type: "go" },
    });
    expect(failed).toEqual([
      { type: "stream_options", stream_options: { allow_cancel: true } },
      { type: "error", code: "stream.error", allow_retry: true },
    ]);
  });

  it("an action on a non-widget item gets one error event and no stream_options", async () => {
    const { client, threadId, userItemId } = await withWidget({});
    const events = await client.stream("threads.custom_action", {
      thread_id: threadId,
      item_id: userItemId,
      action: { type: "go" },
    });
    expect(events).toEqual([{ type: "error", code: "stream.error", allow_retry: false }]);
  });

  it("a missing item or thread is a 404 before the stream starts", async () => {
    const { client, threadId } = await withWidget({});
    for (const params of [
      { thread_id: threadId, item_id: "missing", action: { type: "go" } },
      { thread_id: "thr_missing", item_id: "wdg_1", action: { type: "go" } },
    ]) {
      const res = await client.post({ type: "threads.custom_action", params });
      expect(res.status).toBe(404);
      expect(res.headers.get("content-type")).toBe("application/json");
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("not_found");
    }
  });

  it("test_calls_action_sync: JSON {updated_item} equals the sender with the new widget", async () => {
    const { client, threadId } = await withWidget({
      async syncAction(_t, action, sender) {
        expect(action).toEqual({ type: "toggle", payload: null });
        return { updated_item: sender ? { ...sender, widget: updatedCard } : null };
      },
    });
    const res = await client.json<{ updated_item: Record<string, unknown> }>(
      "threads.sync_custom_action",
      {
        thread_id: threadId,
        item_id: "wdg_1",
        action: { type: "toggle" },
      },
    );
    expect(res.updated_item.id).toBe("wdg_1");
    expect(res.updated_item.widget).toEqual(JSON.parse(JSON.stringify(updatedCard)));
  });

  it("sync action: {} when nothing is updated, 400 for a non-widget sender, 501 by default", async () => {
    const { client, threadId, userItemId } = await withWidget({ syncAction: async () => ({}) });
    expect(
      await client.json("threads.sync_custom_action", {
        thread_id: threadId,
        action: { type: "x" },
      }),
    ).toEqual({});
    const bad = await client.post({
      type: "threads.sync_custom_action",
      params: { thread_id: threadId, item_id: userItemId, action: { type: "x" } },
    });
    expect(bad.status).toBe(400);
    const plain = setup();
    const t = await createThread(plain.client);
    const res = await plain.client.post({
      type: "threads.sync_custom_action",
      params: { thread_id: t.threadId, action: { type: "x" } },
    });
    expect(res.status).toBe(501);
  });
});
