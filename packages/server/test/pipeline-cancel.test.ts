import type { ThreadItem, ThreadStreamEvent } from "@threadkit/core";
import { Card, Text } from "@threadkit/core";
import { StreamingResult } from "@threadkit/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { assistant, ev, withThread } from "./helpers/pipeline.js";
import { type Event, type Hooks, now, USER, until, userInput } from "./helpers/server.js";

const CANCEL_NOTE = "The user cancelled the stream. Stop responding to the prior request.";

afterEach(() => vi.restoreAllMocks());

/**
 * Starts add_user_message with `respond`, reads events until `until(event)` is true, then stops
 * the stream the way `how` says (`later`: abort the signal while the next read is pending);
 * resolves with the events read.
 */
async function runAndStop(
  hooks: Hooks,
  stopWhen: (event: Event) => boolean,
  how: "cancel" | "break" | "signal" | "later",
) {
  const t = await withThread(hooks);
  const outer = new AbortController();
  const result = await t.server.process(
    JSON.stringify({
      type: "threads.add_user_message",
      params: { thread_id: t.threadId, input: userInput("Go") },
    }),
    USER,
    { signal: outer.signal },
  );
  if (!(result instanceof StreamingResult)) throw new Error("expected a stream");
  const events: Event[] = [];
  const iterator = result.events();
  for (;;) {
    const next = await iterator.next();
    if (next.done) break;
    events.push(next.value as Event);
    if (!stopWhen(next.value as Event)) continue;
    if (how === "break") {
      await iterator.return(undefined);
      break;
    }
    if (how === "cancel") result.cancel();
    else if (how === "signal") outer.abort();
    // While the next read is pending, so the handler is mid-await when the signal aborts.
    else setTimeout(() => outer.abort(), 30);
  }
  return { ...t, events, result };
}

/** A handler that streams the given events, then waits for its signal (a long model call). */
function streamsThenWaits(
  build: (threadId: string) => ThreadStreamEvent[],
  onSignal: (signal: AbortSignal) => void = () => undefined,
): Hooks["respond"] {
  return async function* (thread, _input, _ctx, { signal }) {
    onSignal(signal);
    for (const event of build(thread.id)) yield event;
    yield { type: "progress_update", text: "waiting" } as ThreadStreamEvent;
    await new Promise<void>((resolve) => signal.addEventListener("abort", () => resolve()));
  };
}
const waiting = (e: Event) => e.type === "progress_update" && e.text === "waiting";

