import { ActionParseError, applyItemUpdate, STREAM_EVENT_TYPES, } from "@threadkit/core";
import { FieldErrors, fieldErrorsEvent } from "./actions/field-errors.js";
import { CustomStreamError, StreamError } from "./errors.js";
import { isHiddenItem } from "./store/pages.js";
import { metadataOf, toThreadResponse } from "./thread-response.js";
import { clone, deepEqual, logError } from "./util.js";
/** Thrown inside the pipeline when the request's signal aborts. */
class Cancelled extends Error {
    name = "Cancelled";
}
const ABORTED = Symbol("aborted");
const EVENT_TYPES = new Set(STREAM_EVENT_TYPES);
function isRecord(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
}
/** A cheap structural check of what a handler yielded; throws a TypeError naming the problem. */
function checkEvent(event) {
    if (!isRecord(event) || typeof event.type !== "string" || !EVENT_TYPES.has(event.type)) {
        throw new TypeError("Handler yielded a value that is not a ThreadStreamEvent");
    }
    const needsItem = event.type === "thread.item.added" ||
        event.type === "thread.item.done" ||
        event.type === "thread.item.replaced";
    if (needsItem &&
        (!isRecord(event.item) ||
            typeof event.item.id !== "string" ||
            typeof event.item.type !== "string")) {
        throw new TypeError(`Handler yielded ${event.type} without a valid item`);
    }
    if ((event.type === "thread.item.updated" || event.type === "thread.item.removed") &&
        typeof event.item_id !== "string") {
        throw new TypeError(`Handler yielded ${event.type} without an item_id`);
    }
    if (event.type === "thread.item.updated" && !isRecord(event.update)) {
        throw new TypeError("Handler yielded thread.item.updated without an update");
    }
    return event;
}
/**
 * Applies a text delta to an existing part of a pending assistant message in place; false (and
 * nothing done) for any other update, left to `applyItemUpdate`. The result is the same as
 * `applyItemUpdate`'s, without copying the item, its content and the part for every delta of a
 * long stream: pending items are the pipeline's own copies, shared with nothing.
 */
function appendText(item, update) {
    if (update.type !== "assistant_message.content_part.text_delta")
        return false;
    if (item.type !== "assistant_message" || !Array.isArray(item.content))
        return false;
    const index = update.content_index;
    if (!Number.isInteger(index) || index < 0 || index >= item.content.length)
        return false;
    const part = item.content[index];
    if (part === null || typeof part !== "object")
        return false;
    part.text = (part.text ?? "") + update.delta;
    return true;
}
/**
 * The `error` event for an exception raised by a handler. An `ActionParseError` (a client sent an
 * action the app's `actionSet` rejects) is the client's mistake, not the server's: its message is
 * sent as a `custom` error without retry, and nothing is logged as a server failure. A
 * {@link FieldErrors} becomes its `threadkit.field_errors` client effect (or, with no sender widget
 * to show them under, a `custom` error carrying the messages).
 */
export function errorEvent(error) {
    if (error instanceof FieldErrors) {
        if (error.itemId !== null)
            return fieldErrorsEvent(error.itemId, error.errors);
        // No widget to show them under (an action sent from page code): an error the user can read.
        return {
            type: "error",
            code: "custom",
            message: Object.values(error.errors).join(" "),
            allow_retry: false,
        };
    }
    if (error instanceof ActionParseError) {
        return {
            type: "error",
            code: "custom",
            message: error.message,
            allow_retry: false,
        };
    }
    if (error instanceof CustomStreamError) {
        return {
            type: "error",
            code: "custom",
            message: error.message,
            allow_retry: error.allowRetry,
        };
    }
    if (error instanceof StreamError) {
        return { type: "error", code: error.code, allow_retry: error.allowRetry };
    }
    logError("Error in stream handler", error);
    return { type: "error", code: "stream.error", allow_retry: true };
}
/**
 * Default cancellation handling (ChatKit's `handle_stream_cancelled`): saves pending assistant
 * messages that have non-whitespace text, then always adds the `sdk_hidden_context` note.
 */
export async function defaultHandleStreamCancelled(store, thread, pendingItems, context) {
    for (const item of pendingItems) {
        if (item.type !== "assistant_message")
            continue;
        const text = item.content.map((part) => part.text ?? "").join("");
        if (text.trim())
            await store.addThreadItem(thread.id, item, context);
    }
    const note = {
        type: "sdk_hidden_context",
        id: store.generateItemId("sdk_hidden_context", thread, context),
        thread_id: thread.id,
        created_at: new Date().toISOString(),
        content: "The user cancelled the stream. Stop responding to the prior request.",
    };
    await store.addThreadItem(thread.id, note, context);
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
export async function* processEvents(host, thread, context, signal, stream) {
    const store = host.writesFor?.(signal) ?? host.store;
    let snapshot = clone(thread);
    const pending = new Map();
    let settled = false;
    let iterator;
    const cancel = async () => {
        settled = true;
        const it = iterator;
        if (it?.return)
            Promise.resolve(it.return()).catch(() => undefined);
        try {
            await host.handleStreamCancelled(thread, [...pending.values()], context);
        }
        catch (error) {
            logError("handleStreamCancelled failed", error);
        }
    };
    const threadChanged = async () => {
        if (deepEqual(thread, snapshot))
            return null;
        snapshot = clone(thread);
        await store.saveThread(metadataOf(thread), context);
        return { type: "thread.updated", thread: toThreadResponse(thread) };
    };
    // Each wait for the handler's next event also ends on abort. One listener settles the current
    // wait: racing one shared `aborted` promise instead left a reaction on it for every event, so a
    // long stream held thousands of them until it ended.
    let wake;
    const abortListener = () => wake?.(ABORTED);
    signal.addEventListener("abort", abortListener, { once: true });
    try {
        yield {
            type: "stream_options",
            stream_options: await host.getStreamOptions(thread, context),
        };
        try {
            iterator = stream()[Symbol.asyncIterator]();
            for (;;) {
                if (signal.aborted)
                    throw new Cancelled();
                const next = iterator.next();
                const result = await new Promise((resolve, reject) => {
                    wake = resolve;
                    next.then(resolve, reject);
                });
                wake = undefined;
                if (result === ABORTED) {
                    next.catch(() => undefined);
                    throw new Cancelled();
                }
                if (result.done)
                    break;
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
                if (!hidden)
                    yield event;
                const updated = await threadChanged();
                if (updated)
                    yield updated;
            }
            const updated = await threadChanged();
            if (updated)
                yield updated;
        }
        catch (error) {
            if (error instanceof Cancelled) {
                await cancel();
                return;
            }
            yield errorEvent(error);
        }
        const updated = await threadChanged();
        if (updated)
            yield updated;
        settled = true;
    }
    finally {
        signal.removeEventListener("abort", abortListener);
        // The consumer stopped early (disconnect): treat it as a cancellation.
        if (!settled)
            await cancel();
    }
}
//# sourceMappingURL=pipeline.js.map