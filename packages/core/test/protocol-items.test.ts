import { isHiddenItem, parseWith, schemas, type ThreadItem } from "@threadkit/core";
import { describe, expect, it } from "vitest";

const base = { thread_id: "thr_1", created_at: "2026-11-24T03:04:14.315767" };
const urlSource = { type: "url", title: "Docs", url: "https://example.com", attribution: "Ex" };
const fileSource = { type: "file", title: "Report", filename: "r.pdf", group: "Files" };
const entitySource = {
  type: "entity",
  title: "Ada",
  id: "user_1",
  icon: "user",
  label: "Person",
  inline_label: "Ada L.",
  interactive: true,
  data: { email: "ada@example.com" },
};
const text = {
  type: "output_text",
  text: "Hello",
  annotations: [{ type: "annotation", source: urlSource, index: 5 }],
};

/** One complete example of each of the 11 item types, as ChatKit sends them. */
const items: Record<ThreadItem["type"], Record<string, unknown>> = {
  user_message: {
    ...base,
    id: "msg_1",
    type: "user_message",
    content: [
      { type: "input_text", text: "Hi" },
      { type: "input_tag", id: "u1", text: "Ada", data: {}, interactive: false },
    ],
    attachments: [
      { type: "file", id: "atc_1", name: "a.txt", mime_type: "text/plain", thread_id: "thr_1" },
      {
        type: "image",
        id: "atc_2",
        name: "p.png",
        mime_type: "image/png",
        preview_url: "https://x/p.png",
        upload_descriptor: { url: "https://up/2", method: "PUT", headers: { "x-a": "b" } },
      },
    ],
    quoted_text: "earlier",
    inference_options: { tool_choice: { id: "search" }, model: "gpt-5" },
  },
  assistant_message: {
    ...base,
    id: "msg_2",
    type: "assistant_message",
    content: [text, { type: "output_text", text: "", annotations: [] }],
  },
  client_tool_call: {
    ...base,
    id: "ctc_1",
    type: "client_tool_call",
    status: "completed",
    call_id: "call_1",
    name: "get_location",
    arguments: { precise: false },
    output: { lat: 0 },
  },
  widget: {
    ...base,
    id: "msg_3",
    type: "widget",
    widget: { type: "Card", children: [{ type: "Text", id: "t1", value: "Hi", streaming: false }] },
    copy_text: "Hi",
  },
  generated_image: {
    ...base,
    id: "msg_4",
    type: "generated_image",
    image: { id: "img_1", url: "https://x/img.png" },
  },
  structured_input: {
    ...base,
    id: "si_1",
    type: "structured_input",
    status: "answered",
    inputs: [
      {
        type: "multiple_choice",
        id: "q1",
        question: "Subject?",
        options: [{ value: "Math" }, { value: "Art" }],
        multiple: false,
        answer: { values: ["Math"], skipped: false },
      },
      { type: "freeform", id: "q2", question: "Why?", description: "Be brief" },
    ],
  },
  workflow: {
    ...base,
    id: "wf_1",
    type: "workflow",
    workflow: {
      type: "reasoning",
      tasks: [
        {
          type: "custom",
          title: "Plan",
          icon: "lucide:list",
          content: "x",
          status_indicator: "complete",
        },
        {
          type: "web_search",
          title_query: "chatkit",
          queries: ["chatkit"],
          sources: [urlSource],
          status_indicator: "loading",
        },
        { type: "thought", title: "Hmm", content: "Thinking", status_indicator: "none" },
        { type: "file", sources: [fileSource], status_indicator: "none" },
        { type: "image", title: "Drawing", status_indicator: "none" },
      ],
      summary: { title: "Thought", icon: "vendor:brain" },
      expanded: true,
    },
  },
  task: {
    ...base,
    id: "tsk_1",
    type: "task",
    task: { type: "thought", content: "Hmm", status_indicator: "none" },
  },
  hidden_context_item: {
    ...base,
    id: "hc_1",
    type: "hidden_context_item",
    content: { note: ["anything"] },
  },
  sdk_hidden_context: {
    ...base,
    id: "shcx_1",
    type: "sdk_hidden_context",
    content: "The user cancelled the stream. Stop responding to the prior request.",
  },
  end_of_turn: { ...base, id: "eot_1", type: "end_of_turn" },
};

