// The pipeline as one async generator, as it was before EventPipeline replaced it: the general
// code the hand-written iterator is tested against (pipeline-reference.test.ts).
import {
  applyItemUpdate,
  type ThreadItem,
  type ThreadMetadata,
  type ThreadStreamEvent,
} from "@threadkit/core";
import { appendText, checkEvent, errorEvent, type PipelineHost } from "../../src/pipeline.js";
import { isHiddenItem } from "../../src/store/pages.js";
import { metadataOf, toThreadResponse } from "../../src/thread-response.js";
import { clone, deepEqual, logError } from "../../src/util.js";

class Cancelled extends Error {
  override name = "Cancelled";
}

const ABORTED: unique symbol = Symbol("aborted");

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/**
 * ChatKit's `_process_events`: sends `stream_options` first, then forwards the handler's events
 * while persisting items (`done` -> add, `replaced` -> save, `removed` -> delete; never on
 * `added`/`updated`), tracking pending items for cancellation, swallowing hidden items,
 * emitting `thread.updated` when the handler mutates `thread`, and turning exceptions into
 * `error` events. An abort of `signal` (even while the handler is awaiting) or an early stop by
 * the consumer runs `handleStreamCancelled` with the pending items.
 *
 * @example
 * yield* processEvents(server, thread, ctx, signal, () => server.respond(thread, input, ctx, { signal }));
 */
export async function* referenceProcessEvents<TContext>(
  host: PipelineHost<TContext>,
  thread: ThreadMetadata,
  context: TContext,
  signal: AbortSignal,
  stream: () => AsyncIterable<ThreadStreamEvent>,
): AsyncGenerator<ThreadStreamEvent> {
  const store = host.writesFor?.(signal) ?? host.store;
  let snapshot = clone(thread);
  const pending = new Map<string, ThreadItem>();
  let settled = false;
  let iterator: AsyncIterator<ThreadStreamEvent> | undefined;

  const cancel = async (): Promise<void> => {
    settled = true;
    const it = iterator;
    if (it?.return) Promise.resolve(it.return()).catch(() => undefined);
    try {
      await host.handleStreamCancelled(thread, [...pending.values()], context);
    } catch (error) {
      logError("handleStreamCancelled failed", error);
    }
  };

  const threadChanged = async (): Promise<ThreadStreamEvent | null> => {
    if (deepEqual(thread, snapshot)) return null;
    snapshot = clone(thread);
    await store.saveThread(metadataOf(thread), context);
    return { type: "thread.updated", thread: toThreadResponse(thread) } as ThreadStreamEvent;
  };

  // Each wait for the handler's next event also ends on abort. One listener settles the current
  // wait: racing one shared `aborted` promise instead left a reaction on it for every event, so a
  // long stream held thousands of them until it ended.
  let wake: ((value: typeof ABORTED) => void) | undefined;
  const abortListener = () => wake?.(ABORTED);
  signal.addEventListener("abort", abortListener, { once: true });

  try {
    yield {
      type: "stream_options",
      stream_options: await host.getStreamOptions(thread, context),
    } as ThreadStreamEvent;
    try {
      iterator = stream()[Symbol.asyncIterator]();
      for (;;) {
        if (signal.aborted) throw new Cancelled();
        const next = iterator.next();
        const result = await new Promise<IteratorResult<ThreadStreamEvent> | typeof ABORTED>(
          (resolve, reject) => {
            wake = resolve;
            next.then(resolve, reject);
          },
        );
        wake = undefined;
        if (result === ABORTED) {
          next.catch(() => undefined);
          throw new Cancelled();
        }
        if (result.done) break;
        const event = checkEvent(result.value);
        switch (event.type) {
          case "thread.item.added":
            pending.set(event.item.id, clone(event.item));
            break;
          case "thread.item.done":
            await store.addThreadItem(thread.id, event.item, context);
            pending.delete(event.item.id);
            break;
          case "thread.item.removed":
            await store.deleteThreadItem(thread.id, event.item_id, context);
            pending.delete(event.item_id);
            break;
          case "thread.item.replaced":
            await store.saveItem(thread.id, event.item, context);
            pending.delete(event.item.id);
            break;
          case "thread.item.updated": {
            const item = pending.get(event.item_id);
            if (item && !appendText(item, event.update)) {
              pending.set(event.item_id, applyItemUpdate(item, event.update));
            }
            break;
          }
        }
        const hidden = "item" in event && isRecord(event.item) && isHiddenItem(event.item);
        if (!hidden) yield event;
        const updated = await threadChanged();
        if (updated) yield updated;
      }
      const updated = await threadChanged();
      if (updated) yield updated;
    } catch (error) {
      if (error instanceof Cancelled) {
        await cancel();
        return;
      }
      yield errorEvent(error);
    }
    const updated = await threadChanged();
    if (updated) yield updated;
    settled = true;
  } finally {
    signal.removeEventListener("abort", abortListener);
    // The consumer stopped early (disconnect): treat it as a cancellation.
    if (!settled) await cancel();
  }
}
