import {
  type Annotation,
  type AssistantMessageItem,
  applyItemUpdate,
  applyWidgetUpdate,
  type GeneratedImageItem,
  type ThreadItem,
  type ThreadItemUpdate,
  type WidgetItem,
  type WidgetRoot,
  type WorkflowItem,
} from "@threadkit/core";
import { describe, expect, it } from "vitest";

const base = { thread_id: "thr_1", created_at: "2026-11-24T04:00:00Z" };

function assistant(content: AssistantMessageItem["content"] = []): AssistantMessageItem {
  return { ...base, id: "msg_1", type: "assistant_message", content };
}

function workflow(): WorkflowItem {
  return {
    ...base,
    id: "wf_1",
    type: "workflow",
    workflow: {
      type: "reasoning",
      tasks: [{ type: "thought", content: "first", status_indicator: "loading" }],
      expanded: false,
    },
  };
}

const root = {
  type: "Card",
  children: [
    { type: "Title", value: "Weather" },
    {
      type: "Col",
      children: [
        { type: "Text", id: "body", value: "It is ", streaming: true },
        { type: "Markdown", id: "md", value: "**a**" },
        { type: "Transition", children: { type: "Badge", id: "badge", label: "Old" } },
      ],
    },
    { type: "Text", id: "other", value: "untouched" },
  ],
} as unknown as WidgetRoot;

function widget(): WidgetItem {
  return { ...base, id: "wid_1", type: "widget", widget: structuredClone(root) };
}

const url: Annotation = {
  type: "annotation",
  source: { type: "url", title: "A", url: "https://a.example" },
};
const file: Annotation = {
  type: "annotation",
  source: { type: "file", title: "B", filename: "b.pdf" },
};

/** Applies updates in order, checking that no input is ever modified. */
function applyAll(item: ThreadItem, updates: ThreadItemUpdate[]): ThreadItem {
  let current = item;
  for (const update of updates) {
    const itemBefore = structuredClone(current);
    const updateBefore = structuredClone(update);
    const next = applyItemUpdate(current, update);
    expect(current).toEqual(itemBefore);
    expect(update).toEqual(updateBefore);
    current = next;
  }
  return current;
}

describe("applyItemUpdate: assistant messages", () => {
  it("pads content up to content_index, then appends text deltas", () => {
    const item = applyAll(assistant(), [
      { type: "assistant_message.content_part.text_delta", content_index: 1, delta: "Hel" },
      { type: "assistant_message.content_part.text_delta", content_index: 1, delta: "lo" },
    ]) as AssistantMessageItem;
    expect(item.content).toEqual([
      { type: "output_text", text: "", annotations: [] },
      { type: "output_text", text: "Hello", annotations: [] },
    ]);
  });

  it("content_part.added sets the part and content_part.done replaces it", () => {
    const item = applyAll(assistant([{ type: "output_text", text: "old", annotations: [] }]), [
      {
        type: "assistant_message.content_part.added",
        content_index: 0,
        content: { type: "output_text", text: "", annotations: [] },
      },
      { type: "assistant_message.content_part.text_delta", content_index: 0, delta: "partial" },
      {
        type: "assistant_message.content_part.done",
        content_index: 0,
        content: { type: "output_text", text: "final", annotations: [url] },
      },
    ]) as AssistantMessageItem;
    expect(item.content).toEqual([{ type: "output_text", text: "final", annotations: [url] }]);
  });

  it("annotation_added inserts at annotation_index, or appends past the end", () => {
    const item = applyAll(assistant([{ type: "output_text", text: "x", annotations: [] }]), [
      {
        type: "assistant_message.content_part.annotation_added",
        content_index: 0,
        annotation_index: 0,
        annotation: url,
      },
      {
        type: "assistant_message.content_part.annotation_added",
        content_index: 0,
        annotation_index: 0,
        annotation: file,
      },
      {
        type: "assistant_message.content_part.annotation_added",
        content_index: 0,
        annotation_index: 99,
        annotation: { ...url, index: 3 },
      },
    ]) as AssistantMessageItem;
    expect(item.content[0]?.annotations).toEqual([file, url, { ...url, index: 3 }]);
  });

  it("does not alias the update's content in the result", () => {
    const update: ThreadItemUpdate = {
      type: "assistant_message.content_part.done",
      content_index: 0,
      content: { type: "output_text", text: "t", annotations: [url] },
    };
    const item = applyItemUpdate(assistant(), update) as AssistantMessageItem;
    expect(item.content[0]).toEqual(update.content);
    expect(item.content[0]).not.toBe(update.content);
  });

  it("ignores an absurd content_index instead of allocating", () => {
    const item = assistant();
    const update: ThreadItemUpdate = {
      type: "assistant_message.content_part.text_delta",
      content_index: 1e9,
      delta: "x",
    };
    expect(applyItemUpdate(item, update)).toBe(item);
  });
});

