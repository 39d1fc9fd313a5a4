import { eventJson } from "./event-json.js";
import type { StoreUnit } from "./store/types.js";
import { logError } from "./util.js";

const encoder = new TextEncoder();

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
  readonly #source: () => AsyncIterable<unknown>;
  readonly #controller: AbortController;
  readonly #unit: StoreUnit<unknown> | undefined;
  #used = false;

  /** `unit`: the request's writes, made durable before each event is handed out. */
  constructor(
    source: () => AsyncIterable<unknown>,
    controller: AbortController,
    unit?: StoreUnit<never>,
  ) {
    this.#source = source;
    this.#controller = controller;
    this.#unit = unit as StoreUnit<unknown> | undefined;
  }

  /**
   * @internal Makes the writes behind the events read so far durable (commits the request's
   * unit of work); throws when they could not be. The iterators below call it before handing
   * out each event; {@link UNCOMMITTED_FRAMES}' reader calls it before each socket write.
   */
  commitWrites(): void {
    this.#unit?.commit();
  }

  /** Aborted when the request is cancelled (client disconnect or {@link cancel}). */
  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  /** Cancels the stream: the handler's signal aborts and the cancellation path runs. */
  cancel(): void {
    this.#controller.abort();
  }

  /** The stream as serialised JSON objects (what each `data:` line carries). Single use. */
  events(): AsyncGenerator<Record<string, unknown>> {
    return this.#json((json) => JSON.parse(json) as Record<string, unknown>, true);
  }

  [Symbol.asyncIterator](): AsyncGenerator<Uint8Array> {
    return this.#json((json) => encoder.encode(`data: ${json}\n\n`), true);
  }

  /**
   * The same SSE chunks as text, not bytes (single use). The node adapter joins the chunks of a
   * tick and encodes them once, instead of running a TextEncoder and a Buffer.concat per event.
   */
  frames(): AsyncGenerator<string> {
    return this.#json((json) => `data: ${json}\n\n`, true);
  }

  /** @internal {@link frames} for a reader that calls {@link commitWrites} before it writes. */
  [UNCOMMITTED_FRAMES](): AsyncGenerator<string> {
    return this.#json((json) => `data: ${json}\n\n`, false);
  }

  /**
   * Each event as compact JSON, passed through `map` (one generator, not one wrapping another:
   * every layer costs a few promises per event); a failure ends the stream with
   * {@link STREAM_FAILED}.
   */
  async *#json<T>(map: (json: string) => T, commitEach: boolean): AsyncGenerator<T> {
    if (this.#used) throw new Error("A StreamingResult can be consumed only once");
    this.#used = true;
    let finished = false;
    const unit = commitEach ? this.#unit : undefined;
    try {
      for await (const event of this.#source()) {
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
    }
  }
}

/**
 * The result of a non-streaming request: the JSON response text.
 *
 * @example
 * if (result instanceof NonStreamingResult) return new Response(result.json, { headers: { "content-type": "application/json" } });
 */
export class NonStreamingResult {
  readonly streaming = false as const;
  constructor(readonly json: string) {}
}

/** What {@link ChatKitServer.process} returns. */
export type ProcessResult = StreamingResult | NonStreamingResult;
