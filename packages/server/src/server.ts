import type {
  Action,
  Attachment,
  StreamOptions,
  SyncCustomActionResponse,
  ThreadItem,
  ThreadMetadata,
  ThreadStreamEvent,
  UserMessageItem,
  WidgetItem,
  WidgetRoot,
} from "@threadkit/core";
import { NotImplementedServerError } from "./errors.js";
import { streamAssistantMessage } from "./message-stream.js";
import { defaultHandleStreamCancelled } from "./pipeline.js";
import { handleJsonRequest } from "./requests/json.js";
import { parseRequest } from "./requests/parse.js";
import { prepareStream, STREAMING_TYPES } from "./requests/streaming.js";
import { NonStreamingResult, type ProcessResult, StreamingResult } from "./results.js";
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
}

/** The part of an attachment store the server calls (see `DiskAttachmentStore`). */
export interface ServerAttachmentStore<TContext> {
  createAttachment(
    params: { name: string; size: number; mime_type: string },
    context: TContext,
  ): Promise<Attachment>;
  deleteAttachment(attachmentId: string, context: TContext): Promise<void>;
}

const NEVER_ABORTED = new AbortController().signal;

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
    options: HandlerOptions,
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

  /**
   * Handles one request body: parses it (400 on bad input), runs the pre-stream checks (404 on
   * a missing or foreign thread or item), and returns a lazy {@link StreamingResult} or a
   * {@link NonStreamingResult}.
   */
  async process(
    body: string | Uint8Array,
    context: TContext,
    options: ProcessOptions = {},
  ): Promise<ProcessResult> {
    const request = parseRequest(body);
    const controller = new AbortController();
    const outer = options.signal;
    if (outer) {
      if (outer.aborted) controller.abort();
      else outer.addEventListener("abort", () => controller.abort(), { once: true });
    }
    // One transaction for the writes of a streaming request (when the store offers it).
    const unit = STREAMING_TYPES.has(request.type) ? this.store.unitOfWork?.() : undefined;
    if (unit) this.#units.set(controller.signal, unit);
    const stream = await prepareStream(this, request, context, controller.signal);
    if (stream) return new StreamingResult(stream, controller, unit);
    return new NonStreamingResult(await handleJsonRequest(this, request, context));
  }
}
