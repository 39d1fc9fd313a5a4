import type { AgentInputItem, protocol } from "@openai/agents";
import type {
  AssistantMessageItem,
  Attachment,
  ClientToolCallItem,
  EndOfTurnItem,
  GeneratedImageItem,
  HiddenContextItem,
  SDKHiddenContextItem,
  StructuredInputItem,
  Task,
  TaskItem,
  ThreadItem,
  UserMessageItem,
  WidgetItem,
  WorkflowItem,
} from "@threadkit/core";

/** A user-message content part as the Agents SDK takes it (`input_text`, `input_image`, ...). */
export type AgentUserContent = protocol.UserContent;
/** What one conversion returns: one input item, several, or nothing. */
export type AgentInputResult = AgentInputItem | AgentInputItem[] | null;

/** Raised by a conversion that the app must provide (attachments, tags, non-string context). */
export class NotImplementedError extends Error {
  override name = "NotImplementedError";
}

/** A user message with one `input_text` part: the form of every text the converter adds. */
export function userText(text: string): AgentInputItem {
  return { type: "message", role: "user", content: [{ type: "input_text", text }] };
}

const TAG_CONTEXT =
  "# User-provided context for @-mentions\n" +
  "- When referencing resolved entities, use their canonical names **without** '@'.\n" +
  "- The '@' form appears only in user text and should not be echoed.";

function hiddenContext(content: string): AgentInputItem {
  return userText(
    `Hidden context for the agent (not shown to the user):\n<HiddenContext>\n${content}\n</HiddenContext>`,
  );
}

function taskText(task: Task): string | null {
  if (task.type !== "custom" || (!task.title && !task.content)) return null;
  const title = task.title ?? "";
  const content = task.content ?? "";
  const text = title && content ? `${title}: ${content}` : title || content;
  return `A message was displayed to the user that the following task was performed:\n<Task>\n${text}\n</Task>`;
}

/** JSON without `null` values (ChatKit sends widgets with `exclude_none`). */
function compactJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (v === null ? undefined : v));
}

/**
 * Turns thread items into Agents SDK input items (ChatKit's `ThreadItemConverter`), so that a
 * thread's history can be the input of `run()`. Every item kind has a method to override:
 *
 * - user messages: the text as typed (tags as `@text`), the attachments through
 *   {@link attachmentToMessageContent}, then, for the last item only, the quoted text; tags add a
 *   context message through {@link tagToMessageContent};
 * - assistant messages: `output_text` parts; widgets: a user message describing the widget JSON;
 * - hidden context: wrapped in `<HiddenContext>`; tasks and custom workflow tasks: `<Task>`;
 * - completed client tool calls: a `function_call` and its `function_call_result`; pending ones,
 *   `end_of_turn` and images without an image are dropped.
 *
 * Attachments, tags and non-string hidden context throw {@link NotImplementedError} unless
 * overridden.
 *
 * @example
 * class MyConverter extends ThreadItemConverter {
 *   override async attachmentToMessageContent(a: Attachment): Promise<AgentUserContent> {
 *     return { type: "input_text", text: `(attached: ${a.name})` };
 *   }
 * }
 * const input = await new MyConverter().toAgentInput(items);
 * const result = await run(agent, input, { context: ctx, stream: true });
 */
export class ThreadItemConverter {
  /** An attachment of a user message as message content. Must be overridden to use attachments. */
  async attachmentToMessageContent(_attachment: Attachment): Promise<AgentUserContent> {
    throw new NotImplementedError(
      "An Attachment was included in a UserMessageItem but ThreadItemConverter.attachmentToMessageContent was not implemented",
    );
  }

  /** A tag (`input_tag`) as context content for the model. Must be overridden to use tags. */
  async tagToMessageContent(
    _tag: Extract<UserMessageItem["content"][number], { type: "input_tag" }>,
  ): Promise<AgentUserContent> {
    throw new NotImplementedError(
      "A Tag was included in a UserMessageItem but ThreadItemConverter.tagToMessageContent is not implemented",
    );
  }

  /** A hidden context item; string content is wrapped in `<HiddenContext>`, other content throws. */
  async hiddenContextToInput(item: HiddenContextItem): Promise<AgentInputResult> {
    if (typeof item.content !== "string") {
      throw new NotImplementedError(
        "HiddenContextItems with non-string content were present but ThreadItemConverter.hiddenContextToInput was not implemented",
      );
    }
    return hiddenContext(item.content);
  }

  /** An SDK hidden context item (for example the cancellation note), wrapped like hidden context. */
  async sdkHiddenContextToInput(item: SDKHiddenContextItem): Promise<AgentInputResult> {
    return hiddenContext(item.content);
  }

  /** A custom task with a title or content, as a `<Task>` note; other tasks are dropped. */
  async taskToInput(item: TaskItem): Promise<AgentInputResult> {
    const text = taskText(item.task);
    return text === null ? null : userText(text);
  }

  /** Each custom task of a workflow as a `<Task>` note. */
  async workflowToInput(item: WorkflowItem): Promise<AgentInputResult> {
    return item.workflow.tasks.flatMap((task) => {
      const text = taskText(task);
      return text === null ? [] : [userText(text)];
    });
  }

  /** A widget as a user message describing the widget JSON. */
  async widgetToInput(item: WidgetItem): Promise<AgentInputResult> {
    return userText(
      `The following graphical UI widget (id: ${item.id}) was displayed to the user:${compactJson(item.widget)}`,
    );
  }

  /** A generated image as a note plus the image itself; nothing while it has no image. */
  async generatedImageToInput(item: GeneratedImageItem): Promise<AgentInputResult> {
    if (!item.image) return null;
    return {
      type: "message",
      role: "user",
      content: [
        { type: "input_text", text: "The following image was generated by the agent." },
        { type: "input_image", image: item.image.url, detail: "auto" },
      ],
    };
  }

