import {
  ActionParseError,
  applyItemUpdate,
  STREAM_EVENT_TYPES,
  type StreamOptions,
  type ThreadItem,
  type ThreadItemUpdate,
  type ThreadMetadata,
  type ThreadStreamEvent,
} from "@threadkit/core";
import { FieldErrors, fieldErrorsEvent } from "./actions/field-errors.js";
import { CustomStreamError, StreamError } from "./errors.js";
import { isHiddenItem } from "./store/pages.js";
import type { Store, StoreWrites } from "./store/types.js";
import { metadataOf, toThreadResponse } from "./thread-response.js";
import { type Awaitable, clone, logError } from "./util.js";

/** What the pipeline needs from the server. */
export interface PipelineHost<TContext> {
  readonly store: Store<TContext>;
  /** Where the request's writes go (its unit of work); the store when absent. */
  writesFor?(signal: AbortSignal): StoreWrites<TContext>;
  getStreamOptions(thread: ThreadMetadata, context: TContext): Awaitable<StreamOptions>;
  handleStreamCancelled(
    thread: ThreadMetadata,
    pendingItems: ThreadItem[],
    context: TContext,
  ): Awaitable<void>;
}

const EVENT_TYPES: ReadonlySet<string> = new Set(STREAM_EVENT_TYPES);

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/**
 * @internal A cheap structural check of what a handler yielded; throws a TypeError naming the
 * problem. (Exported for the tests' reference pipeline, like {@link appendText}.)
 */
export function checkEvent(event: unknown): ThreadStreamEvent {
  if (!isRecord(event) || typeof event.type !== "string" || !EVENT_TYPES.has(event.type)) {
    throw new TypeError("Handler yielded a value that is not a ThreadStreamEvent");
  }
  const needsItem =
    event.type === "thread.item.added" ||
    event.type === "thread.item.done" ||
    event.type === "thread.item.replaced";
  if (
    needsItem &&
    (!isRecord(event.item) ||
      typeof event.item.id !== "string" ||
      typeof event.item.type !== "string")
  ) {
    throw new TypeError(`Handler yielded ${event.type} without a valid item`);
  }
  if (
    (event.type === "thread.item.updated" || event.type === "thread.item.removed") &&
    typeof event.item_id !== "string"
  ) {
    throw new TypeError(`Handler yielded ${event.type} without an item_id`);
  }
  if (event.type === "thread.item.updated" && !isRecord(event.update)) {
    throw new TypeError("Handler yielded thread.item.updated without an update");
  }
  return event as ThreadStreamEvent;
}

/**
 * @internal Applies a text delta to an existing part of a pending assistant message in place;
 * false (and nothing done) for any other update, left to `applyItemUpdate`. The result is the
 * same as `applyItemUpdate`'s, without copying the item, its content and the part for every
 * delta of a long stream: pending items are the pipeline's own copies, shared with nothing.
 */
export function appendText(item: ThreadItem, update: ThreadItemUpdate): boolean {
  if (update.type !== "assistant_message.content_part.text_delta") return false;
  if (item.type !== "assistant_message" || !Array.isArray(item.content)) return false;
  const index = update.content_index;
  if (!Number.isInteger(index) || index < 0 || index >= item.content.length) return false;
  const part = item.content[index];
  if (part === null || typeof part !== "object") return false;
  part.text = (part.text ?? "") + update.delta;
  return true;
}

const hasOwn = Object.prototype.hasOwnProperty;

/**
 * @internal `deepEqual(value, snapshot)` for a snapshot made by `clone` (plain data, own
 * properties only), in one walk of each object's keys instead of two: equal when every own key
 * of `value` matches and both hold as many keys with a defined value. The pipeline checks the
 * thread after every event, and `deepEqual`'s second walk (keys only the snapshot has) was most
 * of that check.
 */