describe("ThreadItem", () => {
  for (const [type, item] of Object.entries(items)) {
    it(`parses ${type} without loss`, () => {
      expect(schemas.ThreadItem.parse(item)).toEqual(item);
    });
  }

  it("covers the 11 item types", () => {
    expect(Object.keys(items)).toHaveLength(11);
    expect(schemas.ThreadItem.options).toHaveLength(11);
  });

  it("fills defaults", () => {
    const user = schemas.ThreadItem.parse({
      ...base,
      id: "m",
      type: "user_message",
      content: [],
      inference_options: {},
    });
    expect(user).toMatchObject({ attachments: [] });
    const tool = schemas.ClientToolCallItem.parse({
      ...base,
      id: "c",
      type: "client_tool_call",
      call_id: "1",
      name: "n",
      arguments: {},
    });
    expect(tool.status).toBe("pending");
    const wf = schemas.WorkflowItem.parse({
      ...base,
      id: "w",
      type: "workflow",
      workflow: { type: "custom", tasks: [{ type: "web_search" }] },
    });
    expect(wf.workflow).toEqual({
      type: "custom",
      tasks: [{ type: "web_search", queries: [], sources: [], status_indicator: "none" }],
      expanded: false,
    });
    const content = schemas.AssistantMessageContent.parse({ text: "x" });
    expect(content).toEqual({ type: "output_text", text: "x", annotations: [] });
  });

  it("parses every source type and the duration summary", () => {
    for (const source of [urlSource, fileSource, entitySource]) {
      expect(schemas.Annotation.parse({ type: "annotation", source })).toEqual({
        type: "annotation",
        source,
      });
    }
    expect(schemas.WorkflowSummary.parse({ duration: 12 })).toEqual({ duration: 12 });
  });

  it("accepts naive, Z and offset timestamps, and rejects others", () => {
    for (const created_at of [
      "2026-11-24T03:04:14",
      "2026-11-24T03:04:14.5Z",
      "2026-11-24T03:04:14+02:00",
    ]) {
      expect(schemas.EndOfTurnItem.safeParse({ ...items.end_of_turn, created_at }).success).toBe(
        true,
      );
    }
    const bad = parseWith(schemas.ThreadItem, { ...items.end_of_turn, created_at: "yesterday" });
    expect(bad).toEqual({ ok: false, message: "created_at: expected ISO-8601 date-time" });
    const epoch = parseWith(schemas.ThreadItem, { ...items.end_of_turn, created_at: 1700000000 });
    expect(epoch).toEqual({ ok: false, message: "created_at: expected string" });
  });

  it("validates icon names", () => {
    expect(schemas.IconName.safeParse("sparkle").success).toBe(true);
    expect(schemas.IconName.safeParse("lucide:rocket").success).toBe(true);
    expect(schemas.IconName.safeParse("vendor:acme").success).toBe(true);
    expect(schemas.BUILT_IN_ICON_NAMES).toHaveLength(64);
    const bad = parseWith(schemas.TaskItem, {
      ...items.task,
      task: { type: "custom", icon: "rocket" },
    });
    expect(bad).toEqual({
      ok: false,
      message: 'task.icon: expected a built-in icon name or a "vendor:" / "lucide:" name',
    });
  });

  it("reports bad items by path", () => {
    expect(parseWith(schemas.ThreadItem, { ...items.task, type: "nope" })).toEqual({
      ok: false,
      message: expect.stringMatching(/^type: unknown type "nope", expected one of "user_message"/),
    });
    expect(
      parseWith(schemas.ThreadItem, {
        ...items.workflow,
        workflow: { type: "custom", tasks: [], summary: {} },
      }),
    ).toEqual({
      ok: false,
      message: "workflow.summary: expected {title, icon?} or {duration}",
    });
    const { content: _content, ...noContent } = items.hidden_context_item;
    expect(parseWith(schemas.ThreadItem, noContent)).toEqual({
      ok: false,
      message: "content: required",
    });
  });

  it("tells hidden items apart", () => {
    const hidden = Object.values(items)
      .map((item) => schemas.ThreadItem.parse(item))
      .filter(isHiddenItem)
      .map((item) => item.type);
    expect(hidden).toEqual(["hidden_context_item", "sdk_hidden_context"]);
  });
});

describe("Thread", () => {
  it("defaults status to active and metadata to {}", () => {
    const thread = schemas.Thread.parse({
      id: "thr_1",
      created_at: base.created_at,
      items: {},
    });
    expect(thread).toEqual({
      id: "thr_1",
      created_at: base.created_at,
      status: { type: "active" },
      metadata: {},
      items: { data: [], has_more: false },
    });
  });

  it("parses locked and closed statuses and pages", () => {
    const thread = schemas.Thread.parse({
      id: "thr_1",
      title: "T",
      created_at: "2026-11-24T03:04:14Z",
      status: { type: "locked", reason: "Read only" },
      allowed_image_domains: ["example.com"],
      metadata: { owner: "u1" },
      items: { data: [items.end_of_turn], has_more: true, after: "eot_1" },
    });
    expect(thread.status).toEqual({ type: "locked", reason: "Read only" });
    expect(thread.items.after).toBe("eot_1");
    expect(schemas.ThreadStatus.parse({ type: "closed" })).toEqual({ type: "closed" });
    expect(schemas.ThreadPage.parse({ data: [thread] }).has_more).toBe(false);
    expect(schemas.Page(schemas.Attachment).parse({ data: [], has_more: false })).toEqual({
      data: [],
      has_more: false,
    });
  });
});