  /** A structured input request, its status and each answer (or "skipped" / "unanswered"). */
  async structuredInputToInput(item: StructuredInputItem): Promise<AgentInputResult> {
    const lines = item.inputs.map((input) => {
      const answer = input.answer;
      let text = "unanswered";
      if (answer?.skipped) text = "skipped";
      else if (answer && answer.values.length > 0) text = answer.values.join(", ");
      return `- ${input.question}: ${text}`;
    });
    return userText(
      `A structured input request was displayed to the user with the following status: ${item.status}\n<StructuredInput>\n${lines.join("\n")}\n</StructuredInput>`,
    );
  }

  /**
   * A user message: its text (tags as `@text`) and attachments; then, when it is the last item,
   * its quoted text; then the context of its tags.
   */
  async userMessageToInput(item: UserMessageItem, isLastMessage = true): Promise<AgentInputResult> {
    const text: string[] = [];
    const tags: Extract<UserMessageItem["content"][number], { type: "input_tag" }>[] = [];
    for (const part of item.content) {
      if (part.type === "input_text") text.push(part.text);
      else {
        text.push(`@${part.text}`);
        tags.push(part);
      }
    }
    const content: AgentUserContent[] = [{ type: "input_text", text: text.join("") }];
    for (const attachment of item.attachments ?? []) {
      content.push(await this.attachmentToMessageContent(attachment));
    }
    const out: AgentInputItem[] = [{ type: "message", role: "user", content }];
    if (item.quoted_text && isLastMessage) {
      out.push(userText(`The user is referring to this in particular: \n${item.quoted_text}`));
    }
    if (tags.length > 0) {
      const seen = new Set<string>();
      const tagContent: AgentUserContent[] = [];
      for (const tag of tags) {
        if (seen.has(tag.text)) continue;
        seen.add(tag.text);
        tagContent.push(await this.tagToMessageContent(tag));
      }
      out.push({
        type: "message",
        role: "user",
        content: [{ type: "input_text", text: TAG_CONTEXT }, ...tagContent],
      });
    }
    return out;
  }

  /** An assistant message as `output_text` parts. */
  async assistantMessageToInput(item: AssistantMessageItem): Promise<AgentInputResult> {
    return {
      type: "message",
      role: "assistant",
      status: "completed",
      content: item.content.map((c) => ({ type: "output_text" as const, text: c.text })),
    };
  }

  /** A completed client tool call as the function call and its result; pending calls are dropped. */
  async clientToolCallToInput(item: ClientToolCallItem): Promise<AgentInputResult> {
    if (item.status === "pending") return null;
    return [
      {
        type: "function_call",
        callId: item.call_id,
        name: item.name,
        arguments: JSON.stringify(item.arguments),
        status: "completed",
      },
      {
        type: "function_call_result",
        callId: item.call_id,
        name: item.name,
        status: "completed",
        output: JSON.stringify(item.output ?? null),
      },
    ];
  }

  /** End-of-turn markers are UI hints only: dropped. */
  async endOfTurnToInput(_item: EndOfTurnItem): Promise<AgentInputResult> {
    return null;
  }

  /** Converts one item (see the class documentation for each kind). */
  async threadItemToInput(item: ThreadItem, isLastMessage = true): Promise<AgentInputItem[]> {
    const out = await this.#convert(item, isLastMessage);
    if (out === null) return [];
    return Array.isArray(out) ? out : [out];
  }

  /**
   * Converts a thread's items, in order, to the input of an Agents SDK run.
   *
   * @example
   * const page = await store.loadThreadItems(thread.id, null, 100, "asc", ctx);
   * const input = await new ThreadItemConverter().toAgentInput(page.data);
   */
  async toAgentInput(items: readonly ThreadItem[] | ThreadItem): Promise<AgentInputItem[]> {
    const list: readonly ThreadItem[] = Array.isArray(items) ? [...items] : [items as ThreadItem];
    const out: AgentInputItem[] = [];
    for (const [i, item] of list.entries()) {
      out.push(...(await this.threadItemToInput(item, i === list.length - 1)));
    }
    return out;
  }

  #convert(item: ThreadItem, isLastMessage: boolean): Promise<AgentInputResult> {
    switch (item.type) {
      case "user_message":
        return this.userMessageToInput(item, isLastMessage);
      case "assistant_message":
        return this.assistantMessageToInput(item);
      case "client_tool_call":
        return this.clientToolCallToInput(item);
      case "end_of_turn":
        return this.endOfTurnToInput(item);
      case "widget":
        return this.widgetToInput(item);
      case "generated_image":
        return this.generatedImageToInput(item);
      case "structured_input":
        return this.structuredInputToInput(item);
      case "workflow":
        return this.workflowToInput(item);
      case "task":
        return this.taskToInput(item);
      case "hidden_context_item":
        return this.hiddenContextToInput(item);
      case "sdk_hidden_context":
        return this.sdkHiddenContextToInput(item);
      default:
        return Promise.resolve(null);
    }
  }
}

const DEFAULT_CONVERTER = new ThreadItemConverter();

/**
 * Converts thread items with the default {@link ThreadItemConverter} (ChatKit's
 * `simple_to_agent_input`).
 *
 * @example
 * const result = await run(agent, await simpleToAgentInput(page.data), { stream: true, context: ctx });
 */
export function simpleToAgentInput(
  items: readonly ThreadItem[] | ThreadItem,
): Promise<AgentInputItem[]> {
  return DEFAULT_CONVERTER.toAgentInput(items);
}
