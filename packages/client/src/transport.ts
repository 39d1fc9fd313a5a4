import { STREAM_EVENT_TYPES, type ThreadStreamEvent } from "@threadkit/core";
import { createParser } from "eventsource-parser";
import {
  ACTIVE_RUN_HEADER,
  followRun,
  RESUME_HEADER,
  RUN_HEADER,
  type RunTracker,
} from "./resume.js";

/**
 * An HTTP error from the ChatKit endpoint (4xx/5xx). `body` holds the parsed JSON error when the
 * server sent one (`{error, message}`).
 *
 * @example
 * ```ts
 * try { await transport.request("threads.get_by_id", { thread_id: "x" }); }
 * catch (e) { if (e instanceof ChatKitHttpError && e.status === 404) console.log("gone"); }
 * ```
 */
export class ChatKitHttpError extends Error {
  readonly status: number;
  readonly body: unknown;
  constructor(status: number, body: unknown) {
    const b = body as { message?: unknown; error?: unknown } | null;
    const detail =
      typeof b?.message === "string"
        ? b.message
        : typeof b?.error === "string"
          ? b.error
          : typeof body === "string" && body
            ? body.slice(0, 200)
            : `HTTP ${status}`;
    super(`ChatKit request failed (${status}): ${detail}`);
    this.name = "ChatKitHttpError";
    this.status = status;
    this.body = body;
  }
}

async function httpError(response: Response): Promise<ChatKitHttpError> {
  const text = await response.text().catch(() => "");
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // keep text
  }
  return new ChatKitHttpError(response.status, body);
}

/** Where and how requests go; read on every request so `setOptions` takes effect at once. */
export interface TransportConfig {
  url: string;
  fetch?: typeof fetch;
  /** Sent as `Accept-Language`. */
  locale?: string;
}

const EVENT_TYPES: ReadonlySet<string> = new Set(STREAM_EVENT_TYPES);

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;
const isItem = (v: unknown) => isObj(v) && typeof v.id === "string" && typeof v.type === "string";

/**
 * Loosely validates one decoded SSE payload: returns it typed when it is a known event with the
 * fields the client relies on, `null` for unknown event types or malformed events (ignored).
 *
 * @example
 * ```ts
 * toStreamEvent({ type: "progress_update", text: "Searching" }); // the event
 * toStreamEvent({ type: "future.event" }); // null
 * ```
 */
export function toStreamEvent(value: unknown): ThreadStreamEvent | null {
  if (!isObj(value) || typeof value.type !== "string" || !EVENT_TYPES.has(value.type)) return null;
  switch (value.type) {
    case "thread.created":
    case "thread.updated":
      if (!isObj(value.thread) || typeof value.thread.id !== "string") return null;
      break;
    case "thread.item.added":
    case "thread.item.done":
    case "thread.item.replaced":
      if (!isItem(value.item)) return null;
      break;
    case "thread.item.updated":
      if (typeof value.item_id !== "string" || !isObj(value.update)) return null;
      break;
    case "thread.item.removed":
      if (typeof value.item_id !== "string") return null;
      break;
  }
  return value as unknown as ThreadStreamEvent;
}

/**
 * Decodes a `text/event-stream` body into JSON payloads (one per `data:` event). Comments,
 * `event:`/`id:` lines and non-JSON data are skipped.
 *
 * @example
 * ```ts
 * for await (const data of readSSE(response.body!)) console.log(data);
 * ```
 */
export async function* readSSE(body: ReadableStream<Uint8Array>): AsyncGenerator<unknown> {
  const queue: unknown[] = [];
  const parser = createParser({
    onEvent(event) {
      try {
        queue.push(JSON.parse(event.data));
      } catch {
        // not JSON: ignore, like unknown event types
      }
    },
  });
  const reader = body.getReader();
  const decoder = new TextDecoder();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      parser.feed(decoder.decode(value, { stream: true }));
      while (queue.length > 0) yield queue.shift();
    }
    // A last event without its blank line still counts.
    parser.feed(`${decoder.decode()}\n\n`);
    while (queue.length > 0) yield queue.shift();
  } finally {
    reader.releaseLock();
  }
}

/**
 * Talks the ChatKit wire protocol: every call is a POST of `{type, params}` to `api.url`
 * through `api.fetch` (or the global `fetch`). JSON ops resolve with the parsed body; streaming
 * ops yield validated stream events.
 *
 * @example
 * ```ts
 * const t = new Transport(() => ({ url: "/chatkit" }));
 * const page = await t.request("threads.list", { limit: 20, order: "desc" });
 * for await (const e of t.stream("threads.create", { input }, signal)) console.log(e.type);
 * ```
 */
export class Transport {
  readonly #config: () => TransportConfig;
  constructor(config: () => TransportConfig) {
    this.#config = config;
  }

