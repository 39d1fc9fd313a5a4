import type { ThreadMetadata, ThreadStreamEvent } from "@threadkit/core";
import { streamAssistantMessage } from "@threadkit/server";

/** Options of {@link streamText}. */
export interface StreamTextOptions {
  /** The new message's id. */
  id: string;
  /** Pause between deltas, so the streaming is visible (default 18 ms). */
  delayMs?: number;
  /** Stops streaming (the message is cut where it is) when aborted. */
  signal?: AbortSignal;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (ms <= 0 || signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    }
    signal?.addEventListener("abort", done, { once: true });
  });
}

/** Splits text into small word-sized deltas (each keeps its trailing space). */
export function deltas(text: string): string[] {
  return text.match(/\S+\s*|\s+/g) ?? [];
}

/** Yields `parts` one by one, `delayMs` apart, until `signal` aborts. */
async function* paced(parts: string[], delayMs: number, signal?: AbortSignal) {
  for (const part of parts) {
    await sleep(delayMs, signal);
    if (signal?.aborted) return;
    yield part;
  }
}

/**
 * Streams `text` as one assistant message, one word-sized delta at a time so streaming is
 * visible, through the server's `streamAssistantMessage` (the `done` event is what persists it).
 *
 * @example
 * yield* streamText(thread, "Added “Buy milk”.", { id: store.generateItemId("message", thread, ctx) });
 */
export function streamText(
  thread: ThreadMetadata,
  text: string,
  options: StreamTextOptions,
): AsyncGenerator<ThreadStreamEvent> {
  return streamAssistantMessage(
    thread,
    paced(deltas(text), options.delayMs ?? 18, options.signal),
    {
      generateId: () => options.id,
      signal: options.signal,
    },
  );
}
