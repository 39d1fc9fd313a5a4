import { eventJson } from "./event-json.js";
import type { StoreUnit } from "./store/types.js";
import { logError } from "./util.js";

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** SSE text, or the same as UTF-8 bytes (a resumable run's appends, encoded once). */
export type SseChunk = string | Uint8Array;

const asText = (chunk: SseChunk): string =>
  typeof chunk === "string" ? chunk : decoder.decode(chunk);
const asBytes = (chunk: SseChunk): Uint8Array =>
  typeof chunk === "string" ? encoder.encode(chunk) : chunk;

/**
 * Sent when a stream fails outside the handler's pipeline (a store error while adding the user
 * message, an event that cannot be serialised): the stream ends with an error the client can
 * show and retry, instead of a connection cut after the headers.
 */
const STREAM_FAILED = { type: "error", code: "stream.error", allow_retry: true } as const;

/** The SSE frame of {@link STREAM_FAILED}. */
export const STREAM_FAILED_FRAME = `data: ${JSON.stringify(STREAM_FAILED)}\n\n`;

/**
 * @internal The frames without a commit before each: the node adapter reads a tick's frames,
 * then calls {@link StreamingResult.commitWrites} once before it writes them.
 */
export const UNCOMMITTED_FRAMES: unique symbol = Symbol("uncommitted frames");

/**
 * The result of a streaming request: a lazy, single-use async iterable of SSE chunks
 * (`data: <json>\n\n` as `Uint8Array`). Nothing runs until it is iterated. {@link events} gives the
 * same stream as serialised event objects instead of bytes. Stopping early (`break`, `return()`)
 * or aborting the request's signal runs the cancellation path.
 *
 * @example
 * const result = await server.process(body, ctx);
 * if (result instanceof StreamingResult) for await (const chunk of result) res.write(chunk);
 */
export class StreamingResult implements AsyncIterable<Uint8Array> {
  readonly streaming = true as const;
  /** Extra response headers (resumable runs: `Threadkit-Run`); undefined for plain streams. */
  readonly headers: Readonly<Record<string, string>> | undefined;
  /** The event source; dropped once handed on (a stream may stay open for minutes). */
  #source: (() => AsyncIterable<unknown>) | undefined;
  readonly #controller: AbortController;
  readonly #options: StreamingResultOptions;
  #used = false;

  constructor(
    source: () => AsyncIterable<unknown>,
    controller: AbortController,
    options: StreamingResultOptions = {},
  ) {
    this.#source = source;
    this.#controller = controller;
    this.#options = options;
    this.headers = options.headers;
  }

  /**
   * @internal Makes the writes behind the events read so far durable (commits the request's
   * unit of work); throws when they could not be. The iterators below call it before handing
   * out each event; {@link UNCOMMITTED_FRAMES}' reader calls it before each socket write.
   */
  commitWrites(): void {
    this.#options.unit?.commit();
  }

  /** Aborted when the request is cancelled (client disconnect or {@link cancel}). */
  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  /** Cancels the stream: the handler's signal aborts and the cancellation path runs. */
  cancel(): void {
    this.#controller.abort();
    if (!this.#used) {
      this.#used = true;
      void this.#options.onSettled?.();
    }
  }

  /** The stream as serialised JSON objects (what each `data:` line carries). Single use. */
  events(): AsyncGenerator<Record<string, unknown>> {
    if (this.#options.frames) return this.#framedEvents();
    return this.#json((json) => JSON.parse(json) as Record<string, unknown>);
  }

  [Symbol.asyncIterator](): AsyncGenerator<Uint8Array> {
    if (this.#options.frames) return this.#framed(asBytes);
    return this.#json((json) => encoder.encode(`data: ${json}\n\n`));
  }

  /**
   * The same SSE chunks as text, not bytes (single use). The node adapter joins the chunks of a
   * tick and encodes them once, instead of running a TextEncoder and a Buffer.concat per event.
   */
  frames(): AsyncGenerator<string> {
    if (this.#options.frames) return this.#framed(asText);
    return this.#json((json) => `data: ${json}\n\n`);
  }

  /** The event source, handed on once: its closure holds the whole request. */
  #takeSource(): () => AsyncIterable<unknown> {
    const source = this.#source as () => AsyncIterable<unknown>;
    this.#source = undefined;
    return source;
  }

  /**
   * @internal {@link frames} for a reader that calls {@link commitWrites} before it writes (the
   * node adapter). A plain stream's frames come from a hand-written iterator over the pipeline,
   * not one more generator: each generator layer cost a few promises per streamed event.
   */
  [UNCOMMITTED_FRAMES](): ChunkReader {
    if (this.#options.frames) return generatorReader(this.#framed((frame) => frame));
    if (this.#used) throw new Error("A StreamingResult can be consumed only once");
    this.#used = true;
    return new PlainFrames(this.#takeSource(), this.#controller, this.#options.onSettled);
  }

  /**
   * Each event as compact JSON, passed through `map` (one generator, not one wrapping another:
   * every layer costs a few promises per event); a failure ends the stream with
   * {@link STREAM_FAILED}.
   */
  async *#json<T>(map: (json: string) => T): AsyncGenerator<T> {
    if (this.#used) throw new Error("A StreamingResult can be consumed only once");
    this.#used = true;
    let finished = false;
    const unit = this.#options.unit;
    try {
      for await (const event of this.#takeSource()()) {
        const json = eventJson(event);
        unit?.commit();
        yield map(json);
      }
      unit?.commit();
      finished = true;
    } catch (error) {
      finished = true;
      logError("Stream failed", error);
      yield map(JSON.stringify(STREAM_FAILED));
    } finally {
      // The consumer stopped early (`break`, `return()`): tell the handler through its signal.
      if (!finished) this.#controller.abort();
      // Before the stream ends: a client's next message must find the thread free.
      await this.#options.onSettled?.();
    }
  }

  /** A resumable run's events, from its chunks of frames. */
  async *#framedEvents(): AsyncGenerator<Record<string, unknown>> {
    for await (const events of this.#framed((chunk) => dataOf(asText(chunk)))) yield* events;
  }

  /** A resumable run's chunks of frames (SSE text, or its bytes), passed through `map`. */
  async *#framed<T>(map: (frame: SseChunk) => T): AsyncGenerator<T> {
    if (this.#used) throw new Error("A StreamingResult can be consumed only once");
    this.#used = true;
    try {
      for await (const frame of (this.#options.frames as () => AsyncIterable<SseChunk>)()) {
        yield map(frame);
      }
    } finally {
      // Stops this reader only: a resumable run goes on without it.
      this.#controller.abort();
      await this.#options.onSettled?.();
    }
  }
}

/**
 * What the node adapter reads a stream's chunks through, in two steps so that reading a plain
 * stream costs no promise of its own: {@link next} hands out the source's own promise, then
 * {@link chunk} turns what it gave into the chunk to write, or the end (which may wait for the
 * stream to settle). A `next()` that rejects is given to {@link failed}.
 */
export interface ChunkReader {
  next(): Promise<IteratorResult<unknown>>;
  chunk(
    result: IteratorResult<unknown>,
  ): IteratorResult<SseChunk, undefined> | Promise<IteratorResult<SseChunk, undefined>>;
  /** What a rejected `next()` gives instead; throws when the stream has no failure frame. */
  failed(error: unknown): IteratorResult<SseChunk, undefined>;
  return(): Promise<IteratorResult<SseChunk, undefined>>;
}

const DONE: IteratorResult<SseChunk, undefined> = { done: true, value: undefined };
const SOURCE_DONE: Promise<IteratorResult<unknown>> = Promise.resolve({
  done: true,
  value: undefined,
});

/** A generator's chunks as a {@link ChunkReader}: as they come; a failure is thrown on. */
function generatorReader(chunks: AsyncGenerator<SseChunk>): ChunkReader {
  return {
    next: () => chunks.next(),
    chunk: (result) => result as IteratorResult<SseChunk, undefined>,
    failed: (error) => {
      throw error;
    },
    return: () => chunks.return(undefined),
  };
}

/**
 * A plain stream's `data:` frames, read straight off the pipeline's iterator, without a generator
 * of its own: what `frames()` gives, less its commit before each event (a failure ends the stream
 * with {@link STREAM_FAILED}; a stop before the end closes the pipeline, then aborts the handler's
 * signal; the stream ends once `onSettled` has run).
 */
class PlainFrames implements ChunkReader {
  /** Opens the source; dropped once opened. */
  #open: (() => AsyncIterable<unknown>) | undefined;
  readonly #controller: AbortController;
  readonly #onSettled: (() => void | Promise<void>) | undefined;
  #source: AsyncIterator<unknown> | undefined;
  /** open: reading; failed: the failure frame was given; over: ended (settled). */
  #state: "open" | "failed" | "over" = "open";

  constructor(
    open: () => AsyncIterable<unknown>,
    controller: AbortController,
    onSettled: (() => void | Promise<void>) | undefined,
  ) {
    this.#open = open;
    this.#controller = controller;
    this.#onSettled = onSettled;
  }

  next(): Promise<IteratorResult<unknown>> {
    // Failed or over: what follows is the end.
    if (this.#state !== "open") return SOURCE_DONE;
    if (!this.#source) {
      const open = this.#open as () => AsyncIterable<unknown>;
      this.#open = undefined;
      try {
        this.#source = open()[Symbol.asyncIterator]();
      } catch (error) {
        return Promise.reject(error);
      }
    }
    return this.#source.next();
  }

  chunk(
    result: IteratorResult<unknown>,
  ): IteratorResult<SseChunk, undefined> | Promise<IteratorResult<SseChunk, undefined>> {
    if (result.done) return this.#end();
    try {
      return { done: false, value: `data: ${eventJson(result.value)}\n\n` };
    } catch (error) {
      return this.#unserialisable(error);
    }
  }

  /** An event that cannot be sent: the source is closed (as `for await` closes it), then failed. */
  async #unserialisable(error: unknown): Promise<IteratorResult<SseChunk, undefined>> {
    this.#state = "failed";
    let failure = error;
    try {
      await this.#source?.return?.();
    } catch (closeError) {
      failure = closeError;
    }
    return this.failed(failure);
  }

  failed(error: unknown): IteratorResult<SseChunk, undefined> {
    this.#state = "failed";
    logError("Stream failed", error);
    return { done: false, value: STREAM_FAILED_FRAME };
  }

  async return(): Promise<IteratorResult<SseChunk, undefined>> {
    if (this.#state === "open") {
      this.#state = "over";
      // The consumer stopped early: close the pipeline (its cancellation path), then tell the
      // handler through its signal.
      try {
        await this.#source?.return?.();
      } finally {
        this.#controller.abort();
        await this.#onSettled?.();
      }
      return DONE;
    }
    return this.#end();
  }

  /** Ends the stream (once): a client's next message must find the thread free. */
  async #end(): Promise<IteratorResult<SseChunk, undefined>> {
    if (this.#state !== "over") {
      this.#state = "over";
      await this.#onSettled?.();
    }
    return DONE;
  }
}

/** The JSON of each `data:` line of a chunk of frames. */
function dataOf(chunk: string): Record<string, unknown>[] {
  const events: Record<string, unknown>[] = [];
  for (let start = chunk.indexOf("data: "); start >= 0; start = chunk.indexOf("data: ", start)) {
    const end = chunk.indexOf("\n", start);
    events.push(JSON.parse(chunk.slice(start + 6, end)) as Record<string, unknown>);
    start = end;
  }
  return events;
}

/** Options of a {@link StreamingResult}, set by the server for runs. */
export interface StreamingResultOptions {
  /** The stream as SSE frames (a resumable run's, with `id:` lines) instead of events. */
  frames?: () => AsyncIterable<SseChunk>;
  /** Extra response headers. */
  headers?: Readonly<Record<string, string>>;
  /**
   * Called once when the stream has ended, was stopped, or was cancelled before use; the stream
   * ends when it resolves.
   */
  onSettled?: () => void | Promise<void>;
  /** The request's writes, made durable before the events after them are handed out. */
  unit?: StoreUnit<never>;
}

/**
 * The result of a non-streaming request: the JSON response text.
 *
 * @example
 * if (result instanceof NonStreamingResult) return new Response(result.json, { headers: { "content-type": "application/json" } });
 */
export class NonStreamingResult {
  readonly streaming = false as const;
  /**
   * @param json The response body (empty for 204).
   * @param status The HTTP status (200; 202 for a stop, 204 for a resume with nothing left).
   * @param headers Extra response headers (`Threadkit-Active-Run`).
   */
  constructor(
    readonly json: string,
    readonly status = 200,
    readonly headers?: Readonly<Record<string, string>>,
  ) {}
}

/** What {@link ChatKitServer.process} returns. */
export type ProcessResult = StreamingResult | NonStreamingResult;
