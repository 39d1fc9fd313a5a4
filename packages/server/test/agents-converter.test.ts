import type { AgentInputItem } from "@openai/agents";
import { Card, Text, type ThreadItem } from "@threadkit/core";
import { describe, expect, it } from "vitest";
import {
  type AgentInputResult,
  type AgentUserContent,
  NotImplementedError,
  simpleToAgentInput,
  ThreadItemConverter,
} from "../src/agents/index.js";

const base = { thread_id: "thr_test", created_at: "2026-11-24T03:00:00.000Z" };

function user(text: string, extra: Partial<Extract<ThreadItem, { type: "user_message" }>> = {}) {
  return {
    ...base,
    type: "user_message" as const,
    id: "msg_u",
    content: [{ type: "input_text" as const, text }],
    attachments: [],
    inference_options: {},
    ...extra,
  };
}

const userText = (text: string): AgentInputItem => ({
  type: "message",
  role: "user",
  content: [{ type: "input_text", text }],
});

describe("ThreadItemConverter (test_agents.py)", () => {
  it("quotes only the last user message", async () => {
    const items = [
      user("Hello!", { quoted_text: "Hi!" }),
      user("I'm well, thank you!", { quoted_text: "How are you doing?" }),
    ];
    expect(await simpleToAgentInput(items)).toEqual([
      userText("Hello!"),
      userText("I'm well, thank you!"),
      userText("The user is referring to this in particular: \nHow are you doing?"),
    ]);
  });

  it("converts assistant messages and widgets", async () => {
    const items: ThreadItem[] = [
      user("Hello!", { quoted_text: "Hi!" }),
      {
        ...base,
        type: "assistant_message",
        id: "msg_a",
        content: [
          { type: "output_text", text: "How are you doing?", annotations: [] },
          { type: "output_text", text: "Can't do that", annotations: [] },
        ],
      },
      {
        ...base,
        type: "widget",
        id: "wd_123",
        widget: Card({ children: [Text({ value: "Hello, world!" })] }),
      },
    ];
    const input = await simpleToAgentInput(items);
    expect(input).toHaveLength(3);
    expect(input[0]).toEqual(userText("Hello!"));
    expect(input[1]).toEqual({
      type: "message",
      role: "assistant",
      status: "completed",
      content: [
        { type: "output_text", text: "How are you doing?" },
        { type: "output_text", text: "Can't do that" },
      ],
    });
    const widget = input[2];
    if (
      widget?.type !== "message" ||
      widget.role !== "user" ||
      typeof widget.content === "string"
    ) {
      throw new Error("expected a user message");
    }
    const part = widget.content[0];
    const text = part?.type === "input_text" ? part.text : "";
    expect(text).toContain(
      "The following graphical UI widget (id: wd_123) was displayed to the user",
    );
    expect(text).toContain("Hello, world!");
    expect(text).not.toContain("created_at");
    expect(JSON.parse(text.slice(text.indexOf("{")))).toEqual(
      Card({ children: [Text({ value: "Hello, world!" })] }),
    );
  });

  it("renders tags as @text plus a context message when tagToMessageContent is overridden", async () => {
    class MyConverter extends ThreadItemConverter {
      override async tagToMessageContent(tag: { text: string; data: Record<string, unknown> }) {
        return { type: "input_text" as const, text: `${tag.text} ${String(tag.data.key)}` };
      }
    }
    const tag = {
      type: "input_tag" as const,
      id: "hello",
      text: "Hello!",
      data: { key: "value" },
      interactive: false,
    };
    const items = [{ ...user(""), content: [tag, tag] }];
    expect(await new MyConverter().toAgentInput(items)).toEqual([
      userText("@Hello!@Hello!"),
      {
        type: "message",
        role: "user",
        content: [
          {
            type: "input_text",
            text:
              "# User-provided context for @-mentions\n- When referencing resolved entities, use their canonical names **without** '@'.\n" +
              "- The '@' form appears only in user text and should not be echoed.",
          },
          { type: "input_text", text: "Hello! value" },
        ],
      },
    ]);
  });

  it("throws on tags and attachments by default", async () => {
    const tag = {
      type: "input_tag" as const,
      id: "hello",
      text: "Hello!",
      data: {},
      interactive: false,
    };
    await expect(simpleToAgentInput([{ ...user(""), content: [tag] }])).rejects.toBeInstanceOf(
      NotImplementedError,
    );
    const attachment = {
      type: "file" as const,
      id: "atc_1",
      name: "a.txt",
      mime_type: "text/plain",
    };
    await expect(
      simpleToAgentInput([user("see file", { attachments: [attachment] })]),
    ).rejects.toThrow(/attachmentToMessageContent/);
    class WithFiles extends ThreadItemConverter {
      override async attachmentToMessageContent(a: { name: string }): Promise<AgentUserContent> {
        return { type: "input_text", text: `(attached ${a.name})` };
      }
    }
    expect(
      await new WithFiles().toAgentInput([user("see file", { attachments: [attachment] })]),
    ).toEqual([
      {
        type: "message",
        role: "user",
        content: [
          { type: "input_text", text: "see file" },
          { type: "input_text", text: "(attached a.txt)" },
        ],
      },
    ]);
  });

  it("converts a generated image, and drops one without an image", async () => {
    const image = { ...base, type: "generated_image" as const, id: "img_item_1" };
    expect(
      await simpleToAgentInput([
        { ...image, image: { id: "img_1", url: "https://example.com/img.png" } },
      ]),
    ).toEqual([
      {
        type: "message",
        role: "user",
        content: [
          { type: "input_text", text: "The following image was generated by the agent." },
          { type: "input_image", image: "https://example.com/img.png", detail: "auto" },
        ],
      },
    ]);
    expect(await simpleToAgentInput([image])).toEqual([]);
  });

  it("wraps string hidden context and requires an override for other content", async () => {
    const hidden = { ...base, type: "hidden_context_item" as const, id: "hc_1" };
    expect(
      await simpleToAgentInput([{ ...hidden, content: "User pressed the red button" }]),
    ).toEqual([
      userText(
        "Hidden context for the agent (not shown to the user):\n<HiddenContext>\nUser pressed the red button\n</HiddenContext>",
      ),
    ]);
    const objectContent = { ...hidden, content: { harry: "potter", hermione: "granger" } };
    await expect(simpleToAgentInput([objectContent])).rejects.toBeInstanceOf(NotImplementedError);
    class MyConverter extends ThreadItemConverter {
      override async hiddenContextToInput(item: { content: unknown }): Promise<AgentInputResult> {
        return userText(`<HIDDEN>${Object.keys(item.content as object).join(",")}</HIDDEN>`);
      }
    }
    expect(await new MyConverter().toAgentInput([objectContent])).toEqual([
      userText("<HIDDEN>harry,hermione</HIDDEN>"),
    ]);
    const sdk = {
      ...base,
      type: "sdk_hidden_context" as const,
      id: "shcx_1",
      content: "The user cancelled.",
    };
    expect(await simpleToAgentInput(sdk)).toEqual([
      userText(
        "Hidden context for the agent (not shown to the user):\n<HiddenContext>\nThe user cancelled.\n</HiddenContext>",
      ),
    ]);
  });

  it("converts tasks and completed client tool calls, and drops pending calls and end of turn", async () => {
    const call = {
      ...base,
      type: "client_tool_call" as const,
      name: "xyz",
      arguments: { foo: "bar" },
      call_id: "ctc_123",
    };
    const items: ThreadItem[] = [
      user("Call a client tool call xyz", { quoted_text: "Hi!" }),
      {
        ...base,
        type: "task",
        id: "tsk_123",
        task: { type: "custom", title: "Called xyx", status_indicator: "none" },
      },
      { ...call, id: "ctc_123", status: "pending" },
      { ...call, id: "ctc_123_done", status: "completed", output: { success: true } },
      { ...base, type: "end_of_turn", id: "eot_1" },
    ];
    expect(await simpleToAgentInput(items)).toEqual([
      userText("Call a client tool call xyz"),
      userText(
        "A message was displayed to the user that the following task was performed:\n<Task>\nCalled xyx\n</Task>",
      ),
      {
        type: "function_call",
        callId: "ctc_123",
        name: "xyz",
        arguments: '{"foo":"bar"}',
        status: "completed",
      },
      {
        type: "function_call_result",
        callId: "ctc_123",
        name: "xyz",
        status: "completed",
        output: '{"success":true}',
      },
    ]);
  });

  it("converts each custom task of a workflow; thoughts are not replayed", async () => {
    const workflow: ThreadItem = {
      ...base,
      type: "workflow",
      id: "wf_1",
      workflow: {
        type: "custom",
        expanded: false,
        tasks: [
          { type: "custom", title: "Searched", content: "3 results", status_indicator: "complete" },
          { type: "thought", content: "hmm", status_indicator: "none" },
          { type: "custom", status_indicator: "none" },
        ],
      },
    };
    expect(await simpleToAgentInput([workflow])).toEqual([
      userText(
        "A message was displayed to the user that the following task was performed:\n<Task>\nSearched: 3 results\n</Task>",
      ),
    ]);
  });

  it("describes structured input with answers, skips and unanswered questions", async () => {
    const item: ThreadItem = {
      ...base,
      type: "structured_input",
      id: "si_123",
      status: "answered",
      inputs: [
        {
          type: "multiple_choice",
          id: "subject",
          question: "Which subject is this lesson for?",
          options: [{ value: "Math" }, { value: "Science" }],
          multiple: false,
          answer: { values: ["Math"], skipped: false },
        },
        {
          type: "freeform",
          id: "details",
          question: "Anything else to know?",
          answer: { values: [], skipped: true },
        },
        { type: "freeform", id: "more", question: "Deadline?" },
      ],
    } as ThreadItem;
    expect(await simpleToAgentInput([item])).toEqual([
      userText(
        "A structured input request was displayed to the user with the following status: answered\n<StructuredInput>\n- Which subject is this lesson for?: Math\n- Anything else to know?: skipped\n- Deadline?: unanswered\n</StructuredInput>",
      ),
    ]);
  });
});
