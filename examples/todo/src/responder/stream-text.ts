import type { AssistantMessageItem, ThreadMetadata, ThreadStreamEvent } from "@threadkit/core";

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

/**
 * Streams `text` as one assistant message: `thread.item.added`, a content part, one text delta
 * per word, the part's done, then `thread.item.done` (which the pipeline saves).
 *
 * @example
 * yield* streamText(thread, "Added “Buy milk”.", { id: store.generateItemId("message", thread, ctx) });
 */
export async function* streamText(
  thread: ThreadMetadata,
  text: string,
  options: StreamTextOptions,
): AsyncGenerator<ThreadStreamEvent> {
  const item = (content: AssistantMessageItem["content"]): AssistantMessageItem => ({
    type: "assistant_message",
    id: options.id,
    thread_id: thread.id,
    created_at: new Date().toISOString(),
    content,
  });
  const part = (t: string) => ({ type: "output_text" as const, text: t, annotations: [] });
  yield { type: "thread.item.added", item: item([]) };
  yield {
    type: "thread.item.updated",
    item_id: options.id,
    update: { type: "assistant_message.content_part.added", content_index: 0, content: part("") },
  };
  let sent = "";
  for (const delta of deltas(text)) {
    if (options.signal?.aborted) break;
    await sleep(options.delayMs ?? 18, options.signal);
    sent += delta;
    yield {
      type: "thread.item.updated",
      item_id: options.id,
      update: { type: "assistant_message.content_part.text_delta", content_index: 0, delta },
    };
  }
  yield {
    type: "thread.item.updated",
    item_id: options.id,
    update: { type: "assistant_message.content_part.done", content_index: 0, content: part(sent) },
  };
  yield { type: "thread.item.done", item: item([part(sent)]) };
}
