import type { ThreadMetadata, ThreadStreamEvent } from "@threadkit/core";
import type { StoreItemType } from "./store/types.js";
/** Options of {@link streamAssistantMessage}. */
export interface StreamAssistantMessageOptions {
    /** Id generator; defaults to a random `msg_` id. */
    generateId?: (kind: StoreItemType) => string;
    /** Stops reading `text` when aborted; what was sent so far becomes the message. */
    signal?: AbortSignal;
}
/**
 * Streams text as one assistant message, without a model SDK: `thread.item.added`, the content
 * part's `added`, one `text_delta` per chunk of `text`, the part's `done`, then `thread.item.done`
 * (which the pipeline persists). A string is sent as a single delta. If the stream is cancelled
 * midway, the pipeline saves the partial text it has seen.
 *
 * @example
 * async *respond(thread, input, context) {
 *   async function* words() { for (const w of ["Hello", ", ", "world"]) yield w; }
 *   yield* streamAssistantMessage(thread, words());
 * }
 */
export declare function streamAssistantMessage(thread: ThreadMetadata, text: string | Iterable<string> | AsyncIterable<string>, options?: StreamAssistantMessageOptions): AsyncGenerator<ThreadStreamEvent>;
//# sourceMappingURL=message-stream.d.ts.map