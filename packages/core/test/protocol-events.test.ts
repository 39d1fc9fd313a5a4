import {
  parseWith,
  STREAM_EVENT_TYPES,
  schemas,
  type ThreadItemUpdate,
  type ThreadStreamEvent,
} from "@threadkit/core";
import { describe, expect, it } from "vitest";

const created_at = "2026-11-24T03:04:14.315767";
const thread = {
  id: "thr_1",
  title: "T",
  created_at,
  status: { type: "active" },
  metadata: {},
  items: { data: [], has_more: false },
};
const item = {
  id: "msg_1",
  thread_id: "thr_1",
  created_at,
  type: "assistant_message",
  content: [{ type: "output_text", text: "Hi", annotations: [] }],
};
const content = { type: "output_text", text: "Hello", annotations: [] };
const task = { type: "thought", content: "Hmm", status_indicator: "loading" };

/** One example of each of the 10 item updates. */
const updates: Record<ThreadItemUpdate["type"], Record<string, unknown>> = {
  "assistant_message.content_part.added": {
    type: "assistant_message.content_part.added",
    content_index: 0,
    content,
  },
  "assistant_message.content_part.text_delta": {
    type: "assistant_message.content_part.text_delta",
    content_index: 0,
    delta: "lo",
  },
  "assistant_message.content_part.annotation_added": {
    type: "assistant_message.content_part.annotation_added",
    content_index: 0,
    annotation_index: 1,
    annotation: { type: "annotation", source: { type: "file", title: "R", filename: "r.pdf" } },
  },
  "assistant_message.content_part.done": {
    type: "assistant_message.content_part.done",
    content_index: 1,
    content,
  },
  "widget.streaming_text.value_delta": {
    type: "widget.streaming_text.value_delta",
    component_id: "t1",
    delta: "more",
    done: false,
  },
  "widget.root.updated": {
    type: "widget.root.updated",
    widget: { type: "Card", children: [{ type: "Text", value: "x" }] },
  },
  "widget.component.updated": {
    type: "widget.component.updated",
    component_id: "t1",
    component: { type: "Text", id: "t1", value: "y" },
  },
  "workflow.task.added": { type: "workflow.task.added", task_index: 0, task },
  "workflow.task.updated": {
    type: "workflow.task.updated",
    task_index: 0,
    task: { ...task, status_indicator: "complete" },
  },
  "generated_image.updated": {
    type: "generated_image.updated",
    image: { id: "img_1", url: "https://x/i.png" },
    progress: 0.5,
  },
};

/** One example of each of the 12 stream events. */
const events: Record<ThreadStreamEvent["type"], Record<string, unknown>> = {
  "thread.created": { type: "thread.created", thread },
  "thread.updated": { type: "thread.updated", thread: { ...thread, title: "New" } },
  "thread.item.added": { type: "thread.item.added", item },
  "thread.item.updated": {
    type: "thread.item.updated",
    item_id: "msg_1",
    update: updates["assistant_message.content_part.text_delta"],
  },
  "thread.item.done": { type: "thread.item.done", item },
  "thread.item.removed": { type: "thread.item.removed", item_id: "msg_1" },
  "thread.item.replaced": { type: "thread.item.replaced", item },
  stream_options: { type: "stream_options", stream_options: { allow_cancel: true } },
  progress_update: { type: "progress_update", icon: "search", text: "Searching" },
  client_effect: { type: "client_effect", name: "confetti", data: { n: 3 } },
  error: { type: "error", code: "custom", message: "Oops", allow_retry: false },
  notice: { type: "notice", level: "warning", message: "**Careful**", title: "Heads up" },
};

describe("ThreadItemUpdate", () => {
  it("covers the 10 update types", () => {
    expect(Object.keys(updates)).toHaveLength(10);
    expect(schemas.ThreadItemUpdate.options).toHaveLength(10);
  });

  for (const [type, update] of Object.entries(updates)) {
    it(`parses ${type}`, () => {
      expect(schemas.ThreadItemUpdate.parse(update)).toEqual(update);
      const event = { type: "thread.item.updated", item_id: "x", update };
      expect(schemas.ThreadStreamEvent.parse(event)).toEqual(event);
    });
  }

  it("rejects bad updates by path", () => {
    expect(
      parseWith(schemas.ThreadStreamEvent, {
        type: "thread.item.updated",
        item_id: "x",
        update: { type: "workflow.task.added", task_index: -1, task },
      }),
    ).toEqual({ ok: false, message: "update.task_index: expected at least 0" });
    expect(
      parseWith(schemas.ThreadItemUpdate, { ...updates["generated_image.updated"], progress: 2 }),
    ).toEqual({ ok: false, message: "progress: expected at most 1" });
    expect(
      parseWith(schemas.ThreadItemUpdate, {
        type: "widget.streaming_text.value_delta",
        delta: "x",
      }),
    ).toEqual({ ok: false, message: "component_id: required; done: required" });
  });
});

describe("ThreadStreamEvent", () => {
  it("covers the 12 event types", () => {
    expect(Object.keys(events)).toHaveLength(12);
    expect(schemas.ThreadStreamEvent.options).toHaveLength(12);
  });

  it("STREAM_EVENT_TYPES lists exactly the schema's event types", () => {
    const fromSchema = schemas.ThreadStreamEvent.options.map((o) => o.shape.type.value);
    expect([...STREAM_EVENT_TYPES].sort()).toEqual(fromSchema.sort());
  });

  for (const [type, event] of Object.entries(events)) {
    it(`parses ${type}`, () => {
      expect(schemas.ThreadStreamEvent.parse(event)).toEqual(event);
    });
  }

  it("fills ChatKit's defaults", () => {
    expect(schemas.ThreadStreamEvent.parse({ type: "error" })).toEqual({
      type: "error",
      code: "custom",
      allow_retry: false,
    });
    expect(schemas.ThreadStreamEvent.parse({ type: "client_effect", name: "x" })).toEqual({
      type: "client_effect",
      name: "x",
      data: {},
    });
    expect(
      schemas.ErrorEvent.parse({ type: "error", code: "stream.error", allow_retry: true }).code,
    ).toBe("stream.error");
  });

  it("keeps ThreadItemUpdated as an alias", () => {
    expect(schemas.ThreadItemUpdated).toBe(schemas.ThreadItemUpdatedEvent);
  });

  it("rejects bad events by path", () => {
    expect(
      parseWith(schemas.ThreadStreamEvent, { type: "notice", level: "fatal", message: "x" }),
    ).toEqual({
      ok: false,
      message: 'level: expected one of "info" | "warning" | "danger"',
    });
    expect(
      parseWith(schemas.ThreadStreamEvent, {
        type: "thread.created",
        thread: { ...thread, id: 1 },
      }),
    ).toEqual({
      ok: false,
      message: "thread.id: expected string",
    });
  });

  it("parses the sync action response", () => {
    expect(schemas.SyncCustomActionResponse.parse({})).toEqual({});
    expect(schemas.SyncCustomActionResponse.parse({ updated_item: item })).toEqual({
      updated_item: item,
    });
  });
});
