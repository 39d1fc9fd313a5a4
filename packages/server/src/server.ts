import type {
  Action,
  ActionSet,
  AnyActionDefinition,
  Attachment,
  ChatKitRequest,
  StreamOptions,
  SyncCustomActionResponse,
  ThreadItem,
  ThreadMetadata,
  ThreadStreamEvent,
  UserMessageItem,
  WidgetItem,
  WidgetRoot,
} from "@threadkit/core";
import { guardRequest } from "./actions/guard.js";
import type { RateLimitOptions } from "./actions/rate-limit.js";
import { NotImplementedServerError } from "./errors.js";
import { streamAssistantMessage } from "./message-stream.js";
import { defaultHandleStreamCancelled } from "./pipeline.js";
import { handleJsonRequest } from "./requests/json.js";
import { parseJsonBody, toChatKitRequest } from "./requests/parse.js";
import { type PreparedStream, prepareStream, STREAMING_TYPES } from "./requests/streaming.js";
import { NonStreamingResult, type ProcessResult, StreamingResult } from "./results.js";
import type { RunLog } from "./runs/log.js";
import { readRun } from "./runs/reader.js";
import { bodyHashOf, RunRegistry } from "./runs/registry.js";
import { planResume, type ResumeRequest } from "./runs/resume.js";
import { parseStopRequest, STOP_REQUEST } from "./runs/stop-request.js";
import type { Store, StoreUnit, StoreWrites } from "./store/types.js";
import type { Awaitable } from "./util.js";
import { replaceWidgetRoot, type StreamWidgetOptions, streamWidget } from "./widget-stream.js";

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

/**
 * @internal In {@link ProcessOptions}: the node handler's link to a plain (not resumable)
 * request's client, in place of a signal; the request's handler is aborted when it aborts.
 */
export const CLIENT_LINK: unique symbol = Symbol("clientLink");

/** Options of {@link ChatKitServer.process}. */
export interface ProcessOptions {
  /** @internal See {@link CLIENT_LINK}. */
  [CLIENT_LINK]?: { onAbort(listener: () => void): void };
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
  createAttachment(
    params: { name: string; size: number; mime_type: string },
    context: TContext,
    request?: { origin?: string },
  ): Promise<Attachment>;
  deleteAttachment(attachmentId: string, context: TContext): Promise<void>;
}

const NEVER_ABORTED = new AbortController().signal;

/** The event source of a framed (resumable) result: its frames come from the run. */
async function* noEvents(): AsyncGenerator<never> {}

