import { z } from "zod";
import { JsonObject } from "./common.js";
import { UserMessageInput } from "./content.js";
import { ThreadItem } from "./items.js";
import { StructuredInputSubmission } from "./structured.js";

/**
 * The action carried by `threads.custom_action` / `threads.sync_custom_action`: `{type, payload?}`.
 * Extra keys a client may send along (`handler`, `loadingBehavior`, `streaming`) are ignored, as in
 * ChatKit. The widget-side declaration is `ActionConfig` (see `actions.ts`).
 * @example WireAction.parse({ type: "todo.add", payload: { title: "Milk" } });
 */
export const WireAction = z.object({ type: z.string(), payload: z.unknown().optional() });
/** @example const a: WireAction = { type: "todo.add", payload: { title: "Milk" } }; */
export type WireAction = z.infer<typeof WireAction>;

/** `metadata` is accepted on every request (default `{}`) and never used by the server. */
const metadata = JsonObject.default(() => ({}));
const order = z.enum(["asc", "desc"]).default("desc");

function req<T extends string, P extends z.ZodObject>(type: T, params: P) {
  return z.object({ type: z.literal(type), params, metadata });
}

/** Starts a thread with a first user message (streams). @example ThreadsCreateReq.parse({ type: "threads.create", params: { input } }); */
export const ThreadsCreateReq = req("threads.create", z.object({ input: UserMessageInput }));
/** @example const r: ThreadsCreateReq = { type: "threads.create", params: { input }, metadata: {} }; */
export type ThreadsCreateReq = z.infer<typeof ThreadsCreateReq>;

/** Adds a user message to a thread (streams). @example ThreadsAddUserMessageReq.parse({ type: "threads.add_user_message", params: { thread_id: "thr_1", input } }); */
export const ThreadsAddUserMessageReq = req(
  "threads.add_user_message",
  z.object({ input: UserMessageInput, thread_id: z.string() }),
);
/** @example const r: ThreadsAddUserMessageReq = { type: "threads.add_user_message", params: { thread_id, input }, metadata: {} }; */
export type ThreadsAddUserMessageReq = z.infer<typeof ThreadsAddUserMessageReq>;

/** Returns a client tool's result (streams). `result` may be any JSON, `null` included, but must be present. @example ThreadsAddClientToolOutputReq.parse({ type: "threads.add_client_tool_output", params: { thread_id: "thr_1", result: { ok: true } } }); */
export const ThreadsAddClientToolOutputReq = req(
  "threads.add_client_tool_output",
  z.object({ thread_id: z.string(), result: z.unknown() }),
);
/** @example const r: ThreadsAddClientToolOutputReq = { type: "threads.add_client_tool_output", params: { thread_id, result: 1 }, metadata: {} }; */
export type ThreadsAddClientToolOutputReq = z.infer<typeof ThreadsAddClientToolOutputReq>;

/** Answers a `structured_input` item (streams). @example ThreadsAddStructuredInputReq.parse({ type: "threads.add_structured_input", params: { thread_id: "thr_1", item_id: "si_1", input: { answers: {} } } }); */
export const ThreadsAddStructuredInputReq = req(
  "threads.add_structured_input",
  z.object({ thread_id: z.string(), item_id: z.string(), input: StructuredInputSubmission }),
);
/** @example const r: ThreadsAddStructuredInputReq = { type: "threads.add_structured_input", params: { thread_id, item_id, input }, metadata: {} }; */
export type ThreadsAddStructuredInputReq = z.infer<typeof ThreadsAddStructuredInputReq>;

/** Regenerates the response after a user message (streams). @example ThreadsRetryAfterItemReq.parse({ type: "threads.retry_after_item", params: { thread_id: "thr_1", item_id: "msg_1" } }); */
export const ThreadsRetryAfterItemReq = req(
  "threads.retry_after_item",
  z.object({ thread_id: z.string(), item_id: z.string() }),
);
/** @example const r: ThreadsRetryAfterItemReq = { type: "threads.retry_after_item", params: { thread_id, item_id }, metadata: {} }; */
export type ThreadsRetryAfterItemReq = z.infer<typeof ThreadsRetryAfterItemReq>;

/** Params shared by `threads.custom_action` and `threads.sync_custom_action`. @example CustomActionParams.parse({ thread_id: "thr_1", item_id: null, action: { type: "go" } }); */
export const CustomActionParams = z.object({
  thread_id: z.string(),
  item_id: z.string().nullish(),
  action: WireAction,
});
/** @example const p: CustomActionParams = { thread_id: "thr_1", action: { type: "go" } }; */
export type CustomActionParams = z.infer<typeof CustomActionParams>;

