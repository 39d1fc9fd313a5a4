import { actionSet, defineAction, type ThreadStreamEvent, z } from "@threadkit/core";
import { CustomStreamError, StreamError } from "@threadkit/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { assistant, ev, streamOf, withThread } from "./helpers/pipeline.js";

const types = (events: Array<{ type: string }>) => events.map((e) => e.type);

afterEach(() => vi.restoreAllMocks());

describe("pipeline: errors and forwarded events", () => {
  it("maps StreamError, CustomStreamError and anything else to error events, then ends", async () => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    const cases: Array<[unknown, Record<string, unknown>]> = [
      [new StreamError(), { code: "stream.error", allow_retry: true }],
      [
        new StreamError("stream.error", { allowRetry: false }),
        { code: "stream.error", allow_retry: false },
      ],
      [new StreamError("rate_limited"), { code: "rate_limited", allow_retry: false }],
      [
        new StreamError("rate_limited", { allowRetry: true }),
        { code: "rate_limited", allow_retry: true },
      ],
      [
        new CustomStreamError("Calendar is down"),
        { code: "custom", message: "Calendar is down", allow_retry: false },
      ],
      [
        new CustomStreamError("Try again", { allowRetry: true }),
        { code: "custom", message: "Try again", allow_retry: true },
      ],
      [new Error("secret internals"), { code: "stream.error", allow_retry: true }],
      [new TypeError("x is undefined"), { code: "stream.error", allow_retry: true }],
      ["a string", { code: "stream.error", allow_retry: true }],
    ];
    for (const [error, expected] of cases) {
      const t = await withThread({
        async *respond(thread) {
          yield ev.done(assistant(thread.id, "msg_before", "before"));
          throw error;
        },
      });
      const events = await t.send();
      expect(events.at(-1)).toEqual({ type: "error", ...expected });
      expect(types(events)).toEqual([
        "thread.item.done",
        "stream_options",
        "thread.item.done",
        "error",
      ]);
      expect((await t.items()).map((i) => i.id)).toContain("msg_before");
    }
  });

  it("an action the app's actionSet rejects is a custom error naming the field, not retried or logged", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const set = actionSet(defineAction("greet", z.object({ name: z.string() })));
    const t = await withThread({
      async *respond() {
        set.parse({ type: "greet", payload: { name: 5 } });
      },
    });
    const events = await t.send();
    expect(events.at(-1)).toEqual({
      type: "error",
      code: "custom",
      message: 'Invalid payload for action "greet": payload.name: expected string, received number',
      allow_retry: false,
    });
    expect(logged).not.toHaveBeenCalled();
  });

  it("a yielded value that is not an event becomes stream.error; the handler is not resumed", async () => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    for (const bad of [
      null,
      42,
      { type: "nope" },
      { type: "thread.item.done" },
      { type: "thread.item.updated", item_id: "x" },
    ]) {
      let resumed = false;
      const t = await withThread({
        async *respond() {
          yield bad as ThreadStreamEvent;
          resumed = true;
        },
      });
      const events = await t.send();
      expect(events.slice(1)).toEqual([
        { type: "stream_options", stream_options: { allow_cancel: true } },
        { type: "error", code: "stream.error", allow_retry: true },
      ]);
      expect(resumed).toBe(false);
    }
  });

  it("forwards progress_update, client_effect, notice and handler-yielded errors unchanged", async () => {
    const forwarded = [
      { type: "progress_update", icon: "search", text: "Searching" },
      { type: "client_effect", name: "confetti", data: { count: 3 } },
      { type: "notice", level: "warning", message: "**Heads up**", title: "Note" },
      { type: "error", code: "custom", message: "Soft failure", allow_retry: true },
      { type: "progress_update", text: "After the error" },
    ];
    const t = await withThread({
      async *respond() {
        for (const event of forwarded) yield event as ThreadStreamEvent;
      },
    });
    const events = await t.send();
    expect(events.slice(2)).toEqual(forwarded);
    expect(await t.items()).toHaveLength(2);
  });

  it("the default action() reports stream.error (allow_retry true) after stream_options", async () => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    const t = await withThread();
    const events = await streamOf(t.server, "threads.custom_action", {
      thread_id: t.threadId,
      action: { type: "anything" },
    });
    expect(events).toEqual([
      { type: "stream_options", stream_options: { allow_cancel: true } },
      { type: "error", code: "stream.error", allow_retry: true },
    ]);
  });

  it("a store failure while adding the user message ends the stream with an error event", async () => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    const t = await withThread();
    t.store.addThreadItem = async () => {
      throw new Error("disk full");
    };
    const events = await t.send();
    expect(events).toEqual([{ type: "error", code: "stream.error", allow_retry: true }]);
  });
});
