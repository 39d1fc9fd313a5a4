import { toHttpError } from "../errors.js";
import { SSE_HEARTBEAT } from "../sse.js";
import { logError } from "../util.js";

/** Default request body limit: 1 MiB. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
/** Default idle time before a `: keep-alive` comment is sent on an SSE stream. */
export const DEFAULT_HEARTBEAT_MS = 15_000;

/** Headers of every SSE response. */
export const SSE_HEADERS: Readonly<Record<string, string>> = {
  "Content-Type": "text/event-stream",
  "Cache-Control": "no-cache",
  "X-Accel-Buffering": "no",
};

/** Headers of every JSON response. */
export const JSON_HEADERS: Readonly<Record<string, string>> = {
  "Content-Type": "application/json",
  "Cache-Control": "no-store",
};

/** Status and JSON text for an error; 5xx causes are logged (no request data). */
export function errorPayload(error: unknown): { status: number; json: string } {
  const { status, body } = toHttpError(error);
  if (status >= 500 && status !== 501) logError("Request failed", error);
  return { status, json: JSON.stringify(body) };
}

const HEARTBEAT: unique symbol = Symbol("heartbeat");

/**
 * Pulls SSE chunks one at a time from a stream; when the stream is idle for `heartbeatMs`
 * it returns the `: keep-alive` comment instead, keeping the pending read for the next call.
 * The caller asks for the next chunk only when it can write it (backpressure).
 */
export class SsePump {
  readonly #iterator: AsyncIterator<Uint8Array>;
  readonly #heartbeatMs: number;
  #pending: Promise<IteratorResult<Uint8Array>> | undefined;

  constructor(source: AsyncIterable<Uint8Array>, heartbeatMs: number) {
    this.#iterator = source[Symbol.asyncIterator]();
    this.#heartbeatMs = heartbeatMs;
  }

  /** The next chunk, a heartbeat comment, or `null` at the end of the stream. */
  async next(): Promise<Uint8Array | null> {
    this.#pending ??= this.#iterator.next();
    const pending = this.#pending;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const result =
      this.#heartbeatMs > 0
        ? await Promise.race([
            pending,
            new Promise<typeof HEARTBEAT>((resolve) => {
              timer = setTimeout(() => resolve(HEARTBEAT), this.#heartbeatMs);
            }),
          ])
        : await pending;
    if (timer) clearTimeout(timer);
    if (result === HEARTBEAT) return SSE_HEARTBEAT;
    this.#pending = undefined;
    return result.done ? null : result.value;
  }

  /** Ends the source (after the request's signal was aborted, this lets cancellation finish). */
  async close(): Promise<void> {
    const pending = this.#pending;
    this.#pending = undefined;
    try {
      if (pending) await pending;
      await this.#iterator.return?.();
    } catch (error) {
      logError("Stream ended with an error", error);
    }
  }
}