/** Runs a widget action on the server (streams). @example ThreadsCustomActionReq.parse({ type: "threads.custom_action", params: { thread_id: "thr_1", item_id: "msg_1", action: { type: "go" } } }); */
export const ThreadsCustomActionReq = req("threads.custom_action", CustomActionParams);
/** @example const r: ThreadsCustomActionReq = { type: "threads.custom_action", params, metadata: {} }; */
export type ThreadsCustomActionReq = z.infer<typeof ThreadsCustomActionReq>;

/** Runs a widget action and answers with JSON (`SyncCustomActionResponse`). @example ThreadsSyncCustomActionReq.parse({ type: "threads.sync_custom_action", params: { thread_id: "thr_1", action: { type: "go" } } }); */
export const ThreadsSyncCustomActionReq = req("threads.sync_custom_action", CustomActionParams);
/** @example const r: ThreadsSyncCustomActionReq = { type: "threads.sync_custom_action", params, metadata: {} }; */
export type ThreadsSyncCustomActionReq = z.infer<typeof ThreadsSyncCustomActionReq>;

/** Loads a thread with its first 20 items. @example ThreadsGetByIdReq.parse({ type: "threads.get_by_id", params: { thread_id: "thr_1" } }); */
export const ThreadsGetByIdReq = req("threads.get_by_id", z.object({ thread_id: z.string() }));
/** @example const r: ThreadsGetByIdReq = { type: "threads.get_by_id", params: { thread_id }, metadata: {} }; */
export type ThreadsGetByIdReq = z.infer<typeof ThreadsGetByIdReq>;

/** Lists threads (`order` defaults to `"desc"`, `limit` to 20 on the server). @example ThreadsListReq.parse({ type: "threads.list", params: {} }); */
export const ThreadsListReq = req(
  "threads.list",
  z.object({ limit: z.number().int().nullish(), order, after: z.string().nullish() }),
);
/** @example const r: ThreadsListReq = { type: "threads.list", params: { order: "desc" }, metadata: {} }; */
export type ThreadsListReq = z.infer<typeof ThreadsListReq>;

/** Lists a thread's items (`order` defaults to `"desc"`). @example ItemsListReq.parse({ type: "items.list", params: { thread_id: "thr_1", limit: 50, order: "asc" } }); */
export const ItemsListReq = req(
  "items.list",
  z.object({
    thread_id: z.string(),
    limit: z.number().int().nullish(),
    order,
    after: z.string().nullish(),
  }),
);
/** @example const r: ItemsListReq = { type: "items.list", params: { thread_id, order: "desc" }, metadata: {} }; */
export type ItemsListReq = z.infer<typeof ItemsListReq>;

/** Renames a thread. @example ThreadsUpdateReq.parse({ type: "threads.update", params: { thread_id: "thr_1", title: "Trip" } }); */
export const ThreadsUpdateReq = req(
  "threads.update",
  z.object({ thread_id: z.string(), title: z.string() }),
);
/** @example const r: ThreadsUpdateReq = { type: "threads.update", params: { thread_id, title }, metadata: {} }; */
export type ThreadsUpdateReq = z.infer<typeof ThreadsUpdateReq>;

/** Deletes a thread. @example ThreadsDeleteReq.parse({ type: "threads.delete", params: { thread_id: "thr_1" } }); */
export const ThreadsDeleteReq = req("threads.delete", z.object({ thread_id: z.string() }));
/** @example const r: ThreadsDeleteReq = { type: "threads.delete", params: { thread_id }, metadata: {} }; */
export type ThreadsDeleteReq = z.infer<typeof ThreadsDeleteReq>;

/** Thumbs up/down on items. @example ItemsFeedbackReq.parse({ type: "items.feedback", params: { thread_id: "thr_1", item_ids: ["msg_2"], kind: "positive" } }); */
export const ItemsFeedbackReq = req(
  "items.feedback",
  z.object({
    thread_id: z.string(),
    item_ids: z.array(z.string()),
    kind: z.enum(["positive", "negative"]),
  }),
);
/** @example const r: ItemsFeedbackReq = { type: "items.feedback", params: { thread_id, item_ids, kind: "negative" }, metadata: {} }; */
export type ItemsFeedbackReq = z.infer<typeof ItemsFeedbackReq>;

/** Registers an attachment before upload. @example AttachmentsCreateReq.parse({ type: "attachments.create", params: { name: "a.png", size: 1024, mime_type: "image/png" } }); */
export const AttachmentsCreateReq = req(
  "attachments.create",
  z.object({ name: z.string(), size: z.number().int(), mime_type: z.string() }),
);
/** @example const r: AttachmentsCreateReq = { type: "attachments.create", params: { name, size, mime_type }, metadata: {} }; */
export type AttachmentsCreateReq = z.infer<typeof AttachmentsCreateReq>;

