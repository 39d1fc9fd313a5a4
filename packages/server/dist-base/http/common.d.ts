/** Default request body limit: 1 MiB. */
export declare const DEFAULT_MAX_BODY_BYTES: number;
/** Default idle time before a `: keep-alive` comment is sent on an SSE stream. */
export declare const DEFAULT_HEARTBEAT_MS = 15000;
/** Headers of every SSE response. */
export declare const SSE_HEADERS: Readonly<Record<string, string>>;
/** Headers of every JSON response. */
export declare const JSON_HEADERS: Readonly<Record<string, string>>;
/** Status, JSON text and extra headers for an error; 5xx causes are logged (no request data). */
export declare function errorPayload(error: unknown): {
    status: number;
    json: string;
    headers: Record<string, string>;
};
/**
 * Pulls SSE chunks one at a time from a stream; when the stream is idle for `heartbeatMs`
 * it returns the `: keep-alive` comment instead, keeping the pending read for the next call.
 * The caller asks for the next chunk only when it can write it (backpressure).
 *
 * One timer serves the whole stream: it is armed once and, when it fires while chunks are still
 * flowing, re-armed for the rest of the idle time. (A timer per chunk cost a `setTimeout` and a
 * `clearTimeout` for every event, a large share of a fast stream's time.)
 */
export declare class SsePump {
    #private;
    constructor(source: AsyncIterable<Uint8Array>, heartbeatMs: number);
    /** The next chunk, a heartbeat comment, or `null` at the end of the stream. */
    next(): Promise<Uint8Array | null>;
    /** Ends the source (after the request's signal was aborted, this lets cancellation finish). */
    close(): Promise<void>;
}
//# sourceMappingURL=common.d.ts.map