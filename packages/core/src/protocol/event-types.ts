/**
 * The `type` of every stream event (12), as plain data: for code that must recognise events
 * without loading the zod schemas (the browser client, the server's yield check).
 *
 * @example STREAM_EVENT_TYPES.includes("thread.item.done"); // true
 */
export const STREAM_EVENT_TYPES = [
  "thread.created",
  "thread.updated",
  "thread.item.added",
  "thread.item.updated",
  "thread.item.done",
  "thread.item.removed",
  "thread.item.replaced",
  "stream_options",
  "progress_update",
  "client_effect",
  "error",
  "notice",
] as const;

/** One of {@link STREAM_EVENT_TYPES}. */
export type StreamEventType = (typeof STREAM_EVENT_TYPES)[number];
