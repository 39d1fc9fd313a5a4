import { z } from "zod";
import { FileSource, URLSource } from "./content.js";
import { IconName } from "./icons.js";

const TaskBase = z.object({
  /** Only used when the task is shown inside a workflow. Defaults to `"none"`. */
  status_indicator: z.enum(["none", "loading", "complete"]).default("none"),
});

/**
 * A task with custom title, icon and content.
 * @example CustomTask.parse({ type: "custom", title: "Checking stock", icon: "search" });
 */
export const CustomTask = TaskBase.extend({
  type: z.literal("custom"),
  title: z.string().nullish(),
  icon: IconName.nullish(),
  content: z.string().nullish(),
});
/** @example const t: CustomTask = { type: "custom", title: "Working", status_indicator: "loading" }; */
export type CustomTask = z.infer<typeof CustomTask>;

/**
 * A web search with its queries and the sources it found (both default to `[]`).
 * @example SearchTask.parse({ type: "web_search", queries: ["chatkit"], sources: [] });
 */
export const SearchTask = TaskBase.extend({
  type: z.literal("web_search"),
  title: z.string().nullish(),
  title_query: z.string().nullish(),
  queries: z.array(z.string()).default(() => []),
  sources: z.array(URLSource).default(() => []),
});
/** @example const t: SearchTask = { type: "web_search", queries: [], sources: [], status_indicator: "none" }; */
export type SearchTask = z.infer<typeof SearchTask>;

/**
 * A piece of reasoning (`content` is required).
 * @example ThoughtTask.parse({ type: "thought", content: "Thinking..." });
 */
export const ThoughtTask = TaskBase.extend({
  type: z.literal("thought"),
  title: z.string().nullish(),
  content: z.string(),
});
/** @example const t: ThoughtTask = { type: "thought", content: "Hmm", status_indicator: "none" }; */
export type ThoughtTask = z.infer<typeof ThoughtTask>;

/**
 * Files consulted (`sources` defaults to `[]`).
 * @example FileTask.parse({ type: "file", sources: [{ type: "file", title: "R", filename: "r.pdf" }] });
 */
export const FileTask = TaskBase.extend({
  type: z.literal("file"),
  title: z.string().nullish(),
  sources: z.array(FileSource).default(() => []),
});
/** @example const t: FileTask = { type: "file", sources: [], status_indicator: "complete" }; */
export type FileTask = z.infer<typeof FileTask>;

/**
 * An image being produced.
 * @example ImageTask.parse({ type: "image", title: "Drawing" });
 */
export const ImageTask = TaskBase.extend({ type: z.literal("image"), title: z.string().nullish() });
/** @example const t: ImageTask = { type: "image", status_indicator: "loading" }; */
export type ImageTask = z.infer<typeof ImageTask>;

/**
 * A task shown alone (`task` item) or inside a workflow, discriminated by `type`.
 * @example Task.parse({ type: "thought", content: "Let me check." });
 */
export const Task = z.discriminatedUnion("type", [
  CustomTask,
  SearchTask,
  ThoughtTask,
  FileTask,
  ImageTask,
]);
/** @example const t: Task = { type: "image", status_indicator: "none" }; */
export type Task = z.infer<typeof Task>;

/**
 * A workflow summary with a title and an optional icon.
 * @example CustomSummary.parse({ title: "Searched 3 sites", icon: "search" });
 */
export const CustomSummary = z.object({ title: z.string(), icon: IconName.nullish() });
/** @example const s: CustomSummary = { title: "Done" }; */
export type CustomSummary = z.infer<typeof CustomSummary>;

/**
 * A workflow summary giving its duration in whole seconds.
 * @example DurationSummary.parse({ duration: 12 });
 */
export const DurationSummary = z.object({ duration: z.number().int() });
/** @example const s: DurationSummary = { duration: 12 }; */
export type DurationSummary = z.infer<typeof DurationSummary>;

/**
 * A workflow's summary: `{title, icon?}` or `{duration}`. There is no discriminator field.
 * @example WorkflowSummary.parse({ duration: 4 });
 */
export const WorkflowSummary = z.union([CustomSummary, DurationSummary], {
  error: "expected {title, icon?} or {duration}",
});
/** @example const s: WorkflowSummary = { title: "Thought for a while" }; */
export type WorkflowSummary = z.infer<typeof WorkflowSummary>;

/**
 * A sequence of tasks shown as one collapsible block (`expanded` defaults to `false`).
 * @example Workflow.parse({ type: "reasoning", tasks: [], expanded: false });
 */
export const Workflow = z.object({
  type: z.enum(["custom", "reasoning"]),
  tasks: z.array(Task),
  summary: WorkflowSummary.nullish(),
  expanded: z.boolean().default(false),
});
/** @example const w: Workflow = { type: "custom", tasks: [], expanded: true }; */
export type Workflow = z.infer<typeof Workflow>;
