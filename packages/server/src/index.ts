/**
 * @threadkit/server — ChatKitServer for Node and web runtimes: the ChatKit request set, the event
 * pipeline, SQLite and memory stores, HTTP adapters (fetch and node:http) and widget templates.
 *
 * @example
 * import { ChatKitServer, SQLiteStore, createNodeHandler } from "@threadkit/server";
 */

export * from "./actions/index.js";
export * from "./attachments/index.js";
export {
  BadRequestError,
  CustomStreamError,
  HttpError,
  type HttpErrorResponse,
  NotImplementedServerError,
  PayloadTooLargeError,
  StoreUnavailableError,
  StreamError,
  toHttpError,
} from "./errors.js";
export { storedItemJson } from "./event-json.js";
export { type CreateFetchHandlerOptions, createFetchHandler } from "./http/fetch.js";
export { type CreateNodeHandlerOptions, createNodeHandler } from "./http/node.js";
export {
  type StreamAssistantMessageOptions,
  streamAssistantMessage,
} from "./message-stream.js";
export { defaultHandleStreamCancelled, errorEvent, processEvents } from "./pipeline.js";
export { MAX_REQUEST_DEPTH, parseRequest } from "./requests/parse.js";
export { applyStructuredInput } from "./requests/structured-input.js";
export {
  NonStreamingResult,
  type ProcessResult,
  StreamingResult,
  type StreamingResultOptions,
} from "./results.js";
export * from "./runs/index.js";
export {
  type AudioInput,
  ChatKitServer,
  type ChatKitServerOptions,
  type FeedbackKind,
  type HandlerOptions,
  type ProcessOptions,
  type ServerAttachmentStore,
  type TranscriptionResult,
} from "./server.js";
export { encodeSseEvent, parseSseEvents, SSE_HEARTBEAT } from "./sse.js";
export {
  decideClaim,
  IDEMPOTENCY_STALE_MS,
  IDEMPOTENCY_TTL_MS,
  type IdempotencyClaim,
  type IdempotencyRecord,
  type IdempotencyStore,
} from "./store/idempotency.js";
export { generateId, isSafeId, randomHex } from "./store/ids.js";
export {
  LOAD_THREAD_ITEM,
  loadThreadItemApart,
  loadThreadItemOnce,
  type ThreadItemRow,
} from "./store/load-thread-item.js";
export { MemoryStore, type MemoryStoreOptions } from "./store/memory.js";
export { attachmentNotFound, itemNotFound, threadNotFound } from "./store/not-found.js";
export { cutPage, pageLimit, threadMetadataOnly, timeKey } from "./store/order.js";
export { HIDDEN_ITEM_TYPES, isHiddenItem, loadVisibleItems } from "./store/pages.js";
export { SQLiteStore, type SQLiteStoreOptions } from "./store/sqlite.js";
export type { Order, Store, StoreItemType, StoreUnit, StoreWrites } from "./store/types.js";
export { NotFoundError } from "./store/types.js";
export { TemplateRenderError, tojson } from "./templates/jinja.js";
export { WidgetTemplate, type WidgetTemplateDefinition, WidgetTemplateError } from "./templates.js";
export { metadataOf, toThreadResponse } from "./thread-response.js";
export { replaceWidgetRoot, type StreamWidgetOptions, streamWidget } from "./widget-stream.js";
