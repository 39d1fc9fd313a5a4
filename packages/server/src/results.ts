import { serialize } from "@threadkit/core";

const encoder = new TextEncoder();

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
  readonly #source: () => AsyncGenerator<unknown>;
  readonly #controller: AbortController;
  #used = false;

  constructor(source: () => AsyncGenerator<unknown>, controller: AbortController) {
    this.#source = source;
    this.#controller = controller;
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
  async *events(): AsyncGenerator<Record<string, unknown>> {
    if (this.#used) throw new Error("A StreamingResult can be consumed only once");
    this.#used = true;
    for await (const event of this.#source()) {
      yield serialize(event) as Record<string, unknown>;
    }
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Uint8Array> {
    for await (const event of this.events()) {
      yield encoder.encode(`data: ${JSON.stringify(event)}\n\n`);
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