  /**
   * Threadkit's own headers (`Threadkit-Resume`, `Idempotency-Key`) are sent only where they
   * cannot break a request: to the page's own origin or through the host's `fetch` (a custom
   * header on a cross-origin request needs the server's CORS consent, which a plain ChatKit server
   * does not give).
   */
  #ownHeaders(url: string, customFetch: unknown): boolean {
    if (customFetch) return true;
    const origin = globalThis.location?.origin;
    if (!origin) return true;
    try {
      return new URL(url, origin).origin === origin;
    } catch {
      return false;
    }
  }

  async #post(
    type: string,
    params: unknown,
    accept: string,
    signal?: AbortSignal,
    extra: Record<string, string> = {},
  ) {
    const { url, fetch: customFetch, locale } = this.#config();
    const doFetch = customFetch ?? globalThis.fetch.bind(globalThis);
    const own = this.#ownHeaders(url, customFetch);
    const headers: Record<string, string> = {
      ...(own ? extra : {}),
      "Content-Type": "application/json",
      Accept: accept,
    };
    if (locale) headers["Accept-Language"] = locale;
    if (own) headers[RESUME_HEADER] = "1";
    const response = await doFetch(url, {
      method: "POST",
      headers,
      body: JSON.stringify({ type, params }),
      ...(signal ? { signal } : {}),
    });
    if (!response.ok) throw await httpError(response);
    return response;
  }

  /** The resume GET of a run: `Last-Event-ID` names the last event the client has. */
  async #resume(lastEventId: string, threadId: string | null, signal: AbortSignal) {
    const { url, fetch: customFetch, locale } = this.#config();
    const doFetch = customFetch ?? globalThis.fetch.bind(globalThis);
    const query = threadId ? `thread_id=${encodeURIComponent(threadId)}` : "";
    const target = query ? `${url}${url.includes("?") ? "&" : "?"}${query}` : url;
    const headers: Record<string, string> = {
      Accept: "text/event-stream",
      "Last-Event-ID": lastEventId,
    };
    if (locale) headers["Accept-Language"] = locale;
    return doFetch(target, { method: "GET", headers, signal });
  }

  /**
   * `threads.get_by_id`, with the id of the thread's running reply when the server names one
   * (a reloaded page rejoins it with {@link rejoin}).
   */
  async getThread<T>(threadId: string): Promise<{ thread: T; activeRun: string | null }> {
    const response = await this.#post(
      "threads.get_by_id",
      { thread_id: threadId },
      "application/json",
    );
    const text = await response.text();
    const activeRun = response.headers.get(ACTIVE_RUN_HEADER);
    return {
      thread: (text ? JSON.parse(text) : {}) as T,
      activeRun: activeRun && /^run_[0-9a-f]+$/.test(activeRun) ? activeRun : null,
    };
  }

  /** Follows a running reply from its start (after a reload), without re-running anything. */
  rejoin(
    runId: string,
    threadId: string,
    signal: AbortSignal,
    tracker: RunTracker,
  ): AsyncGenerator<ThreadStreamEvent> {
    tracker.runId = runId;
    return followRun(null, {
      runId,
      after: 0,
      threadId: () => threadId,
      resume: (id, thread, s) => this.#resume(id, thread, s),
      fail: httpError,
      toEvent: toStreamEvent,
      signal,
      tracker,
    });
  }

  /** Sends a non-streaming request and returns its JSON body. `headers` are sent too. */
  async request<T = unknown>(
    type: string,
    params: unknown,
    signal?: AbortSignal,
    headers?: Record<string, string>,
  ): Promise<T> {
    const response = await this.#post(type, params, "application/json", signal, headers);
    const text = await response.text();
    return (text ? JSON.parse(text) : {}) as T;
  }

  /**
   * Sends a streaming request and yields its events (unknown types are skipped). A resumable
   * reply (the server named its run) is followed through connection losses; `tracker` gets its
   * run id and how it ended.
   */
  async *stream(
    type: string,
    params: unknown,
    signal?: AbortSignal,
    tracker: RunTracker = {},
    headers?: Record<string, string>,
  ): AsyncGenerator<ThreadStreamEvent> {
    const response = await this.#post(type, params, "text/event-stream", signal, headers);
    const runId = response.headers.get(RUN_HEADER);
    if (runId && /^run_[0-9a-f]+$/.test(runId)) {
      tracker.runId = runId;
      let threadId = (params as { thread_id?: unknown } | null)?.thread_id;
      const own = new AbortController();
      const events = followRun(response, {
        runId,
        after: 0,
        threadId: () => (typeof threadId === "string" ? threadId : null),
        resume: (id, thread, s) => this.#resume(id, thread, s),
        fail: httpError,
        toEvent: toStreamEvent,
        signal: signal ?? own.signal,
        tracker,
      });
      for await (const event of events) {
        if (event.type === "thread.created") threadId = event.thread.id;
        yield event;
      }
      return;
    }
    if (!response.body) return;
    for await (const data of readSSE(response.body)) {
      const event = toStreamEvent(data);
      if (event) yield event;
    }
  }
}