function isAttachmentStore<TContext>(
  value: ChatKitServerOptions<TContext> | ServerAttachmentStore<TContext> | undefined,
): value is ServerAttachmentStore<TContext> {
  return (
    typeof (value as ServerAttachmentStore<TContext> | undefined)?.createAttachment === "function"
  );
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
export abstract class ChatKitServer<TContext = unknown> {
  readonly store: Store<TContext>;
  readonly attachmentStore: ServerAttachmentStore<TContext> | undefined;
  /** The signal of the request each live thread object belongs to (for {@link generate}). */
  readonly #signals = new WeakMap<object, AbortSignal>();
  /** The store's unit of work of each streaming request, by the request's signal. */
  readonly #units = new WeakMap<AbortSignal, StoreUnit<TContext>>();

  readonly options: Readonly<ChatKitServerOptions<TContext>>;
  #runs: RunRegistry<TContext> | undefined;

  constructor(
    store: Store<TContext>,
    options?: ChatKitServerOptions<TContext> | ServerAttachmentStore<TContext>,
  ) {
    this.store = store;
    this.options = isAttachmentStore(options) ? { attachmentStore: options } : (options ?? {});
    this.attachmentStore = this.options.attachmentStore;
  }

  /** Streams the response to a new user message (`input`), or a continuation when it is null. */
  abstract respond(
    thread: ThreadMetadata,
    input: UserMessageItem | null,
    context: TContext,
    options?: HandlerOptions,
  ): AsyncIterable<ThreadStreamEvent>;

  /**
   * Handles a widget action sent with `threads.custom_action`. `sender` is the widget item the
   * action came from (null when the client sent it without an item). The default reports a
   * `stream.error` event.
   */
  // biome-ignore lint/correctness/useYield: the default only throws
  async *action(
    _thread: ThreadMetadata,
    action: Action,
    _sender: WidgetItem | null,
    _context: TContext,
    _options: HandlerOptions,
  ): AsyncIterable<ThreadStreamEvent> {
    throw new NotImplementedServerError(`action() is not implemented (action ${action.type})`);
  }

  /** Handles a `streaming: false` action (`threads.sync_custom_action`). Default: 501. */
  async syncAction(
    _thread: ThreadMetadata,
    _action: Action,
    _sender: WidgetItem | null,
    _context: TContext,
  ): Promise<SyncCustomActionResponse> {
    throw new NotImplementedServerError("syncAction() is not implemented");
  }

  /** Records thumbs up/down on items. Default: does nothing. */
  async addFeedback(
    _threadId: string,
    _itemIds: string[],
    _kind: FeedbackKind,
    _context: TContext,
  ): Promise<void> {}

  /** Transcribes dictated audio (`input.transcribe`). Default: 501. */
  async transcribe(_audio: AudioInput, _context: TContext): Promise<TranscriptionResult> {
    throw new NotImplementedServerError("transcribe() is not implemented");
  }

  /** The `stream_options` sent first on every stream. Default: `{ allow_cancel: true }`. */
  getStreamOptions(_thread: ThreadMetadata, _context: TContext): Awaitable<StreamOptions> {
    return { allow_cancel: true };
  }

  /**
   * Runs when a stream is cancelled (client disconnect). The default saves pending assistant
   * messages with non-whitespace text and adds the `sdk_hidden_context` cancellation note.
   */
  async handleStreamCancelled(
    thread: ThreadMetadata,
    pendingItems: ThreadItem[],
    context: TContext,
  ): Promise<void> {
    await defaultHandleStreamCancelled(this.store, thread, pendingItems, context);
  }

  /**
   * Runs {@link respond} with no new input: the seed's `self.generate(context, thread)`. Use it
   * from {@link action} after adding a hidden context item: `yield* this.generate(thread, context)`.
   * The request's signal is found from `thread` when `options` is omitted.
   */
  generate(
    thread: ThreadMetadata,
    context: TContext,
    options?: HandlerOptions,
  ): AsyncIterable<ThreadStreamEvent> {
    return this.respond(thread, null, context, options ?? { signal: this.signalFor(thread) });
  }

  /** The abort signal of the request that `thread` (the object given to a handler) belongs to. */
  signalFor(thread: ThreadMetadata): AbortSignal {
    return this.#signals.get(thread) ?? NEVER_ABORTED;
  }

  /**
   * @internal Where a request's writes go: its unit of work (committed together, before the
   * client sees what follows them), or the store when it has none.
   */
  writesFor(signal: AbortSignal): StoreWrites<TContext> {
    return this.#units.get(signal) ?? this.store;
  }

  /** @internal Binds a thread object to its request's signal. */
  bindSignal(thread: ThreadMetadata, signal: AbortSignal): HandlerOptions {
    this.#signals.set(thread, signal);
    return { signal };
  }

  /**
   * Streams a widget as a new item: a static root gives one `thread.item.done`; an async
   * iterable of roots gives `added`, then `updated` deltas (streaming text or root replacement),
   * then `done`.
   */
  streamWidget(
    thread: ThreadMetadata,
    widget: WidgetRoot | AsyncIterable<WidgetRoot>,
    options: StreamWidgetOptions = {},
  ): AsyncGenerator<ThreadStreamEvent> {
    return streamWidget(thread, widget, options);
  }

  /**
   * Streams text (a string, or chunks from any iterable) as one assistant message with an id from
   * the store, stopping when the request is cancelled. See {@link streamAssistantMessage}.
   *
   * @example
   * async *respond(thread, input, context) {
   *   yield* this.streamAssistantMessage(thread, "Hello! Ask me about your todos.", context);
   * }
   */
  streamAssistantMessage(
    thread: ThreadMetadata,
    text: string | Iterable<string> | AsyncIterable<string>,
    context: TContext,
  ): AsyncGenerator<ThreadStreamEvent> {
    return streamAssistantMessage(thread, text, {
      generateId: (kind) => this.store.generateItemId(kind, thread, context),
      signal: this.signalFor(thread),
    });
  }

  /**
   * Updates the sender widget in place: persists the new root (`saveItem`) and yields
   * `thread.item.updated` with `widget.root.updated`.
   */
  replaceWidgetRoot(
    thread: ThreadMetadata,
    sender: WidgetItem,
    root: WidgetRoot,
    context: TContext,
  ): AsyncGenerator<ThreadStreamEvent> {
    return replaceWidgetRoot(this.writesFor(this.signalFor(thread)), thread, sender, root, context);
  }

  /** This server's runs: its run log, the runs it owns, stops and takeovers. */
  get runs(): RunRegistry<TContext> {
    this.#runs ??= new RunRegistry(this, {
      ...(this.options.runLog ? { log: this.options.runLog } : {}),
      ...(this.options.maxRunMs ? { maxRunMs: this.options.maxRunMs } : {}),
      ...(this.options.runLeaseMs ? { leaseMs: this.options.runLeaseMs } : {}),
    });
    return this.#runs;
  }

  /**
   * Handles one request body: parses it (400 on bad input), runs the pre-stream checks (404 on
   * a missing or foreign thread or item, 409 `thread_busy` while the thread has a reply running),
   * and returns a lazy {@link StreamingResult} or a {@link NonStreamingResult}. Also answers
   * `threadkit.runs.stop` (202).
   */
  async process(
    body: string | Uint8Array,
    context: TContext,
    options: ProcessOptions = {},
  ): Promise<ProcessResult> {
    const json = parseJsonBody(body);
    if (json.type === STOP_REQUEST) {
      const { threadId, runId } = parseStopRequest(json);
      await this.store.loadThread(threadId, context);
      const status = await this.runs.stop(threadId, runId);
      return new NonStreamingResult(JSON.stringify({ status }), 202);
    }
    const request = toChatKitRequest(json);
    if (!STREAMING_TYPES.has(request.type)) return this.#processJson(request, context, options);
    const controller = new AbortController();
    const outer = options.signal;
    if (options.resume) {
      if (options.lastEventId) {
        const bodyHash = await bodyHashOf(body);
        return this.resume({ lastEventId: options.lastEventId, bodyHash }, context, outer);
      }
    } else if (outer) {
      if (outer.aborted) controller.abort();
      else outer.addEventListener("abort", () => controller.abort(), { once: true });
    } else options[CLIENT_LINK]?.onAbort(() => controller.abort());
    // After the resume above: a resumed run is not a new request (no token, no key claim).
    const guarded = guardRequest(this, request, context, options.idempotencyKey);
    const guard = guarded instanceof Promise ? await guarded : guarded;
    if (guard.replay) {
      return "json" in guard.replay
        ? new NonStreamingResult(guard.replay.json)
        : new StreamingResult(guard.replay.stream, controller);
    }
    // One transaction for the writes of a plain streaming request, when the store offers it; a
    // resumable run's events go to its log as they come, so its writes commit one by one.
    const unit = options.resume ? undefined : this.store.unitOfWork?.();
    if (unit) this.#units.set(controller.signal, unit);
    try {
      const prepared = await prepareStream(this, request, context, controller.signal);
      const stream = { ...prepared, open: guard.stream(prepared.open) };
      if (options.resume)
        return await this.#startResumable(stream, controller, body, context, outer);
      const run = await this.runs.claim({
        threadId: stream.threadId,
        context,
        resumable: false,
        bodyHash: "",
        controller,
      });
      return new StreamingResult(stream.open, controller, {
        onSettled: () => run.finish(controller.signal.aborted ? "cancelled" : "completed"),
        ...(unit ? { unit } : {}),
      });
    } catch (error) {
      // A stream refused before its handler ran (404, 409 thread_busy…) costs no token.
      guard.refund();
      await guard.release();
      throw error;
    }
  }

  /** A request answered with JSON (no signal: it cannot outlive its answer). */
  async #processJson(
    request: ChatKitRequest,
    context: TContext,
    options: ProcessOptions,
  ): Promise<NonStreamingResult> {
    const guard = await guardRequest(this, request, context, options.idempotencyKey);
    if (guard.replay)
      return new NonStreamingResult("json" in guard.replay ? guard.replay.json : "{}");
    let text: string;
    try {
      text = await guard.json(
        // `options` itself: its `origin` may be a getter that parses the Host only when read.
        await handleJsonRequest(this, request, context, options),
      );
    } catch (error) {
      // The handler ran (a sync action that threw still costs its token).
      await guard.release();
      throw error;
    }
    if (options.resume && request.type === "threads.get_by_id") {
      const runId = await this.runs.log.activeRun(request.params.thread_id);
      const info = runId ? await this.runs.log.info(runId) : null;
      if (info?.resumable)
        return new NonStreamingResult(text, 200, { "Threadkit-Active-Run": info.runId });
    }
    return new NonStreamingResult(text);
  }

  /** Starts a resumable run (driven to its end whoever reads) and reads it from its start. */
  async #startResumable(
    stream: PreparedStream,
    handler: AbortController,
    body: string | Uint8Array,
    context: TContext,
    signal: AbortSignal | undefined,
  ): Promise<StreamingResult> {
    const runs = this.runs;
    const run = await runs.claim({
      threadId: stream.threadId,
      context,
      resumable: true,
      bodyHash: await bodyHashOf(body),
      controller: handler,
    });
    // The handler's signal is the run's (stop, maximum run time), not the client's.
    run.hold(runs.maxRunMs);
    void run.drive(stream.open);
    return this.#reader(run.runId, 0, signal);
  }

  /**
   * Answers a resume (`GET` with `Last-Event-ID`, or a retried POST): the run's events after the
   * client's last one, then its live events, from any instance sharing the run log. 204 when
   * the run ended and nothing is left; errors as described in {@link planResume}.
   */
  async resume(
    request: ResumeRequest,
    context: TContext,
    signal?: AbortSignal,
  ): Promise<ProcessResult> {
    this.runs.listen();
    const plan = await planResume(this.runs, this, request, context);
    if (!plan) return new NonStreamingResult("", 204);
    return this.#reader(plan.runId, plan.after, signal);
  }

  #reader(runId: string, after: number, signal: AbortSignal | undefined): StreamingResult {
    const reader = new AbortController();
    if (signal) {
      if (signal.aborted) reader.abort();
      else signal.addEventListener("abort", () => reader.abort(), { once: true });
    }
    return new StreamingResult(noEvents, reader, {
      frames: () => readRun(this.runs, runId, after, reader.signal),
      headers: { "Threadkit-Run": runId },
    });
  }
}