export function unchanged(value: unknown, snapshot: unknown): boolean {
  if (value === snapshot) return true;
  if (
    typeof value !== typeof snapshot ||
    value === null ||
    snapshot === null ||
    typeof value !== "object"
  ) {
    return Number.isNaN(value) && Number.isNaN(snapshot);
  }
  const isArray = Array.isArray(value);
  if (isArray !== Array.isArray(snapshot)) return false;
  if (isArray) {
    const before = snapshot as unknown[];
    if (value.length !== before.length) return false;
    for (let i = 0; i < value.length; i++) if (!unchanged(value[i], before[i])) return false;
    return true;
  }
  const now = value as Record<string, unknown>;
  const before = snapshot as Record<string, unknown>;
  let defined = 0;
  for (const key in now) {
    if (!hasOwn.call(now, key)) continue;
    const field = now[key];
    if (!unchanged(field, before[key])) return false;
    if (field !== undefined) defined++;
  }
  for (const key in before) if (hasOwn.call(before, key) && before[key] !== undefined) defined--;
  return defined === 0;
}

/**
 * The `error` event for an exception raised by a handler. An `ActionParseError` (a client sent an
 * action the app's `actionSet` rejects) is the client's mistake, not the server's: its message is
 * sent as a `custom` error without retry, and nothing is logged as a server failure. A
 * {@link FieldErrors} becomes its `threadkit.field_errors` client effect (or, with no sender widget
 * to show them under, a `custom` error carrying the messages).
 */
export function errorEvent(error: unknown): ThreadStreamEvent {
  if (error instanceof FieldErrors) {
    if (error.itemId !== null) return fieldErrorsEvent(error.itemId, error.errors);
    // No widget to show them under (an action sent from page code): an error the user can read.
    return {
      type: "error",
      code: "custom",
      message: Object.values(error.errors).join(" "),
      allow_retry: false,
    } as ThreadStreamEvent;
  }
  if (error instanceof ActionParseError) {
    return {
      type: "error",
      code: "custom",
      message: error.message,
      allow_retry: false,
    } as ThreadStreamEvent;
  }
  if (error instanceof CustomStreamError) {
    return {
      type: "error",
      code: "custom",
      message: error.message,
      allow_retry: error.allowRetry,
    } as ThreadStreamEvent;
  }
  if (error instanceof StreamError) {
    return { type: "error", code: error.code, allow_retry: error.allowRetry } as ThreadStreamEvent;
  }
  logError("Error in stream handler", error);
  return { type: "error", code: "stream.error", allow_retry: true } as ThreadStreamEvent;
}

/**
 * Default cancellation handling (ChatKit's `handle_stream_cancelled`): saves pending assistant
 * messages that have non-whitespace text, then always adds the `sdk_hidden_context` note.
 */
