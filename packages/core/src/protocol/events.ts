import { z } from "zod";
import { JsonObject } from "./common.js";
import { IconName } from "./icons.js";
import { ThreadItem } from "./items.js";
import { Thread } from "./thread.js";
import { ThreadItemUpdate } from "./updates.js";

/**
 * A thread was created (sent first by `threads.create`, with an empty items page).
 * @example ThreadCreatedEvent.parse({ type: "thread.created", thread });
 */
export const ThreadCreatedEvent = z.object({ type: z.literal("thread.created"), thread: Thread });
/** @example const e: ThreadCreatedEvent = { type: "thread.created", thread }; */
export type ThreadCreatedEvent = z.infer<typeof ThreadCreatedEvent>;

/**
 * The thread's metadata (title, status, ...) changed.
 * @example ThreadUpdatedEvent.parse({ type: "thread.updated", thread });
 */
export const ThreadUpdatedEvent = z.object({ type: z.literal("thread.updated"), thread: Thread });
/** @example const e: ThreadUpdatedEvent = { type: "thread.updated", thread }; */
export type ThreadUpdatedEvent = z.infer<typeof ThreadUpdatedEvent>;

/**
 * An item started (not yet persisted; updates follow).
 * @example ThreadItemAddedEvent.parse({ type: "thread.item.added", item });
 */
export const ThreadItemAddedEvent = z.object({
  type: z.literal("thread.item.added"),
  item: ThreadItem,
});
/** @example const e: ThreadItemAddedEvent = { type: "thread.item.added", item }; */
export type ThreadItemAddedEvent = z.infer<typeof ThreadItemAddedEvent>;

/**
 * An incremental update to the item `item_id`.
 * @example ThreadItemUpdatedEvent.parse({ type: "thread.item.updated", item_id: "msg_1", update: { type: "assistant_message.content_part.text_delta", content_index: 0, delta: "Hi" } });
 */
export const ThreadItemUpdatedEvent = z.object({
  type: z.literal("thread.item.updated"),
  item_id: z.string(),
  update: ThreadItemUpdate,
});
/** @example const e: ThreadItemUpdatedEvent = { type: "thread.item.updated", item_id: "msg_1", update }; */
export type ThreadItemUpdatedEvent = z.infer<typeof ThreadItemUpdatedEvent>;

/**
 * Backwards-compatible alias of {@link ThreadItemUpdatedEvent}.
 * @example ThreadItemUpdated.parse(event);
 */
export const ThreadItemUpdated = ThreadItemUpdatedEvent;
/** @example const e: ThreadItemUpdated = { type: "thread.item.updated", item_id, update }; */
export type ThreadItemUpdated = ThreadItemUpdatedEvent;

/**
 * An item is complete (and persisted).
 * @example ThreadItemDoneEvent.parse({ type: "thread.item.done", item });
 */
export const ThreadItemDoneEvent = z.object({
  type: z.literal("thread.item.done"),
  item: ThreadItem,
});
/** @example const e: ThreadItemDoneEvent = { type: "thread.item.done", item }; */
export type ThreadItemDoneEvent = z.infer<typeof ThreadItemDoneEvent>;

/**
 * The item `item_id` was removed.
 * @example ThreadItemRemovedEvent.parse({ type: "thread.item.removed", item_id: "msg_1" });
 */
export const ThreadItemRemovedEvent = z.object({
  type: z.literal("thread.item.removed"),
  item_id: z.string(),
});
/** @example const e: ThreadItemRemovedEvent = { type: "thread.item.removed", item_id: "msg_1" }; */
export type ThreadItemRemovedEvent = z.infer<typeof ThreadItemRemovedEvent>;

/**
 * An item was replaced wholesale (persisted as an upsert).
 * @example ThreadItemReplacedEvent.parse({ type: "thread.item.replaced", item });
 */
export const ThreadItemReplacedEvent = z.object({
  type: z.literal("thread.item.replaced"),
  item: ThreadItem,
});
/** @example const e: ThreadItemReplacedEvent = { type: "thread.item.replaced", item }; */
export type ThreadItemReplacedEvent = z.infer<typeof ThreadItemReplacedEvent>;

