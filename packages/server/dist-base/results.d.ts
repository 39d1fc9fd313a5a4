import type { StoreUnit } from "./store/types.js";
/** SSE text, or the same as UTF-8 bytes (a resumable run's appends, encoded once). */
export type SseChunk = string | Uint8Array;
/** The SSE frame of {@link STREAM_FAILED}. */
export declare const STREAM_FAILED_FRAME: string;
/**
 * @internal The frames without a commit before each: the node adapter reads a tick's frames,
 * then calls {@link StreamingResult.commitWrites} once before it writes them.
 */
export declare const UNCOMMITTED_FRAMES: unique symbol;
/**
 * The result of a streaming request: a lazy, single-use async iterable of SSE chunks
 * (`data: <json>\n\n` as `Uint8Array`). Nothing runs until it is iterated. {@link events} gives the
 * same stream as serialised event objects instead of bytes. Stopping early (`break`, `return()`)
 * or aborting the request's signal runs the cancellation path.
 *
 * @example
 * const result = await server.process(body, ctx);
 * if (result instanceof StreamingResult) for await (const chunk of result) res.write(chunk);
 */
export declare class StreamingResult implements AsyncIterable<Uint8Array> {
    #private;
    readonly streaming: true;
    /** Extra response headers (resumable runs: `Threadkit-Run`); undefined for plain streams. */
    readonly headers: Readonly<Record<string, string>> | undefined;
    constructor(source: () => AsyncIterable<unknown>, controller: AbortController, options?: StreamingResultOptions);
    /**
     * @internal Makes the writes behind the events read so far durable (commits the request's
     * unit of work); throws when they could not be. The iterators below call it before handing
     * out each event; {@link UNCOMMITTED_FRAMES}' reader calls it before each socket write.
     */
    commitWrites(): void;
    /** Aborted when the request is cancelled (client disconnect or {@link cancel}). */
    get signal(): AbortSignal;
    /** Cancels the stream: the handler's signal aborts and the cancellation path runs. */
    cancel(): void;
    /** The stream as serialised JSON objects (what each `data:` line carries). Single use. */
    events(): AsyncGenerator<Record<string, unknown>>;
    [Symbol.asyncIterator](): AsyncGenerator<Uint8Array>;
    /**
     * The same SSE chunks as text, not bytes (single use). The node adapter joins the chunks of a
     * tick and encodes them once, instead of running a TextEncoder and a Buffer.concat per event.
     */
    frames(): AsyncGenerator<string>;
    /**
     * @internal {@link frames} for a reader that calls {@link commitWrites} before it writes (the
     * node adapter). A plain stream's frames come from a hand-written iterator over the pipeline,
     * not one more generator: each generator layer cost a few promises per streamed event.
     */
    [UNCOMMITTED_FRAMES](): ChunkReader;
}
/** What the node adapter reads a stream's chunks through. */
export interface ChunkReader {
    next(): Promise<IteratorResult<SseChunk, undefined>>;
    return(value?: undefined): Promise<IteratorResult<SseChunk, undefined>>;
}
/** Options of a {@link StreamingResult}, set by the server for runs. */
export interface StreamingResultOptions {
    /** The stream as SSE frames (a resumable run's, with `id:` lines) instead of events. */
    frames?: () => AsyncIterable<SseChunk>;
    /** Extra response headers. */
    headers?: Readonly<Record<string, string>>;
    /**
     * Called once when the stream has ended, was stopped, or was cancelled before use; the stream
     * ends when it resolves.
     */
    onSettled?: () => void | Promise<void>;
    /** The request's writes, made durable before the events after them are handed out. */
    unit?: StoreUnit<never>;
}
/**
 * The result of a non-streaming request: the JSON response text.
 *
 * @example
 * if (result instanceof NonStreamingResult) return new Response(result.json, { headers: { "content-type": "application/json" } });
 */
export declare class NonStreamingResult {
    readonly json: string;
    readonly status: number;
    readonly headers?: Readonly<Record<string, string>> | undefined;
    readonly streaming: false;
    /**
     * @param json The response body (empty for 204).
     * @param status The HTTP status (200; 202 for a stop, 204 for a resume with nothing left).
     * @param headers Extra response headers (`Threadkit-Active-Run`).
     */
    constructor(json: string, status?: number, headers?: Readonly<Record<string, string>> | undefined);
}
/** What {@link ChatKitServer.process} returns. */
export type ProcessResult = StreamingResult | NonStreamingResult;
//# sourceMappingURL=results.d.ts.map