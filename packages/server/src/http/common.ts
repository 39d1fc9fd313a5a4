import { toHttpError } from "../errors.js";
import { CLIENT_LINK, type ProcessOptions } from "../server.js";
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

/** What the node handler's SSE writer reads and calls of a request's cancellation. */
export interface RequestAbort {
  readonly signal: { readonly aborted: boolean };
  abort(): void;
}

/**
 * A plain request's "the client went away", in the node handler: what the SSE writer reads and
 * calls, and the server's abort of the handler, called at once (see `CLIENT_LINK`). An
 * AbortController's signal is an EventTarget (a prototype switch to make, more than the rest of
 * the node handler costs per request), and linking it to the server's controller an event
 * listener.
 */
export class ClientLink implements RequestAbort {
  readonly signal = { aborted: false };
  #listener: (() => void) | undefined;

  abort(): void {
    if (this.signal.aborted) return;
    this.signal.aborted = true;
    const listener = this.#listener;
    this.#listener = undefined;
    listener?.();
  }

  /** Calls `listener` once when the link aborts; at once if it already has. */
  onAbort(listener: () => void): void {
    if (this.signal.aborted) listener();
    else this.#listener = listener;
  }
}

/** What a request's headers say for {@link ProcessOptions}. */
export interface RequestHeaders {
  /** `Threadkit-Resume: 1` was sent. */
  resume: boolean;
  lastEventId: string | null | undefined;
  idempotencyKey: string | null | undefined;
}

/**
 * The {@link ProcessOptions} a handler gives `server.process` for one request. Its `origin` is
 * worked out from the request only when read (only `attachments.create` reads it).
 *
 * A class, with `origin` a getter of its prototype: the getter written into each request's
 * options literal gave every request's options a hidden class of its own, and with it V8's
 * young-generation collections kept each request's objects alive (about 2 KB promoted per
 * request; scavenges of 7–10 ms instead of about 1, `threads.list` at concurrency 1).
 */
export class RequestOptions implements ProcessOptions {
  [CLIENT_LINK]?: ClientLink;
  signal?: AbortSignal;
  resume?: boolean;
  lastEventId?: string;
  idempotencyKey?: string;
  readonly #origin: () => string | undefined;

  /** `controller`: a plain request's {@link ClientLink}, or a resumable request's controller. */
  constructor(
    controller: ClientLink | AbortController,
    origin: () => string | undefined,
    headers: RequestHeaders,
  ) {
    if (controller instanceof ClientLink) this[CLIENT_LINK] = controller;
    else this.signal = controller.signal;
    this.#origin = origin;
    if (headers.resume) {
      this.resume = true;
      if (headers.lastEventId) this.lastEventId = headers.lastEventId;
    }
    if (typeof headers.idempotencyKey === "string") this.idempotencyKey = headers.idempotencyKey;
  }

  get origin(): string | undefined {
    return this.#origin();
  }
}

/** Status, JSON text and extra headers for an error; 5xx causes are logged (no request data). */
export function errorPayload(error: unknown): {
  status: number;
  json: string;
  headers: Record<string, string>;
} {
  const { status, body, headers } = toHttpError(error);
  if (status >= 500 && status !== 501) logError("Request failed", error);
  return { status, json: JSON.stringify(body), headers: headers ?? {} };
}

/**
 * Pulls SSE chunks one at a time from a stream; when the stream is idle for `heartbeatMs`
 * it returns the `: keep-alive` comment instead, keeping the pending read for the next call.
 * The caller asks for the next chunk only when it can write it (backpressure).
 *
 * One timer serves the whole stream: it is armed once and, when it fires while chunks are still
 * flowing, re-armed for the rest of the idle time. (A timer per chunk cost a `setTimeout` and a
 * `clearTimeout` for every event, a large share of a fast stream's time.)
 */
export class SsePump {
  readonly #iterator: AsyncIterator<Uint8Array>;
  readonly #heartbeatMs: number;
  #pending: Promise<IteratorResult<Uint8Array>> | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** Answers the waiting `next()` call with a heartbeat; unset when no call is waiting. */
  #onIdle: (() => void) | undefined;
  /** When the waiting `next()` call began. */
  #waitingSince = 0;

  constructor(source: AsyncIterable<Uint8Array>, heartbeatMs: number) {
    this.#iterator = source[Symbol.asyncIterator]();
    this.#heartbeatMs = heartbeatMs;
  }

  /** The next chunk, a heartbeat comment, or `null` at the end of the stream. */
  next(): Promise<Uint8Array | null> {
    this.#pending ??= this.#iterator.next();
    const pending = this.#pending;
    if (this.#heartbeatMs <= 0) {
      return pending.then((result) => {
        this.#pending = undefined;
        return result.done ? null : result.value;
      });
    }
    return new Promise((resolve, reject) => {
      let answered = false;
      const onIdle = () => {
        answered = true;
        resolve(SSE_HEARTBEAT); // the pending read is kept for the next call
      };
      this.#onIdle = onIdle;
      this.#waitingSince = Date.now();
      this.#timer ??= setTimeout(this.#tick, this.#heartbeatMs);
      pending.then(
        (result) => {
          if (answered) return;
          answered = true;
          if (this.#onIdle === onIdle) this.#onIdle = undefined;
          this.#pending = undefined;
          resolve(result.done ? null : result.value);
        },
        (error: unknown) => {
          if (answered) return;
          answered = true;
          if (this.#onIdle === onIdle) this.#onIdle = undefined;
          reject(error);
        },
      );
    });
  }

  readonly #tick = (): void => {
    this.#timer = undefined;
    const onIdle = this.#onIdle;
    if (!onIdle) return; // nobody waiting: the next call arms the timer again
    const idle = Date.now() - this.#waitingSince;
    if (idle < this.#heartbeatMs) {
      this.#timer = setTimeout(this.#tick, this.#heartbeatMs - idle);
      return;
    }
    this.#onIdle = undefined;
    onIdle();
  };

  /** Ends the source (after the request's signal was aborted, this lets cancellation finish). */
  async close(): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#onIdle = undefined;
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
