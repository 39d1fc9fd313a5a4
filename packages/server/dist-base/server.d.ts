import type { Action, ActionSet, AnyActionDefinition, Attachment, StreamOptions, SyncCustomActionResponse, ThreadItem, ThreadMetadata, ThreadStreamEvent, UserMessageItem, WidgetItem, WidgetRoot } from "@threadkit/core";
import type { RateLimitOptions } from "./actions/rate-limit.js";
import { type ProcessResult } from "./results.js";
import type { RunLog } from "./runs/log.js";
import { RunRegistry } from "./runs/registry.js";
import { type ResumeRequest } from "./runs/resume.js";
import type { Store, StoreWrites } from "./store/types.js";
import type { Awaitable } from "./util.js";
import { type StreamWidgetOptions } from "./widget-stream.js";
/** Passed as the last argument to `respond` and `action`: aborts when the client goes away. */
export interface HandlerOptions {
    readonly signal: AbortSignal;
}
/**
 * The constructor's second argument: `new MyServer(store, { attachmentStore })`. Passing an
 * attachment store there directly (`new MyServer(store, attachments)`) keeps working.
 */
export interface ChatKitServerOptions<TContext> {
    /** Where uploads go (`DiskAttachmentStore`, or a shared one when several instances run). */
    attachmentStore?: ServerAttachmentStore<TContext>;
    /**
     * The app's actions (`actionSet(...)`). Those defined with `imperative: true`
     * (`defineAction(type, schema, { imperative: true })`) may be sent without a widget
     * (`sendAction()`); any other action without an `item_id` is refused.
     */
    actions?: ActionSet<readonly AnyActionDefinition[]>;
    /**
     * Checks every action against the widget it was sent from before `action()` / `syncAction()`
     * run (default `true`): its type must be declared there, its static payload unchanged, its other
     * keys fields of the declaring node's form, and, for a form submit or Card confirm, each value
     * accepted by its field's rules (refused values come back as field errors). `false` turns the
     * check (and the imperative-action rule) off.
     */
    verifyActions?: boolean;
    /**
     * The per-user token bucket on actions and messages (default `{ perMinute: 120, burst: 30 }`);
     * over it, a request gets 429 `rate_limited` with `Retry-After`. `false` turns it off. The user
     * is the store's `userIdFor(context)` (or `key(context)`); buckets live in this process.
     */
    rateLimit?: RateLimitOptions | false;
    /**
     * Whether actions sent with an `Idempotency-Key` are performed once (default `true`, when the
     * store implements the optional idempotency methods, as the built-in stores do).
     */
    idempotency?: boolean;
    /**
     * Where runs and their events live: `MemoryRunLog` (the default, one process), `RedisRunLog`
     * (`@threadkit/redis`) or `PostgresRunLog` (`@threadkit/postgres`) when several instances serve
     * the same threads. It enforces one reply per thread at a time (409 `thread_busy`), carries
     * stop requests to the instance running the reply, and lets clients that send
     * `Threadkit-Resume: 1` rejoin a reply after a reload or a lost connection.
     */
    runLog?: RunLog;
    /**
     * The longest a resumable reply may run once its client has gone (a disconnect only detaches);
     * then it is stopped like a user stop. Default 600,000 (10 minutes).
     */
    maxRunMs?: number;
    /** The owner's lease on a run: another instance finalises a run this long after its owner died. Default 10,000. */
    runLeaseMs?: number;
}
/** Dictated audio for {@link ChatKitServer.transcribe}; `media_type` is `mime_type` before `;`. */
export interface AudioInput {
    data: Uint8Array;
    mime_type: string;
    media_type: string;
}
/** What {@link ChatKitServer.transcribe} returns. */
export interface TranscriptionResult {
    text: string;
}
/** Thumbs up or down, as sent by `items.feedback`. */
export type FeedbackKind = "positive" | "negative";
/** Options of {@link ChatKitServer.process}. */
export interface ProcessOptions {
    /** Abort it when the client disconnects; the handler sees it and cancellation runs. */
    signal?: AbortSignal;
    /** Origin of the request (`https://host`): relative attachment URLs are made absolute with it. */
    origin?: string;
    /**
     * The request's `Idempotency-Key` header. For an action, a repeat of a finished one runs
     * nothing again (it gets the sender widget as it is now, or the sync answer again) and a repeat
     * of one still running gets 409; keys are kept per user in the store for 24 h.
     */
    idempotencyKey?: string;
    /**
     * The client sent `Threadkit-Resume: 1`: a streaming reply is logged with event ids and
     * survives the client (the signal only detaches this reader), and `threads.get_by_id` names
     * the thread's active run in {@link NonStreamingResult.headers}.
     */
    resume?: boolean;
    /** A retried streaming POST's `Last-Event-ID`: it resumes the run the same body started. */
    lastEventId?: string;
}
/** The part of an attachment store the server calls (see `DiskAttachmentStore`). */
export interface ServerAttachmentStore<TContext> {
    createAttachment(params: {
        name: string;
        size: number;
        mime_type: string;
    }, context: TContext, request?: {
        origin?: string;
    }): Promise<Attachment>;
    deleteAttachment(attachmentId: string, context: TContext): Promise<void>;
}
/**
 * A ChatKit server (ChatKit Python's `ChatKitServer`): subclass it, implement {@link respond}
 * (and optionally {@link action}, {@link syncAction}, {@link addFeedback}, {@link transcribe}),
 * and serve {@link process} through `createFetchHandler` or `createNodeHandler`.
 *
 * Handlers are async generators of `ThreadStreamEvent`s. They get an extra last argument,
 * `{ signal }`, that aborts when the client disconnects; pass it to model calls. Items are
 * persisted by the pipeline when `thread.item.done` / `replaced` / `removed` flow through it, and
 * changes the handler makes to `thread` (title, status, metadata) are saved and sent.
 *
 * @example
 * class MyServer extends ChatKitServer<{ userId: string }> {
 *   async *respond(thread, input, context) {
 *     yield* this.streamWidget(thread, Card({ children: [Text({ value: "Hello!" })] }));
 *   }
 *   async *action(thread, action, sender, context) {
 *     if (action.type === "example") {
 *       await this.store.addThreadItem(thread.id, {
 *         type: "hidden_context_item", id: this.store.generateItemId("message", thread, context),
 *         thread_id: thread.id, created_at: new Date().toISOString(),
 *         content: "<USER_ACTION>The user did a thing</USER_ACTION>",
 *       }, context);
 *       yield* this.generate(thread, context); // the seed's `self.generate(context, thread)`
 *     }
 *   }
 * }
 */
