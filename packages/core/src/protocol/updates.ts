import { z } from "zod";
import { WidgetComponent, WidgetRoot } from "../widgets/schemas.js";
import { Annotation, AssistantMessageContent } from "./content.js";
import { GeneratedImage } from "./items.js";
import { Task } from "./tasks.js";

const index = z.number().int().min(0);

/**
 * A new assistant content part at `content_index`.
 * @example AssistantMessageContentPartAdded.parse({ type: "assistant_message.content_part.added", content_index: 0, content: { type: "output_text", text: "", annotations: [] } });
 */
export const AssistantMessageContentPartAdded = z.object({
  type: z.literal("assistant_message.content_part.added"),
  content_index: index,
  content: AssistantMessageContent,
});
/** @example const u: AssistantMessageContentPartAdded = { type: "assistant_message.content_part.added", content_index: 0, content }; */
export type AssistantMessageContentPartAdded = z.infer<typeof AssistantMessageContentPartAdded>;

/**
 * Text appended to the assistant content part at `content_index`.
 * @example AssistantMessageContentPartTextDelta.parse({ type: "assistant_message.content_part.text_delta", content_index: 0, delta: "Hel" });
 */
export const AssistantMessageContentPartTextDelta = z.object({
  type: z.literal("assistant_message.content_part.text_delta"),
  content_index: index,
  delta: z.string(),
});
/** @example const u: AssistantMessageContentPartTextDelta = { type: "assistant_message.content_part.text_delta", content_index: 0, delta: "lo" }; */
export type AssistantMessageContentPartTextDelta = z.infer<
  typeof AssistantMessageContentPartTextDelta
>;

/**
 * A citation inserted at `annotation_index` of the content part at `content_index`.
 * @example AssistantMessageContentPartAnnotationAdded.parse({ type: "assistant_message.content_part.annotation_added", content_index: 0, annotation_index: 0, annotation: { type: "annotation", source: { type: "url", title: "A", url: "https://a" } } });
 */
export const AssistantMessageContentPartAnnotationAdded = z.object({
  type: z.literal("assistant_message.content_part.annotation_added"),
  content_index: index,
  annotation_index: index,
  annotation: Annotation,
});
/** @example const u: AssistantMessageContentPartAnnotationAdded = { type: "assistant_message.content_part.annotation_added", content_index: 0, annotation_index: 0, annotation }; */
export type AssistantMessageContentPartAnnotationAdded = z.infer<
  typeof AssistantMessageContentPartAnnotationAdded
>;

/**
 * The final state of the assistant content part at `content_index`.
 * @example AssistantMessageContentPartDone.parse({ type: "assistant_message.content_part.done", content_index: 0, content: { type: "output_text", text: "Hello", annotations: [] } });
 */
export const AssistantMessageContentPartDone = z.object({
  type: z.literal("assistant_message.content_part.done"),
  content_index: index,
  content: AssistantMessageContent,
});
/** @example const u: AssistantMessageContentPartDone = { type: "assistant_message.content_part.done", content_index: 0, content }; */
export type AssistantMessageContentPartDone = z.infer<typeof AssistantMessageContentPartDone>;

/**
 * Text appended to the streaming Text/Markdown widget node whose `id` is `component_id`.
 * @example WidgetStreamingTextValueDelta.parse({ type: "widget.streaming_text.value_delta", component_id: "t1", delta: "more", done: false });
 */
export const WidgetStreamingTextValueDelta = z.object({
  type: z.literal("widget.streaming_text.value_delta"),
  component_id: z.string(),
  delta: z.string(),
  done: z.boolean(),
});
/** @example const u: WidgetStreamingTextValueDelta = { type: "widget.streaming_text.value_delta", component_id: "t1", delta: "x", done: true }; */
export type WidgetStreamingTextValueDelta = z.infer<typeof WidgetStreamingTextValueDelta>;

/**
 * The whole widget root replaced.
 * @example WidgetRootUpdated.parse({ type: "widget.root.updated", widget: { type: "Card", children: [] } });
 */
export const WidgetRootUpdated = z.object({
  type: z.literal("widget.root.updated"),
  widget: WidgetRoot,
});
/** @example const u: WidgetRootUpdated = { type: "widget.root.updated", widget: Card({ children: [] }) }; */
export type WidgetRootUpdated = z.infer<typeof WidgetRootUpdated>;

/**
 * The widget node whose `id` is `component_id` replaced (in the protocol, never sent by the SDK).
 * @example WidgetComponentUpdated.parse({ type: "widget.component.updated", component_id: "b1", component: { type: "Text", value: "x" } });
 */
export const WidgetComponentUpdated = z.object({
  type: z.literal("widget.component.updated"),
  component_id: z.string(),
  component: WidgetComponent,
});
/** @example const u: WidgetComponentUpdated = { type: "widget.component.updated", component_id: "b1", component: Text({ value: "x" }) }; */
export type WidgetComponentUpdated = z.infer<typeof WidgetComponentUpdated>;

/**
 * A task appended to a workflow.
 * @example WorkflowTaskAdded.parse({ type: "workflow.task.added", task_index: 0, task: { type: "thought", content: "Hmm" } });
 */
export const WorkflowTaskAdded = z.object({
  type: z.literal("workflow.task.added"),
  task_index: index,
  task: Task,
});
/** @example const u: WorkflowTaskAdded = { type: "workflow.task.added", task_index: 0, task }; */
export type WorkflowTaskAdded = z.infer<typeof WorkflowTaskAdded>;

/**
 * The workflow task at `task_index` replaced.
 * @example WorkflowTaskUpdated.parse({ type: "workflow.task.updated", task_index: 0, task: { type: "thought", content: "Done" } });
 */
export const WorkflowTaskUpdated = z.object({
  type: z.literal("workflow.task.updated"),
  task_index: index,
  task: Task,
});
/** @example const u: WorkflowTaskUpdated = { type: "workflow.task.updated", task_index: 0, task }; */
export type WorkflowTaskUpdated = z.infer<typeof WorkflowTaskUpdated>;

/**
 * A (partial) generated image, with progress between 0 and 1.
 * @example GeneratedImageUpdated.parse({ type: "generated_image.updated", image: { id: "i", url: "https://x/i.png" }, progress: 0.5 });
 */
export const GeneratedImageUpdated = z.object({
  type: z.literal("generated_image.updated"),
  image: GeneratedImage,
  progress: z.number().min(0).max(1).nullish(),
});
/** @example const u: GeneratedImageUpdated = { type: "generated_image.updated", image: { id: "i", url: "/i.png" } }; */
export type GeneratedImageUpdated = z.infer<typeof GeneratedImageUpdated>;

/**
 * Any incremental update to a thread item (10 types), discriminated by `type`.
 * @example
 * const update = ThreadItemUpdate.parse(event.update);
 * if (update.type === "assistant_message.content_part.text_delta") text += update.delta;
 */
export const ThreadItemUpdate = z.discriminatedUnion("type", [
  AssistantMessageContentPartAdded,
  AssistantMessageContentPartTextDelta,
  AssistantMessageContentPartAnnotationAdded,
  AssistantMessageContentPartDone,
  WidgetStreamingTextValueDelta,
  WidgetRootUpdated,
  WidgetComponentUpdated,
  WorkflowTaskAdded,
  WorkflowTaskUpdated,
  GeneratedImageUpdated,
]);
/** @example const u: ThreadItemUpdate = { type: "widget.root.updated", widget }; */
export type ThreadItemUpdate = z.infer<typeof ThreadItemUpdate>;
