import { z } from "zod";
import { JsonObject } from "./common.js";
import { IconName } from "./icons.js";

/**
 * Plain text typed by the user.
 * @example UserMessageTextContent.parse({ type: "input_text", text: "Hi" });
 */
export const UserMessageTextContent = z.object({ type: z.literal("input_text"), text: z.string() });
/** @example const c: UserMessageTextContent = { type: "input_text", text: "Hi" }; */
export type UserMessageTextContent = z.infer<typeof UserMessageTextContent>;

/**
 * An entity tag (`@mention`) in the user's message. `data` defaults to `{}` and `interactive` to
 * `false`.
 * @example UserMessageTagContent.parse({ type: "input_tag", id: "u1", text: "Ada", data: {} });
 */
export const UserMessageTagContent = z.object({
  type: z.literal("input_tag"),
  id: z.string(),
  text: z.string(),
  data: JsonObject.default(() => ({})),
  group: z.string().nullish(),
  interactive: z.boolean().default(false),
});
/** @example const c: UserMessageTagContent = { type: "input_tag", id: "u1", text: "Ada", data: {}, interactive: false }; */
export type UserMessageTagContent = z.infer<typeof UserMessageTagContent>;
/**
 * A tag as callers may write it: `data` and `interactive` may be left out (they default).
 * @example const c: UserMessageTagContentInput = { type: "input_tag", id: "u1", text: "Ada" };
 */
export type UserMessageTagContentInput = z.input<typeof UserMessageTagContent>;

/**
 * One part of a user message: `input_text` or `input_tag`.
 * @example UserMessageContent.parse({ type: "input_text", text: "Hello" });
 */
export const UserMessageContent = z.discriminatedUnion("type", [
  UserMessageTextContent,
  UserMessageTagContent,
]);
/** @example const c: UserMessageContent = { type: "input_text", text: "Hello" }; */
export type UserMessageContent = z.infer<typeof UserMessageContent>;
/**
 * A content part as callers may write it (the official `UserMessageContent`): defaults left out.
 * @example const c: UserMessageContentInput = { type: "input_tag", id: "u1", text: "Ada" };
 */
export type UserMessageContentInput = z.input<typeof UserMessageContent>;

/**
 * An explicit tool selection from the composer.
 * @example ToolChoice.parse({ id: "search" });
 */
export const ToolChoice = z.object({ id: z.string() });
/** @example const t: ToolChoice = { id: "search" }; */
export type ToolChoice = z.infer<typeof ToolChoice>;

/**
 * Model and tool choices made in the composer. Required on the wire, but may be `{}`.
 * @example InferenceOptions.parse({ model: "gpt-5" });
 */
export const InferenceOptions = z.object({
  tool_choice: ToolChoice.nullish(),
  model: z.string().nullish(),
});
/** @example const o: InferenceOptions = {}; */
export type InferenceOptions = z.infer<typeof InferenceOptions>;

/**
 * What the client sends as a new user message. `attachments` holds attachment ids (required, may
 * be empty) and `inference_options` is required (may be `{}`).
 * @example UserMessageInput.parse({ content: [{ type: "input_text", text: "Hi" }], attachments: [], inference_options: {} });
 */
export const UserMessageInput = z.object({
  content: z.array(UserMessageContent),
  attachments: z.array(z.string()),
  quoted_text: z.string().nullish(),
  inference_options: InferenceOptions,
});
/** @example const i: UserMessageInput = { content: [], attachments: [], inference_options: {} }; */
export type UserMessageInput = z.infer<typeof UserMessageInput>;

const SourceBase = z.object({
  title: z.string(),
  description: z.string().nullish(),
  timestamp: z.string().nullish(),
  group: z.string().nullish(),
});

/**
 * A web page cited by the assistant.
 * @example URLSource.parse({ type: "url", title: "Docs", url: "https://example.com" });
 */
export const URLSource = SourceBase.extend({
  type: z.literal("url"),
  url: z.string(),
  attribution: z.string().nullish(),
});
/** @example const s: URLSource = { type: "url", title: "Docs", url: "https://example.com" }; */
export type URLSource = z.infer<typeof URLSource>;

/**
 * A file cited by the assistant.
 * @example FileSource.parse({ type: "file", title: "Report", filename: "report.pdf" });
 */
export const FileSource = SourceBase.extend({ type: z.literal("file"), filename: z.string() });
/** @example const s: FileSource = { type: "file", title: "Report", filename: "report.pdf" }; */
export type FileSource = z.infer<typeof FileSource>;

/**
 * An integration-defined entity cited by the assistant. `interactive` defaults to `false` and
 * `data` to `{}`; `preview` ("lazy") is deprecated and ignored by clients.
 * @example EntitySource.parse({ type: "entity", title: "Ada", id: "user_1" });
 */
export const EntitySource = SourceBase.extend({
  type: z.literal("entity"),
  id: z.string(),
  icon: IconName.nullish(),
  label: z.string().nullish(),
  inline_label: z.string().nullish(),
  interactive: z.boolean().default(false),
  data: JsonObject.default(() => ({})),
  preview: z.literal("lazy").nullish(),
});
/** @example const s: EntitySource = { type: "entity", title: "Ada", id: "u1", interactive: false, data: {} }; */
export type EntitySource = z.infer<typeof EntitySource>;

/**
 * Any citation source, discriminated by `type`.
 * @example Source.parse({ type: "file", title: "Report", filename: "r.pdf" });
 */
export const Source = z.discriminatedUnion("type", [URLSource, FileSource, EntitySource]);
/** @example const s: Source = { type: "url", title: "Docs", url: "https://example.com" }; */
export type Source = z.infer<typeof Source>;

/**
 * A citation attached to assistant text; `index` is the character position, when known.
 * @example Annotation.parse({ type: "annotation", source: { type: "url", title: "A", url: "https://a" }, index: 3 });
 */
export const Annotation = z.object({
  type: z.literal("annotation").default("annotation"),
  source: Source,
  index: z.number().int().nullish(),
});
/** @example const a: Annotation = { type: "annotation", source: { type: "file", title: "R", filename: "r.pdf" } }; */
export type Annotation = z.infer<typeof Annotation>;

/**
 * One part of an assistant message: markdown text with its citations (`annotations` defaults to `[]`).
 * @example AssistantMessageContent.parse({ type: "output_text", text: "Hello", annotations: [] });
 */
export const AssistantMessageContent = z.object({
  annotations: z.array(Annotation).default(() => []),
  text: z.string(),
  type: z.literal("output_text").default("output_text"),
});
/** @example const c: AssistantMessageContent = { type: "output_text", text: "Hi", annotations: [] }; */
export type AssistantMessageContent = z.infer<typeof AssistantMessageContent>;
