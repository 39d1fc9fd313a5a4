import type { ChatKitRequest, ThreadStreamEvent } from "@threadkit/core";
import type { ChatKitServer } from "../server.js";
type Stream = () => AsyncIterable<ThreadStreamEvent>;
/** A checked streaming request: its thread (new or existing) and its lazy event stream. */
export interface PreparedStream {
    threadId: string;
    open: Stream;
}
/** The request types answered with a stream. */
export declare const STREAMING_TYPES: ReadonlySet<string>;
/**
 * Runs the pre-stream checks of a streaming request (one of {@link STREAMING_TYPES}), throwing
 * `NotFoundError` / `BadRequestError` so HTTP can answer 404 / 400, and returns the lazy stream.
 *
 * @example
 * const stream = await prepareStream(server, request, context, signal);
 */
export declare function prepareStream<C>(server: ChatKitServer<C>, request: ChatKitRequest, context: C, signal: AbortSignal): Promise<PreparedStream>;
export {};
//# sourceMappingURL=streaming.d.ts.map