describe("pipeline: cancellation", () => {
  it.each(["cancel", "signal", "break"] as const)(
    "test_stream_cancellation_persists_pending_assistant_message_and_hidden_context (%s)",
    async (how) => {
      let signal: AbortSignal | undefined;
      const t = await runAndStop(
        {
          respond: streamsThenWaits(
            (threadId) => [
              ev.added(assistant(threadId, "msg_p", "Hello, ")),
              ev.delta("msg_p", "World!"),
            ],
            (s) => {
              signal = s;
            },
          ),
        },
        waiting,
        how,
      );
      // The handler's signal aborts however the stream was stopped.
      await until(() => signal?.aborted === true);
      await until(async () => (await t.items()).length === 4);
      const items = await t.items();
      expect(items.map((i) => i.type)).toEqual([
        "user_message",
        "user_message",
        "assistant_message",
        "sdk_hidden_context",
      ]);
      expect(items[2]).toMatchObject({ id: "msg_p", content: [{ text: "Hello, World!" }] });
      expect(items[3]).toMatchObject({ content: CANCEL_NOTE, thread_id: t.threadId });
      expect(items[3]?.id).toMatch(/^shcx_/);
      // The stream ends without an error event.
      expect(t.events.map((e) => e.type)).not.toContain("error");
    },
  );

  it("test_stream_cancellation_does_not_persist_pending_empty_assistant_message; nor widgets or workflows", async () => {
    const t = await runAndStop(
      {
        respond: streamsThenWaits((threadId) => [
          ev.added(assistant(threadId, "msg_empty", "")),
          ev.added(assistant(threadId, "msg_blank", "  \n ")),
          ev.added({
            type: "widget",
            id: "wdg_p",
            thread_id: threadId,
            created_at: now(),
            widget: Card({ children: [Text({ value: "partial" })] }),
          } as ThreadItem),
          ev.added({
            type: "workflow",
            id: "wf_p",
            thread_id: threadId,
            created_at: now(),
            workflow: { type: "reasoning", tasks: [], expanded: false },
          } as unknown as ThreadItem),
        ]),
      },
      waiting,
      "cancel",
    );
    await until(async () => (await t.items()).length === 3);
    const items = await t.items();
    expect(items.map((i) => i.type)).toEqual([
      "user_message",
      "user_message",
      "sdk_hidden_context",
    ]);
    await expect(t.store.loadItem(t.threadId, "msg_empty", USER)).rejects.toMatchObject({
      name: "NotFoundError",
    });
  });

  it("applies every assistant update to the pending copy (parts, deltas, annotations, padding)", async () => {
    let pending: ThreadItem[] = [];
    const annotation = {
      type: "annotation",
      source: { type: "url", url: "https://a.example", title: "A" },
    };
    const t = await runAndStop(
      {
        respond: streamsThenWaits((threadId) => [
          ev.added({ ...assistant(threadId, "msg_u", ""), content: [] } as ThreadItem),
          ev.updated("msg_u", {
            type: "assistant_message.content_part.added",
            content_index: 1,
            content: { type: "output_text", text: "Second", annotations: [] },
          }),
          ev.delta("msg_u", " part", 1),
          ev.delta("msg_u", "First", 0),
          ev.updated("msg_u", {
            type: "assistant_message.content_part.annotation_added",
            content_index: 1,
            annotation_index: 5,
            annotation,
          }),
          ev.added(assistant(threadId, "msg_done", "x")),
          ev.updated("msg_done", {
            type: "assistant_message.content_part.done",
            content_index: 0,
            content: { type: "output_text", text: "Final text", annotations: [] },
          }),
        ]),
        handleStreamCancelled(_thread, items) {
          pending = items;
        },
      },
      waiting,
      "cancel",
    );
    await until(() => pending.length > 0);
    await until(async () => (await t.items()).length === 5);
    expect(pending.map((i) => i.id)).toEqual(["msg_u", "msg_done"]);
    expect((pending[0] as { content: unknown }).content).toEqual([
      { type: "output_text", text: "First", annotations: [] },
      { type: "output_text", text: "Second part", annotations: [annotation] },
    ]);
    expect(await t.store.loadItem(t.threadId, "msg_done", USER)).toMatchObject({
      content: [{ text: "Final text" }],
    });
  });

  it("a handler that ignores its signal is still cancelled; done items stay, pending ones are saved", async () => {
    const t = await runAndStop(
      {
        async *respond(thread) {
          yield ev.done(assistant(thread.id, "msg_done", "complete"));
          yield ev.added(assistant(thread.id, "msg_half", "half"));
          yield { type: "progress_update", text: "waiting" } as ThreadStreamEvent;
          await new Promise(() => undefined);
        },
      },
      waiting,
      "later",
    );
    await until(async () => (await t.items()).length === 5);
    expect((await t.items()).map((i) => i.id).slice(2, 4)).toEqual(["msg_done", "msg_half"]);
  });

  it("a handler whose model call rejects with AbortError takes the cancellation path, not an error", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const t = await runAndStop(
      {
        async *respond(thread, _input, _ctx, { signal }) {
          yield ev.added(assistant(thread.id, "msg_ab", "Partial"));
          yield { type: "progress_update", text: "waiting" } as ThreadStreamEvent;
          await new Promise((_resolve, reject) =>
            signal.addEventListener("abort", () =>
              reject(new DOMException("The operation was aborted", "AbortError")),
            ),
          );
        },
      },
      waiting,
      "later",
    );
    await until(async () => (await t.items()).length === 4);
    expect((await t.items()).map((i) => i.type).slice(2)).toEqual([
      "assistant_message",
      "sdk_hidden_context",
    ]);
    expect(t.events.map((e) => e.type)).not.toContain("error");
    expect(logged).not.toHaveBeenCalled();
  });

  it("a client that was gone before the stream started still gets the cancellation path", async () => {
    const t = await withThread({
      async *respond(thread) {
        yield ev.done(assistant(thread.id, "msg_never", "never"));
      },
    });
    const result = await t.server.process(
      JSON.stringify({
        type: "threads.add_user_message",
        params: { thread_id: t.threadId, input: userInput("Go") },
      }),
      USER,
      { signal: AbortSignal.abort() },
    );
    const events: Event[] = [];
    for await (const event of (result as StreamingResult).events()) events.push(event as Event);
    expect(events.map((e) => e.type)).toEqual(["thread.item.done", "stream_options"]);
    expect((await t.items()).map((i) => i.type)).toEqual([
      "user_message",
      "user_message",
      "sdk_hidden_context",
    ]);
  });

  it("a failing handleStreamCancelled is logged and the stream still ends", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const t = await runAndStop(
      {
        respond: streamsThenWaits(() => []),
        handleStreamCancelled() {
          throw new Error("store offline");
        },
      },
      waiting,
      "cancel",
    );
    expect(t.events.at(-1)).toMatchObject({ type: "progress_update" });
    await until(() => logged.mock.calls.length > 0);
    expect(String(logged.mock.calls[0]?.[0])).toContain("handleStreamCancelled failed");
  });
});
