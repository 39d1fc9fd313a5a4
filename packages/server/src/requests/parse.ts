import { type ChatKitRequest, schemas } from "@threadkit/core";
import { BadRequestError } from "../errors.js";

const decoder = new TextDecoder();

/**
 * Parses a request body (JSON text or bytes) into a typed ChatKit request, or throws
 * {@link BadRequestError} (HTTP 400 `invalid_request`) whose message names the path and the
 * expectation (core's formatter), e.g. `params.action.type: expected string`.
 *
 * @example
 * const req = parseRequest('{"type":"threads.list","params":{}}');
 */
export function parseRequest(body: string | Uint8Array): ChatKitRequest {
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
  const result = schemas.parseRequest(json);
  if (!result.ok) throw new BadRequestError(result.message);
  return result.value;
}