export declare abstract class ChatKitServer<TContext = unknown> {
    #private;
    readonly store: Store<TContext>;
    readonly attachmentStore: ServerAttachmentStore<TContext> | undefined;
    readonly options: Readonly<ChatKitServerOptions<TContext>>;
    constructor(store: Store<TContext>, options?: ChatKitServerOptions<TContext> | ServerAttachmentStore<TContext>);
    /** Streams the response to a new user message (`input`), or a continuation when it is null. */
    abstract respond(thread: ThreadMetadata, input: UserMessageItem | null, context: TContext, options?: HandlerOptions): AsyncIterable<ThreadStreamEvent>;
    /**
     * Handles a widget action sent with `threads.custom_action`. `sender` is the widget item the
     * action came from (null when the client sent it without an item). The default reports a
     * `stream.error` event.
     */
    action(_thread: ThreadMetadata, action: Action, _sender: WidgetItem | null, _context: TContext, _options: HandlerOptions): AsyncIterable<ThreadStreamEvent>;
    /** Handles a `streaming: false` action (`threads.sync_custom_action`). Default: 501. */
    syncAction(_thread: ThreadMetadata, _action: Action, _sender: WidgetItem | null, _context: TContext): Promise<SyncCustomActionResponse>;
    /** Records thumbs up/down on items. Default: does nothing. */
    addFeedback(_threadId: string, _itemIds: string[], _kind: FeedbackKind, _context: TContext): Promise<void>;
    /** Transcribes dictated audio (`input.transcribe`). Default: 501. */
    transcribe(_audio: AudioInput, _context: TContext): Promise<TranscriptionResult>;
    /** The `stream_options` sent first on every stream. Default: `{ allow_cancel: true }`. */
    getStreamOptions(_thread: ThreadMetadata, _context: TContext): Awaitable<StreamOptions>;
    /**
     * Runs when a stream is cancelled (client disconnect). The default saves pending assistant
     * messages with non-whitespace text and adds the `sdk_hidden_context` cancellation note.
     */
    handleStreamCancelled(thread: ThreadMetadata, pendingItems: ThreadItem[], context: TContext): Promise<void>;
    /**
     * Runs {@link respond} with no new input: the seed's `self.generate(context, thread)`. Use it
     * from {@link action} after adding a hidden context item: `yield* this.generate(thread, context)`.
     * The request's signal is found from `thread` when `options` is omitted.
     */
    generate(thread: ThreadMetadata, context: TContext, options?: HandlerOptions): AsyncIterable<ThreadStreamEvent>;
    /** The abort signal of the request that `thread` (the object given to a handler) belongs to. */
    signalFor(thread: ThreadMetadata): AbortSignal;
    /**
     * @internal Where a request's writes go: its unit of work (committed together, before the
     * client sees what follows them), or the store when it has none.
     */
    writesFor(signal: AbortSignal): StoreWrites<TContext>;
    /** @internal Binds a thread object to its request's signal. */
    bindSignal(thread: ThreadMetadata, signal: AbortSignal): HandlerOptions;
    /**
     * Streams a widget as a new item: a static root gives one `thread.item.done`; an async
     * iterable of roots gives `added`, then `updated` deltas (streaming text or root replacement),
     * then `done`.
     */
    streamWidget(thread: ThreadMetadata, widget: WidgetRoot | AsyncIterable<WidgetRoot>, options?: StreamWidgetOptions): AsyncGenerator<ThreadStreamEvent>;
    /**
     * Streams text (a string, or chunks from any iterable) as one assistant message with an id from
     * the store, stopping when the request is cancelled. See {@link streamAssistantMessage}.
     *
     * @example
     * async *respond(thread, input, context) {
     *   yield* this.streamAssistantMessage(thread, "Hello! Ask me about your todos.", context);
     * }
     */
    streamAssistantMessage(thread: ThreadMetadata, text: string | Iterable<string> | AsyncIterable<string>, context: TContext): AsyncGenerator<ThreadStreamEvent>;
    /**
     * Updates the sender widget in place: persists the new root (`saveItem`) and yields
     * `thread.item.updated` with `widget.root.updated`.
     */
    replaceWidgetRoot(thread: ThreadMetadata, sender: WidgetItem, root: WidgetRoot, context: TContext): AsyncGenerator<ThreadStreamEvent>;
    /** This server's runs: its run log, the runs it owns, stops and takeovers. */
    get runs(): RunRegistry<TContext>;
    /**
     * Handles one request body: parses it (400 on bad input), runs the pre-stream checks (404 on
     * a missing or foreign thread or item, 409 `thread_busy` while the thread has a reply running),
     * and returns a lazy {@link StreamingResult} or a {@link NonStreamingResult}. Also answers
     * `threadkit.runs.stop` (202).
     */
    process(body: string | Uint8Array, context: TContext, options?: ProcessOptions): Promise<ProcessResult>;
    /**
     * Answers a resume (`GET` with `Last-Event-ID`, or a retried POST): the run's events after the
     * client's last one, then its live events, from any instance sharing the run log. 204 when
     * the run ended and nothing is left; errors as described in {@link planResume}.
     */
    resume(request: ResumeRequest, context: TContext, signal?: AbortSignal): Promise<ProcessResult>;
}
//# sourceMappingURL=server.d.ts.map