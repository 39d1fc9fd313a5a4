import { type StreamOptions, type ThreadItem, type ThreadMetadata, type ThreadStreamEvent } from "@threadkit/core";
import type { Store, StoreWrites } from "./store/types.js";
import { type Awaitable } from "./util.js";
/** What the pipeline needs from the server. */
export interface PipelineHost<TContext> {
    readonly store: Store<TContext>;
    /** Where the request's writes go (its unit of work); the store when absent. */
    writesFor?(signal: AbortSignal): StoreWrites<TContext>;
    getStreamOptions(thread: ThreadMetadata, context: TContext): Awaitable<StreamOptions>;
    handleStreamCancelled(thread: ThreadMetadata, pendingItems: ThreadItem[], context: TContext): Awaitable<void>;
}
/**
 * The `error` event for an exception raised by a handler. An `ActionParseError` (a client sent an
 * action the app's `actionSet` rejects) is the client's mistake, not the server's: its message is
 * sent as a `custom` error without retry, and nothing is logged as a server failure. A
 * {@link FieldErrors} becomes its `threadkit.field_errors` client effect (or, with no sender widget
 * to show them under, a `custom` error carrying the messages).
 */
export declare function errorEvent(error: unknown): ThreadStreamEvent;
/**
 * Default cancellation handling (ChatKit's `handle_stream_cancelled`): saves pending assistant
 * messages that have non-whitespace text, then always adds the `sdk_hidden_context` note.
 */
export declare function defaultHandleStreamCancelled<TContext>(store: Store<TContext>, thread: ThreadMetadata, pendingItems: ThreadItem[], context: TContext): Promise<void>;
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
export declare function processEvents<TContext>(host: PipelineHost<TContext>, thread: ThreadMetadata, context: TContext, signal: AbortSignal, stream: () => AsyncIterable<ThreadStreamEvent>): AsyncGenerator<ThreadStreamEvent>;
//# sourceMappingURL=pipeline.d.ts.map