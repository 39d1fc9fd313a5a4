import { type ChatKitRequest, schemas } from "@threadkit/core";
import { BadRequestError } from "../errors.js";

const decoder = new TextDecoder();

/**
 * Deepest nesting of arrays and objects a request may have. ChatKit requests are shallow; a
 * deeper body (e.g. a 100,000-level tool result) would overflow the stack when it is validated,
 * stored or sent back, so it is refused up front.
 */
export const MAX_REQUEST_DEPTH = 100;

/**
 * True when `value` nests arrays or objects deeper than `max`. Recursive, but never more than
 * `max + 1` calls deep (it stops there), and without the arrays and stack entries an iterative
 * walk allocated for every object of every request.
 */
function nestedDeeperThan(value: unknown, max: number): boolean {
  if (value === null || typeof value !== "object") return false;
  if (max <= 0) return true;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (nestedDeeperThan(value[i], max - 1)) return true;
    return false;
  }
  const record = value as Record<string, unknown>;
  for (const key in record) {
    if (Object.hasOwn(record, key) && nestedDeeperThan(record[key], max - 1)) return true;
  }
  return false;
}

/**
 * Parses a request body (JSON text or bytes) into a JSON object, or throws
 * {@link BadRequestError}: not JSON, not an object, or nested deeper than {@link MAX_REQUEST_DEPTH}.
 */
export function parseJsonBody(body: string | Uint8Array): Record<string, unknown> {
  const text = typeof body === "string" ? body : decoder.decode(body);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new BadRequestError("Request body is not valid JSON");
  }
  if (json === null || typeof json !== "object" || Array.isArray(json)) {
    throw new BadRequestError("Request body must be a JSON object");
  }
  if (nestedDeeperThan(json, MAX_REQUEST_DEPTH)) {
    throw new BadRequestError(`Request body is nested deeper than ${MAX_REQUEST_DEPTH} levels`);
  }
  return json as Record<string, unknown>;
}

/** Validates a parsed body as a ChatKit request, or throws {@link BadRequestError}. */
export function toChatKitRequest(json: Record<string, unknown>): ChatKitRequest {
  const result = schemas.parseRequest(json);
  if (!result.ok) throw new BadRequestError(result.message);
  return result.value;
}

/**
 * Parses a request body (JSON text or bytes) into a typed ChatKit request, or throws
 * {@link BadRequestError} (HTTP 400 `invalid_request`) whose message names the path and the
 * expectation (core's formatter), e.g. `params.action.type: expected string`. Bodies nested
 * deeper than {@link MAX_REQUEST_DEPTH} are refused too.
 *
 * @example
 * const req = parseRequest('{"type":"threads.list","params":{}}');
 */
export function parseRequest(body: string | Uint8Array): ChatKitRequest {
  return toChatKitRequest(parseJsonBody(body));
}