describe("applyItemUpdate: workflows", () => {
  it("task.added appends and task.updated replaces by index", () => {
    const item = applyAll(workflow(), [
      {
        type: "workflow.task.added",
        task_index: 1,
        task: { type: "custom", title: "Search", status_indicator: "none" },
      },
      {
        type: "workflow.task.updated",
        task_index: 0,
        task: { type: "thought", content: "done", status_indicator: "complete" },
      },
    ]) as WorkflowItem;
    expect(item.workflow.tasks).toEqual([
      { type: "thought", content: "done", status_indicator: "complete" },
      { type: "custom", title: "Search", status_indicator: "none" },
    ]);
    expect(item.workflow.type).toBe("reasoning");
  });

  it("does not duplicate a task when the same original item is used again (server done event)", () => {
    const original = workflow();
    const added: ThreadItemUpdate = {
      type: "workflow.task.added",
      task_index: 1,
      task: { type: "thought", content: "second", status_indicator: "none" },
    };
    const pending = applyItemUpdate(original, added) as WorkflowItem;
    expect(pending.workflow.tasks).toHaveLength(2);
    expect(original.workflow.tasks).toHaveLength(1);
    expect(pending.workflow.tasks[0]).toBe(original.workflow.tasks[0]);
  });

  it("ignores task.updated for an index out of range", () => {
    const item = workflow();
    const update: ThreadItemUpdate = {
      type: "workflow.task.updated",
      task_index: 5,
      task: { type: "thought", content: "x", status_indicator: "none" },
    };
    expect(applyItemUpdate(item, update)).toBe(item);
  });
});