/**
 * Runtime stream settings.
 * @example StreamOptions.parse({ allow_cancel: true });
 */
export const StreamOptions = z.object({ allow_cancel: z.boolean() });
/** @example const o: StreamOptions = { allow_cancel: true }; */
export type StreamOptions = z.infer<typeof StreamOptions>;

/**
 * Stream settings, always the first event of a response.
 * @example StreamOptionsEvent.parse({ type: "stream_options", stream_options: { allow_cancel: true } });
 */
export const StreamOptionsEvent = z.object({
  type: z.literal("stream_options"),
  stream_options: StreamOptions,
});
/** @example const e: StreamOptionsEvent = { type: "stream_options", stream_options: { allow_cancel: true } }; */
export type StreamOptionsEvent = z.infer<typeof StreamOptionsEvent>;

/**
 * A transient progress line (never stored).
 * @example ProgressUpdateEvent.parse({ type: "progress_update", icon: "search", text: "Searching..." });
 */
export const ProgressUpdateEvent = z.object({
  type: z.literal("progress_update"),
  icon: IconName.nullish(),
  text: z.string(),
});
/** @example const e: ProgressUpdateEvent = { type: "progress_update", text: "Working" }; */
export type ProgressUpdateEvent = z.infer<typeof ProgressUpdateEvent>;

/**
 * A fire-and-forget side effect for the client (`data` defaults to `{}`).
 * @example ClientEffectEvent.parse({ type: "client_effect", name: "confetti", data: {} });
 */
export const ClientEffectEvent = z.object({
  type: z.literal("client_effect"),
  name: z.string(),
  data: JsonObject.default(() => ({})),
});
/** @example const e: ClientEffectEvent = { type: "client_effect", name: "confetti", data: {} }; */
export type ClientEffectEvent = z.infer<typeof ClientEffectEvent>;

/**
 * An error code: `"stream.error"`, `"custom"`, or another code (the set is documented as open).
 * @example ErrorCode.parse("stream.error");
 */
export const ErrorCode = z.union([z.literal("stream.error"), z.literal("custom"), z.string()]);
/** @example const code: ErrorCode = "custom"; */
export type ErrorCode = "stream.error" | "custom" | (string & {});

/**
 * An error shown to the user; the stream ends after it. `code` defaults to `"custom"` and
 * `allow_retry` to `false`.
 * @example ErrorEvent.parse({ type: "error", code: "stream.error", allow_retry: true });
 */
export const ErrorEvent = z.object({
  type: z.literal("error"),
  code: ErrorCode.default("custom"),
  message: z.string().nullish(),
  allow_retry: z.boolean().default(false),
});
/** @example const e: ErrorEvent = { type: "error", code: "custom", message: "Oops", allow_retry: false }; */
export type ErrorEvent = z.infer<typeof ErrorEvent>;

/**
 * A user-facing notice (markdown `message`).
 * @example NoticeEvent.parse({ type: "notice", level: "warning", message: "Almost at your limit" });
 */
export const NoticeEvent = z.object({
  type: z.literal("notice"),
  level: z.enum(["info", "warning", "danger"]),
  message: z.string(),
  title: z.string().nullish(),
});
/** @example const e: NoticeEvent = { type: "notice", level: "info", message: "Hi" }; */
export type NoticeEvent = z.infer<typeof NoticeEvent>;

/**
 * Any server-sent stream event (12 types), discriminated by `type`.
 * @example
 * const event = ThreadStreamEvent.parse(JSON.parse(data));
 * if (event.type === "thread.item.done") render(event.item);
 */
export const ThreadStreamEvent = z.discriminatedUnion("type", [
  ThreadCreatedEvent,
  ThreadUpdatedEvent,
  ThreadItemDoneEvent,
  ThreadItemAddedEvent,
  ThreadItemUpdatedEvent,
  ThreadItemRemovedEvent,
  ThreadItemReplacedEvent,
  StreamOptionsEvent,
  ProgressUpdateEvent,
  ClientEffectEvent,
  ErrorEvent,
  NoticeEvent,
]);
/** @example const e: ThreadStreamEvent = { type: "thread.item.removed", item_id: "msg_1" }; */
export type ThreadStreamEvent = z.infer<typeof ThreadStreamEvent>;