/** Deletes an attachment. @example AttachmentsDeleteReq.parse({ type: "attachments.delete", params: { attachment_id: "atc_1" } }); */
export const AttachmentsDeleteReq = req(
  "attachments.delete",
  z.object({ attachment_id: z.string() }),
);
/** @example const r: AttachmentsDeleteReq = { type: "attachments.delete", params: { attachment_id }, metadata: {} }; */
export type AttachmentsDeleteReq = z.infer<typeof AttachmentsDeleteReq>;

/** Transcribes dictated audio (answers `{text}`). @example InputTranscribeReq.parse({ type: "input.transcribe", params: { audio_base64: "AAAA", mime_type: "audio/webm;codecs=opus" } }); */
export const InputTranscribeReq = req(
  "input.transcribe",
  z.object({ audio_base64: z.string(), mime_type: z.string() }),
);
/** @example const r: InputTranscribeReq = { type: "input.transcribe", params: { audio_base64, mime_type }, metadata: {} }; */
export type InputTranscribeReq = z.infer<typeof InputTranscribeReq>;

/**
 * The request types answered with an SSE stream. `threads.sync_custom_action` is not one of them.
 * @example STREAMING_REQUEST_TYPES.includes("threads.create"); // true
 */
export const STREAMING_REQUEST_TYPES = [
  "threads.create",
  "threads.add_user_message",
  "threads.add_client_tool_output",
  "threads.add_structured_input",
  "threads.retry_after_item",
  "threads.custom_action",
] as const;

/** The requests answered with an SSE stream (6). @example StreamingReq.parse(body); */
export const StreamingReq = z.discriminatedUnion("type", [
  ThreadsCreateReq,
  ThreadsAddUserMessageReq,
  ThreadsAddClientToolOutputReq,
  ThreadsAddStructuredInputReq,
  ThreadsRetryAfterItemReq,
  ThreadsCustomActionReq,
]);
/** @example if (isStreamingReq(req)) { const r: StreamingReq = req; } */
export type StreamingReq = z.infer<typeof StreamingReq>;

/** The requests answered with JSON (10). @example NonStreamingReq.parse(body); */
export const NonStreamingReq = z.discriminatedUnion("type", [
  ThreadsSyncCustomActionReq,
  ThreadsGetByIdReq,
  ThreadsListReq,
  ItemsListReq,
  ThreadsUpdateReq,
  ThreadsDeleteReq,
  ItemsFeedbackReq,
  AttachmentsCreateReq,
  AttachmentsDeleteReq,
  InputTranscribeReq,
]);
/** @example if (!isStreamingReq(req)) { const r: NonStreamingReq = req; } */
export type NonStreamingReq = z.infer<typeof NonStreamingReq>;

/**
 * Any ChatKit request (16 types), discriminated by `type`. Prefer `parseRequest` for readable errors.
 * @example const req = ChatKitRequest.parse(JSON.parse(body));
 */
export const ChatKitRequest = z.discriminatedUnion("type", [StreamingReq, NonStreamingReq]);
/** @example const r: ChatKitRequest = { type: "threads.list", params: { order: "desc" }, metadata: {} }; */
export type ChatKitRequest = z.infer<typeof ChatKitRequest>;

/**
 * Every request type, streaming ones first.
 * @example REQUEST_TYPES.length; // 16
 */
export const REQUEST_TYPES: readonly ChatKitRequest["type"][] = [
  ...STREAMING_REQUEST_TYPES,
  ...NonStreamingReq.options.map((option) => option.shape.type.value),
];

const streamingTypes: ReadonlySet<string> = new Set(STREAMING_REQUEST_TYPES);

/**
 * True when the request is answered with an SSE stream (narrows to {@link StreamingReq}).
 * @example if (isStreamingReq(req)) return streamEvents(req); else return json(req);
 */
export function isStreamingReq(request: ChatKitRequest): request is StreamingReq {
  return streamingTypes.has(request.type);
}

/**
 * The JSON answer to `threads.sync_custom_action`: `{updated_item}` or `{}`.
 * @example SyncCustomActionResponse.parse({ updated_item: item });
 */
export const SyncCustomActionResponse = z.object({ updated_item: ThreadItem.nullish() });
/** @example const r: SyncCustomActionResponse = {}; */
export type SyncCustomActionResponse = z.infer<typeof SyncCustomActionResponse>;

/**
 * The JSON answer to `input.transcribe`.
 * @example TranscriptionResult.parse({ text: "hello" });
 */
export const TranscriptionResult = z.object({ text: z.string() });
/** @example const r: TranscriptionResult = { text: "hello" }; */
export type TranscriptionResult = z.infer<typeof TranscriptionResult>;