describe("applyItemUpdate: widgets", () => {
  it("root.updated replaces the root", () => {
    const next: WidgetRoot = { type: "Card", children: [] } as unknown as WidgetRoot;
    const item = applyAll(widget(), [{ type: "widget.root.updated", widget: next }]) as WidgetItem;
    expect(item.widget).toEqual(next);
    expect(item.widget).not.toBe(next);
  });

  it("streaming_text.value_delta appends to the Text with that id and tracks streaming", () => {
    const item = applyAll(widget(), [
      {
        type: "widget.streaming_text.value_delta",
        component_id: "body",
        delta: "sun",
        done: false,
      },
      { type: "widget.streaming_text.value_delta", component_id: "body", delta: "ny.", done: true },
      { type: "widget.streaming_text.value_delta", component_id: "md", delta: " b", done: false },
    ]) as WidgetItem;
    const col = (item.widget.children as unknown as { children: unknown[] }[])[1];
    expect(col?.children[0]).toEqual({
      type: "Text",
      id: "body",
      value: "It is sunny.",
      streaming: false,
    });
    expect(col?.children[1]).toEqual({
      type: "Markdown",
      id: "md",
      value: "**a** b",
      streaming: true,
    });
  });

  it("copies only the path to the changed node", () => {
    const before = widget();
    const after = applyItemUpdate(before, {
      type: "widget.streaming_text.value_delta",
      component_id: "body",
      delta: "!",
      done: false,
    }) as WidgetItem;
    const children = (w: WidgetItem) => w.widget.children as unknown as unknown[];
    expect(after).not.toBe(before);
    expect(after.widget).not.toBe(before.widget);
    expect(children(after)[0]).toBe(children(before)[0]);
    expect(children(after)[2]).toBe(children(before)[2]);
    expect(children(after)[1]).not.toBe(children(before)[1]);
  });

  it("component.updated replaces the node with that id, inside a single-child Transition too", () => {
    const item = applyAll(widget(), [
      {
        type: "widget.component.updated",
        component_id: "badge",
        component: { type: "Badge", id: "badge", label: "New", color: "success" },
      },
    ]) as WidgetItem;
    expect(JSON.stringify(item.widget)).toContain('"label":"New"');
    expect(JSON.stringify(item.widget)).not.toContain('"label":"Old"');
  });

  it("returns the item itself when no node has the id, or the node is not streaming text", () => {
    const item = widget();
    for (const update of [
      { type: "widget.streaming_text.value_delta", component_id: "nope", delta: "x", done: true },
      { type: "widget.streaming_text.value_delta", component_id: "badge", delta: "x", done: true },
      {
        type: "widget.component.updated",
        component_id: "nope",
        component: { type: "Text", value: "x" },
      },
    ] as ThreadItemUpdate[]) {
      expect(applyItemUpdate(item, update)).toBe(item);
    }
  });

  it("applyWidgetUpdate works on a bare root and ignores non-widget updates", () => {
    const next = applyWidgetUpdate(root, {
      type: "widget.streaming_text.value_delta",
      component_id: "other",
      delta: " still",
      done: true,
    });
    expect(JSON.stringify(next)).toContain('"value":"untouched still","streaming":false');
    expect(JSON.stringify(root)).toContain('"value":"untouched"}');
    const delta: ThreadItemUpdate = {
      type: "assistant_message.content_part.text_delta",
      content_index: 0,
      delta: "x",
    };
    expect(applyWidgetUpdate(root, delta)).toBe(root);
  });
});

describe("applyItemUpdate: generated images and mismatches", () => {
  it("generated_image.updated sets the image", () => {
    const item: GeneratedImageItem = { ...base, id: "img_1", type: "generated_image" };
    const next = applyAll(item, [
      {
        type: "generated_image.updated",
        image: { id: "i1", url: "https://x/1.png" },
        progress: 0.5,
      },
      { type: "generated_image.updated", image: { id: "i1", url: "https://x/2.png" } },
    ]) as GeneratedImageItem;
    expect(next.image).toEqual({ id: "i1", url: "https://x/2.png" });
  });

  it("returns the item unchanged when the update is for another item type", () => {
    const updates: ThreadItemUpdate[] = [
      { type: "assistant_message.content_part.text_delta", content_index: 0, delta: "x" },
      {
        type: "workflow.task.added",
        task_index: 0,
        task: { type: "thought", content: "x", status_indicator: "none" },
      },
      { type: "widget.root.updated", widget: root },
      { type: "generated_image.updated", image: { id: "i", url: "u" } },
    ];
    const items: ThreadItem[] = [assistant(), workflow(), widget()];
    for (const item of items) {
      for (const update of updates) {
        const applies =
          (item.type === "assistant_message" && update.type.startsWith("assistant_message")) ||
          (item.type === "workflow" && update.type.startsWith("workflow")) ||
          (item.type === "widget" && update.type.startsWith("widget"));
        if (!applies)
          expect(applyItemUpdate(item, update), `${item.type} ${update.type}`).toBe(item);
      }
    }
    const end: ThreadItem = { ...base, id: "eot", type: "end_of_turn" };
    expect(applyItemUpdate(end, updates[0] as ThreadItemUpdate)).toBe(end);
  });
});