export async function defaultHandleStreamCancelled<TContext>(
  store: Store<TContext>,
  thread: ThreadMetadata,
  pendingItems: ThreadItem[],
  context: TContext,
): Promise<void> {
  for (const item of pendingItems) {
    if (item.type !== "assistant_message") continue;
    const text = item.content.map((part) => part.text ?? "").join("");
    if (text.trim()) await store.addThreadItem(thread.id, item, context);
  }
  const note = {
    type: "sdk_hidden_context",
    id: store.generateItemId("sdk_hidden_context", thread, context),
    thread_id: thread.id,
    created_at: new Date().toISOString(),
    content: "The user cancelled the stream. Stop responding to the prior request.",
  } as ThreadItem;
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
export function processEvents<TContext>(
  host: PipelineHost<TContext>,
  thread: ThreadMetadata,
  context: TContext,
  signal: AbortSignal,
  stream: () => AsyncIterable<ThreadStreamEvent>,
): AsyncGenerator<ThreadStreamEvent> {
  return new EventPipeline(host, thread, context, signal, stream);
}

type Step = IteratorResult<ThreadStreamEvent, undefined>;

/** A step that waits for the handler's next event: the handler's reactions deliver it. */
const PULLING: unique symbol = Symbol("pulling");

type Outcome = Step | typeof PULLING;

const done = (): Step => ({ done: true, value: undefined });
const yielded = (event: ThreadStreamEvent): Step => ({ done: false, value: event });

/**
 * Where the pipeline stands between two calls: not started, after one of the events it gives
 * (stream_options; a handler's event; thread.updated after one, or after the handler's end; an
 * error event; the last thread.updated), or over.
 */
type Position = "start" | "options" | "event" | "updated" | "ended" | "error" | "final" | "over";

/**
 * {@link processEvents} as a hand-written async generator: what the async generator it replaced
 * did, call for call (calls made while one runs wait their turn), for a few promises less per
 * event. An event costs the handler's `next()`, one reaction on it and the promise handed out:
 * no promise race, no `await` of a thread check that found nothing, no `yield`'s own `await`.
 */
class EventPipeline<TContext> implements AsyncGenerator<ThreadStreamEvent, undefined> {
  readonly #host: PipelineHost<TContext>;
  readonly #thread: ThreadMetadata;
  readonly #context: TContext;
  readonly #signal: AbortSignal;
  /** Opens the handler's stream; dropped once opened (see #begin). */
  #open: (() => AsyncIterable<ThreadStreamEvent>) | undefined;
  #store: StoreWrites<TContext> | undefined;
  #snapshot: ThreadMetadata | undefined;
  readonly #pending = new Map<string, ThreadItem>();
  #settled = false;
  #iterator: AsyncIterator<ThreadStreamEvent> | undefined;
  #at: Position = "start";
  /** A call is running (the promise it handed out is not settled yet). */
  #running = false;
  readonly #queue: Array<() => void> = [];
  #resolve: ((step: Step) => void) | undefined;
  #reject: ((error: unknown) => void) | undefined;
  /** Waiting for the handler's next event, which an abort ends early. */
  #waiting = false;
  /** `signal.aborted`, kept by the listener (the getter checks its receiver on every read). */
  #aborted = false;

  constructor(
    host: PipelineHost<TContext>,
    thread: ThreadMetadata,
    context: TContext,
    signal: AbortSignal,
    open: () => AsyncIterable<ThreadStreamEvent>,
  ) {
    this.#host = host;
    this.#thread = thread;
    this.#context = context;
    this.#signal = signal;
    this.#open = open;
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  next(): Promise<Step> {
    return this.#call("next", undefined);
  }

  return(): Promise<Step> {
    return this.#call("return", undefined);
  }

  throw(error: unknown): Promise<Step> {
    return this.#call("throw", error);
  }

  #call(kind: "next" | "return" | "throw", error: unknown): Promise<Step> {
    if (this.#running) {
      return new Promise<Step>((resolve, reject) => {
        this.#queue.push(() => {
          this.#call(kind, error).then(resolve, reject);
        });
      });
    }
    this.#running = true;
    const promise = new Promise<Step>(this.#bind);
    try {
      this.#deliver(
        kind === "next" ? this.#advance() : kind === "return" ? this.#stop() : this.#throwIn(error),
      );
    } catch (thrown) {
      this.#failed(thrown);
    }
    return promise;
  }

  /** The executor of each call's promise (one function for them all). */
  readonly #bind = (resolve: (step: Step) => void, reject: (error: unknown) => void): void => {
    this.#resolve = resolve;
    this.#reject = reject;
  };

  /** Settles the running call with `outcome` once it is known; then runs the next call, if any. */
  readonly #deliver = (outcome: Outcome | Promise<Outcome>): void => {
    if (outcome === PULLING) return;
    if (outcome instanceof Promise) {
      outcome.then(this.#deliver, this.#failed);
      return;
    }
    const resolve = this.#resolve as (step: Step) => void;
    this.#settle();
    resolve(outcome);
    this.#queue.shift()?.();
  };

  readonly #failed = (error: unknown): void => {
    const reject = this.#reject as (error: unknown) => void;
    this.#at = "over";
    this.#settle();
    reject(error);
    this.#queue.shift()?.();
  };

  #settle(): void {
    this.#resolve = undefined;
    this.#reject = undefined;
    this.#running = false;
  }

  #advance(): Outcome | Promise<Outcome> {
    switch (this.#at) {
      case "start":
        return this.#start();
      case "options":
        return this.#begin();
      case "event":
        return this.#afterEvent();
      case "updated":
        return this.#pull();
      case "ended":
      case "error":
        return this.#final();
      case "final":
        this.#settled = true;
        this.#close();
        return done();
      case "over":
        return done();
    }
  }

  /** `return()`: an early stop at an event runs the cancellation path. */
  #stop(): Outcome | Promise<Outcome> {
    if (this.#at === "start" || this.#at === "over") {
      this.#at = "over";
      return done();
    }
    return this.#finish().then(done);
  }

  /** `throw()`: the handler's part turns it into an error event; elsewhere it ends the stream. */
  #throwIn(error: unknown): Outcome | Promise<Outcome> {
    switch (this.#at) {
      case "event":
      case "updated":
      case "ended":
        return this.#fail(error);
      case "start":
      case "over":
        this.#at = "over";
        throw error;
      default:
        return this.#finish().then(() => {
          throw error;
        });
    }
  }

  async #start(): Promise<Outcome> {
    this.#at = "over";
    this.#store = this.#host.writesFor?.(this.#signal) ?? this.#host.store;
    this.#snapshot = clone(this.#thread);
    this.#aborted = this.#signal.aborted;
    this.#signal.addEventListener("abort", this.#onAbort, { once: true });
    let options: StreamOptions;
    try {
      options = await this.#host.getStreamOptions(this.#thread, this.#context);
    } catch (error) {
      await this.#finish();
      throw error;
    }
    this.#at = "options";
    return yielded({ type: "stream_options", stream_options: options } as ThreadStreamEvent);
  }

  #begin(): Outcome | Promise<Outcome> {
    const open = this.#open as () => AsyncIterable<ThreadStreamEvent>;
    // The opener's closure holds the whole request (parsed body, params) for a stream that may
    // stay open for minutes; the handler's iterator keeps what it needs.
    this.#open = undefined;
    try {
      this.#iterator = open()[Symbol.asyncIterator]();
    } catch (error) {
      return this.#fail(error);
    }
    return this.#pull();
  }

  /** Asks the handler for its next event; the reactions below (or an abort) go on from there. */
  #pull(): Outcome | Promise<Outcome> {
    if (this.#aborted) return this.#cancelled();
    try {
      const next = (this.#iterator as AsyncIterator<ThreadStreamEvent>).next();
      this.#waiting = true;
      next.then(this.#onResult, this.#onError);
    } catch (error) {
      this.#waiting = false;
      return this.#fail(error);
    }
    return PULLING;
  }

  readonly #onResult = (result: IteratorResult<ThreadStreamEvent>): void => {
    if (!this.#waiting) return;
    this.#waiting = false;
    let outcome: Outcome | Promise<Outcome>;
    try {
      outcome = result.done ? this.#ended() : this.#take(result.value);
    } catch (error) {
      outcome = this.#fail(error);
    }
    this.#deliver(outcome);
  };

  readonly #onError = (error: unknown): void => {
    if (!this.#waiting) return;
    this.#waiting = false;
    this.#deliver(this.#fail(error));
  };

  // The one listener ends the current wait for the handler: nothing is attached per event (a
  // shared `aborted` promise raced against each wait kept a reaction for every event of a long
  // stream until it ended). The handler's pending `next()` settles into the ignored reactions.
  // The cancellation path starts after the abort's other listeners (the handler's) have run.
  readonly #onAbort = (): void => {
    this.#aborted = true;
    if (!this.#waiting) return;
    this.#waiting = false;
    queueMicrotask(() => this.#deliver(this.#cancelled()));
  };

  /** A handler's event: checked, persisted, tracked, then given (unless hidden). */
  #take(value: unknown): Outcome | Promise<Outcome> {
    const event = checkEvent(value);
    const pending = this.#pending;
    switch (event.type) {
      case "thread.item.added":
        pending.set(event.item.id, clone(event.item));
        break;
      case "thread.item.updated": {
        const item = pending.get(event.item_id);
        if (item && !appendText(item, event.update)) {
          pending.set(event.item_id, applyItemUpdate(item, event.update));
        }
        break;
      }
      case "thread.item.done":
      case "thread.item.removed":
      case "thread.item.replaced":
        return this.#persist(event);
    }
    return this.#give(event);
  }

  async #persist(event: ThreadStreamEvent): Promise<Outcome> {
    const store = this.#store as StoreWrites<TContext>;
    const threadId = this.#thread.id;
    try {
      switch (event.type) {
        case "thread.item.done":
          await store.addThreadItem(threadId, event.item, this.#context);
          this.#pending.delete(event.item.id);
          break;
        case "thread.item.removed":
          await store.deleteThreadItem(threadId, event.item_id, this.#context);
          this.#pending.delete(event.item_id);
          break;
        case "thread.item.replaced":
          await store.saveItem(threadId, event.item, this.#context);
          this.#pending.delete(event.item.id);
          break;
      }
      return this.#give(event);
    } catch (error) {
      return this.#fail(error);
    }
  }

  #give(event: ThreadStreamEvent): Outcome | Promise<Outcome> {
    const hidden = "item" in event && isRecord(event.item) && isHiddenItem(event.item);
    if (hidden) return this.#afterEvent();
    this.#at = "event";
    return yielded(event);
  }

  /** After a handler's event: thread.updated if the handler changed the thread, else the next. */
  #afterEvent(): Outcome | Promise<Outcome> {
    return this.#updatedOr("updated");
  }

  /** The handler is done: thread.updated if it changed the thread, then the end. */
  #ended(): Outcome | Promise<Outcome> {
    return this.#updatedOr("ended");
  }

  /**
   * thread.updated if the handler changed the thread (the pipeline then stands at `at`); else
   * what follows `at` at once: the handler's next event after an event, the end after the last.
   */
  #updatedOr(at: "updated" | "ended"): Outcome | Promise<Outcome> {
    try {
      if (!this.#threadChanged()) return at === "updated" ? this.#pull() : this.#final();
    } catch (error) {
      return this.#fail(error);
    }
    return this.#threadUpdated().then(
      (event) => {
        this.#at = at;
        return yielded(event);
      },
      (error: unknown) => this.#fail(error),
    );
  }

  /** The handler's part failed: its error event. */
  #fail(error: unknown): Step {
    this.#at = "error";
    return yielded(errorEvent(error));
  }

  /** The last check of the thread (a failure here fails the stream), then the end. */
  #final(): Outcome | Promise<Outcome> {
    let changed: boolean;
    try {
      changed = this.#threadChanged();
    } catch (error) {
      return this.#finish().then(() => {
        throw error;
      });
    }
    if (!changed) {
      this.#settled = true;
      this.#close();
      return done();
    }
    return this.#threadUpdated().then(
      (event) => {
        this.#at = "final";
        return yielded(event);
      },
      (error: unknown) =>
        this.#finish().then(() => {
          throw error;
        }),
    );
  }

  /** Whether the handler changed the thread since the last check (then it is the new snapshot). */
  #threadChanged(): boolean {
    if (unchanged(this.#thread, this.#snapshot)) return false;
    this.#snapshot = clone(this.#thread);
    return true;
  }

  async #threadUpdated(): Promise<ThreadStreamEvent> {
    const thread = this.#thread;
    await (this.#store as StoreWrites<TContext>).saveThread(metadataOf(thread), this.#context);
    return { type: "thread.updated", thread: toThreadResponse(thread) } as ThreadStreamEvent;
  }

  /** An abort: the cancellation path, then the end. */
  async #cancelled(): Promise<Outcome> {
    this.#at = "over";
    try {
      await this.#cancel();
    } finally {
      this.#close();
    }
    return done();
  }

  /** Ends the stream before its end: the cancellation path, unless it ran or the stream ended. */
  async #finish(): Promise<void> {
    this.#close();
    if (!this.#settled) await this.#cancel();
  }

  #close(): void {
    this.#at = "over";
    this.#signal.removeEventListener("abort", this.#onAbort);
  }

  async #cancel(): Promise<void> {
    this.#settled = true;
    const it = this.#iterator;
    if (it?.return) Promise.resolve(it.return()).catch(() => undefined);
    try {
      await this.#host.handleStreamCancelled(
        this.#thread,
        [...this.#pending.values()],
        this.#context,
      );
    } catch (error) {
      logError("handleStreamCancelled failed", error);
    }
  }
}
