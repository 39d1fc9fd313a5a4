import { NotFoundError } from "./store/types.js";
/**
 * An error a handler throws to end a stream with `{"type":"error","code":<code>,"allow_retry":...}`.
 * `allowRetry` defaults to the code's default: `true` for `stream.error`, `false` otherwise.
 *
 * @example
 * throw new StreamError("stream.error", { allowRetry: false });
 */
export declare class StreamError extends Error {
    name: string;
    readonly code: string;
    readonly allowRetry: boolean;
    constructor(code?: string, options?: {
        allowRetry?: boolean | null;
    });
}
/**
 * An error with a user-facing (already localised) message:
 * `{"type":"error","code":"custom","message":...,"allow_retry":...}`. `allowRetry` defaults to false.
 *
 * @example
 * throw new CustomStreamError("The calendar is unavailable, try again later.", { allowRetry: true });
 */
export declare class CustomStreamError extends Error {
    name: string;
    readonly code = "custom";
    readonly allowRetry: boolean;
    constructor(message: string, options?: {
        allowRetry?: boolean;
    });
}
/**
 * An error with an HTTP status and a machine-readable code; the HTTP adapters answer with
 * `{"error":{"code":...,"message":...}}` and that status.
 *
 * @example
 * throw new HttpError(403, "forbidden", "This thread is read-only");
 */
export declare class HttpError extends Error {
    name: string;
    readonly status: number;
    readonly code: string;
    /** More members of the JSON `error` object (e.g. the `fields` of a field error). */
    details?: Record<string, unknown>;
    /** More response headers (e.g. `Retry-After` on a 429). */
    headers?: Record<string, string>;
    constructor(status: number, code: string, message: string);
}
/**
 * A request that is not JSON, has an unknown `type`, fails the schema, or breaks a precondition
 * (for example a tool output with no pending tool call). HTTP 400 `invalid_request`.
 *
 * @example
 * throw new BadRequestError("params.action.type: expected string");
 */
export declare class BadRequestError extends HttpError {
    name: string;
    constructor(message: string);
}
/**
 * A request body over the adapter's limit. HTTP 413 `payload_too_large`.
 *
 * @example
 * throw new PayloadTooLargeError(1024 * 1024);
 */
export declare class PayloadTooLargeError extends HttpError {
    name: string;
    constructor(limit: number);
}
/**
 * A hook the server does not implement (`transcribe`, `syncAction`) or a missing attachment store.
 * HTTP 501 `not_implemented`.
 *
 * @example
 * throw new NotImplementedServerError("transcribe is not implemented");
 */
export declare class NotImplementedServerError extends HttpError {
    name: string;
    constructor(message: string);
}
/**
 * The store (or attachment store) cannot reach its database: refused or dropped connections, a
 * database shutting down, a full connection pool. HTTP 503 `store_unavailable`; on a stream that
 * has started, the pipeline's `error` event (`stream.error`, retry allowed). Engine packages
 * (e.g. `@threadkit/postgres`) throw it so clients get a clear, retryable error.
 *
 * @example
 * throw new StoreUnavailableError("PostgreSQL is unavailable", { cause: error });
 */
export declare class StoreUnavailableError extends HttpError {
    name: string;
    constructor(message?: string, options?: {
        cause?: unknown;
    });
}
/** The JSON error body and status an HTTP adapter sends for `error`. */
export interface HttpErrorResponse {
    status: number;
    body: {
        error: {
            code: string;
            message: string;
            [detail: string]: unknown;
        };
    };
    /** Headers the error asks for (an {@link HttpError}'s `headers`). */
    headers?: Record<string, string>;
}
/**
 * Maps any thrown value to an HTTP status and `{"error":{"code","message"}}` body:
 * `NotFoundError` -> 404 `not_found`; errors with a numeric `status` and string `code` -> those;
 * anything else -> 500 `internal_error` with a generic message (the cause is not leaked).
 *
 * @example
 * const { status, body } = toHttpError(new NotFoundError("Thread thr_1 not found")); // 404
 */
export declare function toHttpError(error: unknown): HttpErrorResponse;
export { NotFoundError };
//# sourceMappingURL=errors.d.ts.map