import { NotFoundError } from "./store/types.js";
/**
 * An error a handler throws to end a stream with `{"type":"error","code":<code>,"allow_retry":...}`.
 * `allowRetry` defaults to the code's default: `true` for `stream.error`, `false` otherwise.
 *
 * @example
 * throw new StreamError("stream.error", { allowRetry: false });
 */
export class StreamError extends Error {
    name = "StreamError";
    code;
    allowRetry;
    constructor(code = "stream.error", options = {}) {
        super(`Stream error: ${code}`);
        this.code = code;
        this.allowRetry = options.allowRetry ?? code === "stream.error";
    }
}
/**
 * An error with a user-facing (already localised) message:
 * `{"type":"error","code":"custom","message":...,"allow_retry":...}`. `allowRetry` defaults to false.
 *
 * @example
 * throw new CustomStreamError("The calendar is unavailable, try again later.", { allowRetry: true });
 */
export class CustomStreamError extends Error {
    name = "CustomStreamError";
    code = "custom";
    allowRetry;
    constructor(message, options = {}) {
        super(message);
        this.allowRetry = options.allowRetry ?? false;
    }
}
/**
 * An error with an HTTP status and a machine-readable code; the HTTP adapters answer with
 * `{"error":{"code":...,"message":...}}` and that status.
 *
 * @example
 * throw new HttpError(403, "forbidden", "This thread is read-only");
 */
export class HttpError extends Error {
    name = "HttpError";
    status;
    code;
    /** More members of the JSON `error` object (e.g. the `fields` of a field error). */
    details;
    /** More response headers (e.g. `Retry-After` on a 429). */
    headers;
    constructor(status, code, message) {
        super(message);
        this.status = status;
        this.code = code;
    }
}
/**
 * A request that is not JSON, has an unknown `type`, fails the schema, or breaks a precondition
 * (for example a tool output with no pending tool call). HTTP 400 `invalid_request`.
 *
 * @example
 * throw new BadRequestError("params.action.type: expected string");
 */
export class BadRequestError extends HttpError {
    name = "BadRequestError";
    constructor(message) {
        super(400, "invalid_request", message);
    }
}
/**
 * A request body over the adapter's limit. HTTP 413 `payload_too_large`.
 *
 * @example
 * throw new PayloadTooLargeError(1024 * 1024);
 */
export class PayloadTooLargeError extends HttpError {
    name = "PayloadTooLargeError";
    constructor(limit) {
        super(413, "payload_too_large", `Request body exceeds ${limit} bytes`);
    }
}
/**
 * A hook the server does not implement (`transcribe`, `syncAction`) or a missing attachment store.
 * HTTP 501 `not_implemented`.
 *
 * @example
 * throw new NotImplementedServerError("transcribe is not implemented");
 */
export class NotImplementedServerError extends HttpError {
    name = "NotImplementedServerError";
    constructor(message) {
        super(501, "not_implemented", message);
    }
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
export class StoreUnavailableError extends HttpError {
    name = "StoreUnavailableError";
    constructor(message = "The store is unavailable", options = {}) {
        super(503, "store_unavailable", message);
        if (options.cause !== undefined)
            this.cause = options.cause;
    }
}
/**
 * Maps any thrown value to an HTTP status and `{"error":{"code","message"}}` body:
 * `NotFoundError` -> 404 `not_found`; errors with a numeric `status` and string `code` -> those;
 * anything else -> 500 `internal_error` with a generic message (the cause is not leaked).
 *
 * @example
 * const { status, body } = toHttpError(new NotFoundError("Thread thr_1 not found")); // 404
 */
export function toHttpError(error) {
    if (error instanceof NotFoundError) {
        return { status: 404, body: { error: { code: "not_found", message: error.message } } };
    }
    if (error instanceof Error) {
        const { status, code } = error;
        if (typeof status === "number" &&
            Number.isInteger(status) &&
            status >= 400 &&
            status <= 599 &&
            typeof code === "string") {
            const { details, headers } = error;
            return {
                status,
                body: { error: { ...details, code, message: error.message } },
                ...(headers ? { headers } : {}),
            };
        }
    }
    return {
        status: 500,
        body: { error: { code: "internal_error", message: "Internal server error" } },
    };
}
export { NotFoundError };
//# sourceMappingURL=errors.js.map