import type { AgentInputItem, protocol } from "@openai/agents";
import type { AssistantMessageItem, Attachment, ClientToolCallItem, EndOfTurnItem, GeneratedImageItem, HiddenContextItem, SDKHiddenContextItem, StructuredInputItem, TaskItem, ThreadItem, UserMessageItem, WidgetItem, WorkflowItem } from "@threadkit/core";
/** A user-message content part as the Agents SDK takes it (`input_text`, `input_image`, ...). */
export type AgentUserContent = protocol.UserContent;
/** What one conversion returns: one input item, several, or nothing. */
export type AgentInputResult = AgentInputItem | AgentInputItem[] | null;
/** Raised by a conversion that the app must provide (attachments, tags, non-string context). */
export declare class NotImplementedError extends Error {
    name: string;
}
/** A user message with one `input_text` part: the form of every text the converter adds. */
export declare function userText(text: string): AgentInputItem;
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
export declare class ThreadItemConverter {
    #private;
    /** An attachment of a user message as message content. Must be overridden to use attachments. */
    attachmentToMessageContent(_attachment: Attachment): Promise<AgentUserContent>;
    /** A tag (`input_tag`) as context content for the model. Must be overridden to use tags. */
    tagToMessageContent(_tag: Extract<UserMessageItem["content"][number], {
        type: "input_tag";
    }>): Promise<AgentUserContent>;
    /** A hidden context item; string content is wrapped in `<HiddenContext>`, other content throws. */
    hiddenContextToInput(item: HiddenContextItem): Promise<AgentInputResult>;
    /** An SDK hidden context item (for example the cancellation note), wrapped like hidden context. */
    sdkHiddenContextToInput(item: SDKHiddenContextItem): Promise<AgentInputResult>;
    /** A custom task with a title or content, as a `<Task>` note; other tasks are dropped. */
    taskToInput(item: TaskItem): Promise<AgentInputResult>;
    /** Each custom task of a workflow as a `<Task>` note. */
    workflowToInput(item: WorkflowItem): Promise<AgentInputResult>;
    /** A widget as a user message describing the widget JSON. */
    widgetToInput(item: WidgetItem): Promise<AgentInputResult>;
    /** A generated image as a note plus the image itself; nothing while it has no image. */
    generatedImageToInput(item: GeneratedImageItem): Promise<AgentInputResult>;
    /** A structured input request, its status and each answer (or "skipped" / "unanswered"). */
    structuredInputToInput(item: StructuredInputItem): Promise<AgentInputResult>;
    /**
     * A user message: its text (tags as `@text`) and attachments; then, when it is the last item,
     * its quoted text; then the context of its tags.
     */
    userMessageToInput(item: UserMessageItem, isLastMessage?: boolean): Promise<AgentInputResult>;
    /** An assistant message as `output_text` parts. */
    assistantMessageToInput(item: AssistantMessageItem): Promise<AgentInputResult>;
    /** A completed client tool call as the function call and its result; pending calls are dropped. */
    clientToolCallToInput(item: ClientToolCallItem): Promise<AgentInputResult>;
    /** End-of-turn markers are UI hints only: dropped. */
    endOfTurnToInput(_item: EndOfTurnItem): Promise<AgentInputResult>;
    /** Converts one item (see the class documentation for each kind). */
    threadItemToInput(item: ThreadItem, isLastMessage?: boolean): Promise<AgentInputItem[]>;
    /**
     * Converts a thread's items, in order, to the input of an Agents SDK run.
     *
     * @example
     * const page = await store.loadThreadItems(thread.id, null, 100, "asc", ctx);
     * const input = await new ThreadItemConverter().toAgentInput(page.data);
     */
    toAgentInput(items: readonly ThreadItem[] | ThreadItem): Promise<AgentInputItem[]>;
}
/**
 * Converts thread items with the default {@link ThreadItemConverter} (ChatKit's
 * `simple_to_agent_input`).
 *
 * @example
 * const result = await run(agent, await simpleToAgentInput(page.data), { stream: true, context: ctx });
 */
export declare function simpleToAgentInput(items: readonly ThreadItem[] | ThreadItem): Promise<AgentInputItem[]>;
//# sourceMappingURL=converter.d.ts.map