import { type ChatKitRequest } from "@threadkit/core";
/**
 * Deepest nesting of arrays and objects a request may have. ChatKit requests are shallow; a
 * deeper body (e.g. a 100,000-level tool result) would overflow the stack when it is validated,
 * stored or sent back, so it is refused up front.
 */
export declare const MAX_REQUEST_DEPTH = 100;
/**
 * Parses a request body (JSON text or bytes) into a JSON object, or throws
 * {@link BadRequestError}: not JSON, not an object, or nested deeper than {@link MAX_REQUEST_DEPTH}.
 */
export declare function parseJsonBody(body: string | Uint8Array): Record<string, unknown>;
/** Validates a parsed body as a ChatKit request, or throws {@link BadRequestError}. */
export declare function toChatKitRequest(json: Record<string, unknown>): ChatKitRequest;
/**
 * Parses a request body (JSON text or bytes) into a typed ChatKit request, or throws
 * {@link BadRequestError} (HTTP 400 `invalid_request`) whose message names the path and the
 * expectation (core's formatter), e.g. `params.action.type: expected string`. Bodies nested
 * deeper than {@link MAX_REQUEST_DEPTH} are refused too.
 *
 * @example
 * const req = parseRequest('{"type":"threads.list","params":{}}');
 */
export declare function parseRequest(body: string | Uint8Array): ChatKitRequest;
//# sourceMappingURL=parse.d.ts.map