import { StoreUnavailableError } from "@threadkit/server";

/** Node socket errors that mean the database could not be reached or went away. */
const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ECONNABORTED",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
]);

/** SQLSTATEs of a database that is shutting down, starting up or out of connections. */
const SERVER_CODES = new Set(["57P01", "57P02", "57P03", "53300", "53400"]);

/** Messages `pg` gives when a connection ends or a pool wait times out (these carry no code). */
const POOL_MESSAGES = [
  /connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /connection timeout/i,
  /client has encountered a connection error/i,
  /cannot use a pool after calling end/i,
  /query read timeout/i,
];

/**
 * True when `error` means "the database is unreachable" rather than "this statement is wrong":
 * a socket error, a connection-class SQLSTATE (08xxx), a shutdown (57P0x), too many connections,
 * or one of `pg`'s connection messages. An `AggregateError` (several addresses tried) counts when
 * one of its errors does.
 *
 * @example
 * isUnavailable(Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" })); // true
 */
export function isUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error instanceof AggregateError && error.errors.some(isUnavailable)) return true;
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string") {
    if (NETWORK_CODES.has(code) || SERVER_CODES.has(code) || code.startsWith("08")) return true;
  }
  return POOL_MESSAGES.some((pattern) => pattern.test(error.message));
}

/**
 * `error` as the client should see it: a {@link StoreUnavailableError} (HTTP 503) when the
 * database is unreachable, else unchanged.
 */
export function mapUnavailable(error: unknown): unknown {
  if (error instanceof StoreUnavailableError || !isUnavailable(error)) return error;
  return new StoreUnavailableError("The database is unavailable; try again shortly", {
    cause: error,
  });
}
