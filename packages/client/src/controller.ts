import type {
  ActionConfig,
  Thread,
  ThreadItem,
  ThreadStreamEvent,
  UserMessageContentInput,
  WidgetItem,
} from "@threadkit/core";
import { actionKey } from "./action-key.js";
import type { RunTracker } from "./resume.js";
import { interruptedBy, sendStop } from "./run-control.js";
import {
  dropAfter,
  emptyState,
  lastUserMessage,
  pendingToolCall,
  reduce,
  stateFromThread,
  type ThreadState,
} from "./state.js";
import { ChatKitHttpError, Transport } from "./transport.js";
import type {
  ChatKitEventMap,
  ChatKitEventName,
  ChatKitOptions,
  SendUserMessageParams,
} from "./types.js";
import type { ActionOutcome } from "./widgets/host.js";

/** What the controller needs from the element around it. */
export interface ControllerHost {
  /** The current (validated) options. */
  options(): ChatKitOptions;
  /** Dispatches a `chatkit.*` DOM event. */
  emit<K extends ChatKitEventName>(name: K, detail?: ChatKitEventMap[K]): void;
  /** Schedules a re-render. */
  update(): void;
}

type StreamRequest = {
  type: string;
  params: Record<string, unknown>;
  headers?: Record<string, string>;
  /** A 409 `action_in_progress` answer is retried by the caller: no error row, no report. */
  retriesInProgress?: boolean;
};

/** How often an action answered "still running elsewhere" (409) is tried again, and the waits. */
const IN_PROGRESS_TRIES = 8;
const inProgressWait = (attempt: number) => Math.min(250 * 2 ** (attempt - 1), 2000);
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The same action, sent from another page, is still running (409 `action_in_progress`). */
function isInProgress(e: unknown): boolean {
  if (!(e instanceof ChatKitHttpError) || e.status !== 409 || !isRecord(e.body)) return false;
  return isRecord(e.body.error) && e.body.error.code === "action_in_progress";
}

/** The `client_effect` carrying a widget's field errors (see `FieldErrors` on the server). */
const FIELD_ERRORS_EFFECT = "threadkit.field_errors";

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** The messages per field of a sync action's 422 `field_errors` answer, if `e` is one. */
function fieldErrorsOf(e: unknown): Record<string, string> | undefined {
  if (!(e instanceof ChatKitHttpError) || e.status !== 422 || !isRecord(e.body)) return undefined;
  const error = e.body.error;
  if (!isRecord(error) || error.code !== "field_errors" || !isRecord(error.fields))
    return undefined;
  return error.fields as Record<string, string>;
}

/** The short notice shown for a refusal the user can act on (too many requests, a duplicate). */
function noticeFor(e: unknown): string | undefined {
  if (!(e instanceof ChatKitHttpError)) return undefined;
  if (e.status === 429) return "Too many requests. Please wait a moment and try again.";
  if (e.status === 409) return "That is already being done. Please wait for it to finish.";
  return undefined;
}

const toError = (e: unknown): Error => (e instanceof Error ? e : new Error(String(e)));
const isAbort = (e: unknown) => e instanceof DOMException && e.name === "AbortError";

/**
 * The element's brain, without any DOM: thread state, streaming, commands, widget actions,
 * client tools, retry and stop. `<threadkit-chat>` renders `state` and forwards user input here.
 *
 * @example
 * ```ts
 * const c = new ChatController({ options: () => opts, emit: console.log, update: () => {} });
 * await c.sendUserMessage({ text: "Hello" });
 * console.log(c.state.items);
 * ```
 */
export class ChatController {
  readonly transport: Transport;
  state: ThreadState = emptyState();
  /** True while a response streams (streaming actions and messages are refused). */
  responding = false;
  /** True while a thread is loading. */
  loading = false;
  #host: ControllerHost;
  #abort: AbortController | null = null;
  /** The resumable reply being read, if the server named its run. */
  #run: RunTracker | null = null;
  #lastRequest: StreamRequest | null = null;
  /** Field errors the server sent, by widget item id, until the action that asked collects them. */
  readonly #fieldErrors = new Map<string, Record<string, string>>();
  /** Actions waiting for the streaming response to end. */
  #idleWaiters: Array<() => void> = [];
  #loadSeq = 0;
  /** Errors already sent as `chatkit.error` (so a failure is reported once). */
  readonly #reported = new WeakSet<Error>();

  constructor(host: ControllerHost) {
    this.#host = host;
    this.transport = new Transport(() => {
      const o = host.options();
      return {
        url: o.api.url,
        ...(o.api.fetch ? { fetch: o.api.fetch } : {}),
        locale: o.locale ?? globalThis.navigator?.language ?? "en",
      };
    });
  }

  /** The id of the thread on screen, or null in the new-thread view. */
  get threadId(): string | null {
    return this.state.thread?.id ?? null;
  }

  #set(state: ThreadState): void {
    this.state = state;
    this.#host.update();
  }

  /** Reports a non-fatal error as `chatkit.error`. */
  reportError(error: unknown): void {
    const e = toError(error);
    if (this.#reported.has(e)) return;
    this.#reported.add(e);
    this.#host.emit("chatkit.error", { error: e });
  }

  /**
   * Shows a thread (loading it with `threads.get_by_id` and further `items.list` pages) or the
   * new-thread view for `null`.
   */
  async setThreadId(threadId: string | null): Promise<void> {
    if (threadId === this.threadId && threadId !== null) return;
    // Leaving a thread detaches from its reply (a resumable one goes on; a plain one is cancelled).
    this.#abort?.abort();
    const seq = ++this.#loadSeq;
    if (threadId === null) {
      this.#set(emptyState());
      this.#host.emit("chatkit.thread.change", { threadId: null });
      return;
    }
    this.loading = true;
    this.#set({ ...emptyState(), thread: null });
    this.#host.emit("chatkit.thread.load.start", { threadId });
    let activeRun: string | null = null;
    try {
      const loaded = await this.#load(threadId);
      if (seq !== this.#loadSeq) return;
      activeRun = loaded.activeRun;
      this.#set(loaded.state);
      this.#host.emit("chatkit.thread.change", { threadId });
    } catch (e) {
      if (seq === this.#loadSeq) {
        this.#set({
          ...emptyState(),
          error: { code: "load", message: toError(e).message, allowRetry: false },
        });
        this.reportError(e);
      }
    } finally {
      if (seq === this.#loadSeq) {
        this.loading = false;
        this.#host.emit("chatkit.thread.load.end", { threadId });
        this.#host.update();
      }
    }
    // A reply still running on the thread (the page was reloaded mid-reply): follow it.
    if (activeRun && seq === this.#loadSeq && !this.responding) {
      this.#respond(() => this.#rejoin(activeRun, threadId)).catch(() => undefined);
    }
  }

  async #load(threadId: string): Promise<{ state: ThreadState; activeRun: string | null }> {
    const { thread, activeRun } = await this.transport.getThread<Thread>(threadId);
    const more: ThreadItem[] = [];
    let page = thread.items;
    while (page?.has_more && page.after) {
      page = await this.transport.request("items.list", {
        thread_id: threadId,
        order: "asc",
        limit: 100,
        after: page.after,
      });
      more.push(...page.data);
    }
    return { state: stateFromThread(thread, more), activeRun };
  }

  /** Re-loads the current thread (after the server changed it out of band). */
  async fetchUpdates(): Promise<void> {
    const id = this.threadId;
    if (!id || this.responding) return;
    const { state } = await this.#load(id);
    if (this.threadId === id && !this.responding) this.#set(state);
  }

  /**
   * Sends a user message (creating a thread in the new-thread view or when `newThread` is set).
   * Rejects while a response streams.
   */
  async sendUserMessage(params: SendUserMessageParams): Promise<void> {
    if (this.responding) throw new Error("ChatKit: sendUserMessage() ignored - already responding");
    const content: UserMessageContentInput[] = params.content ?? [
      { type: "input_text", text: params.text ?? "" },
    ];
    const input = {
      content,
      attachments: (params.attachments ?? []).map((a) => a.id),
      ...(params.reply ? { quoted_text: params.reply } : {}),
      inference_options: {
        ...(params.toolChoice ? { tool_choice: params.toolChoice } : {}),
        ...(params.model ? { model: params.model } : {}),
      },
    };
    if (params.newThread && this.threadId) await this.setThreadId(null);
    const id = this.threadId;
    await this.runStream(
      id
        ? { type: "threads.add_user_message", params: { thread_id: id, input } }
        : { type: "threads.create", params: { input } },
    );
  }

  /**
   * Sends a server action imperatively (no form): `streaming: false` goes to
   * `threads.sync_custom_action`, everything else to `threads.custom_action`.
   */
  async sendCustomAction(action: ActionConfig, itemId?: string): Promise<void> {
    const item = itemId ? this.state.items.find((i) => i.id === itemId) : undefined;
    try {
      const widget = item?.type === "widget" ? item : undefined;
      await this.#serverAction(action, itemId ?? null, widget, false);
    } catch (e) {
      // Meant for the integration's developer: chatkit.error (and the rejected promise).
      this.reportError(e);
      throw e;
    }
  }

  /**
   * The WidgetHost entry point: routes client, sync and streaming actions. Resolves when the
   * action's work has ended (stream end, sync response, or the `onAction` promise settling);
   * rejects when it was refused or failed, after reporting the error as `chatkit.error`.
   */
  async performAction(action: ActionConfig, item: WidgetItem): Promise<ActionOutcome | undefined> {
    this.#host.emit("chatkit.log", {
      name: "widgets.action",
      data: {
        type: action.type,
        handler: action.handler ?? "server",
        streaming: action.streaming !== false,
        itemId: item.id,
      },
    });
    try {
      if (action.handler === "client") {
        await this.#clientAction(action, item);
        return undefined;
      }
      this.#fieldErrors.delete(item.id);
      await this.#serverAction(action, item.id, item, true);
      const fieldErrors = this.#fieldErrors.get(item.id);
      this.#fieldErrors.delete(item.id);
      return fieldErrors ? { fieldErrors } : undefined;
    } catch (e) {
      const fieldErrors = fieldErrorsOf(e);
      if (fieldErrors) return { fieldErrors };
      const error = toError(e);
      this.reportError(error);
      throw error;
    }
  }

  async #clientAction(action: ActionConfig, item: WidgetItem): Promise<void> {
    const onAction = this.#host.options().widgets?.onAction;
    if (!onAction) {
      this.#host.emit("chatkit.log", {
        name: "widgets.onAction.missing",
        data: { type: action.type },
      });
      return;
    }
    const payload = action.payload as Record<string, unknown> | undefined | null;
    await onAction(
      { type: action.type, ...(payload != null ? { payload } : {}) },
      { id: item.id, widget: item.widget },
    );
  }

  /** The `Idempotency-Key` header of an action sent now (see {@link actionKey}). */
  #keyHeader(
    threadId: string,
    itemId: string | null,
    item: WidgetItem | undefined,
    action: {
      type: string;
      payload: unknown;
    },
  ): Record<string, string> {
    const newest = this.state.items[this.state.items.length - 1];
    const key = actionKey({
      threadId,
      itemId,
      widget: item?.widget,
      newestItemId: newest?.id ?? null,
      action,
    });
    return { "Idempotency-Key": key };
  }

  /** Resolves once no response is streaming: an action clicked meanwhile waits its turn. */
  async #whenIdle(): Promise<void> {
    while (this.responding) await new Promise<void>((resolve) => this.#idleWaiters.push(resolve));
  }

  /** Shows the short notice for a refusal the user can act on, if `e` is one. */
  #notice(e: unknown): void {
    const message = noticeFor(e);
    if (message)
      this.#set({ ...this.state, error: { code: "notice", message, allowRetry: false } });
  }

  /**
   * Sends a server action. While a reply streams, a click (`queue`) waits for it to end; an
   * imperative `sendAction()` is refused, as ChatKit does.
   */
  async #serverAction(
    action: ActionConfig,
    itemId: string | null,
    item: WidgetItem | undefined,
    queue: boolean,
  ) {
    const wire = { type: action.type, payload: action.payload ?? null };
    if (action.streaming === false) {
      const threadId = this.threadId;
      if (!threadId) throw new Error("ChatKit: sendAction() ignored - no active thread");
      const headers = this.#keyHeader(threadId, itemId, item, wire);
      const send = () =>
        this.transport.request<{ updated_item?: ThreadItem }>(
          "threads.sync_custom_action",
          { thread_id: threadId, item_id: itemId, action: wire },
          undefined,
          headers,
        );
      const res = await this.#whileInProgress(send).catch((e: unknown) => {
        if (fieldErrorsOf(e)) throw e; // shown at the fields, not an error
        this.#notice(e);
        this.reportError(e);
        throw e;
      });
      if (res.updated_item && this.threadId === threadId)
        this.#set(reduce(this.state, { type: "thread.item.replaced", item: res.updated_item }));
      return;
    }
    if (this.responding && !queue) {
      throw new Error("ChatKit: sendAction() ignored - already responding");
    }
    if (this.responding) {
      // Never dropped: it is sent when the reply ends (its control shows loading meanwhile).
      this.#host.emit("chatkit.log", {
        name: "widgets.action.queued",
        data: { type: action.type },
      });
      await this.#whenIdle();
    }
    if (item && this.threadId !== null && this.threadId !== item.thread_id) {
      throw new Error("ChatKit: sendAction() ignored - its thread is no longer shown");
    }
    const threadId = this.threadId ?? item?.thread_id;
    if (!threadId) throw new Error("ChatKit: sendAction() ignored - no active thread");
    const request: StreamRequest = {
      type: "threads.custom_action",
      params: { thread_id: threadId, item_id: itemId, action: wire },
      headers: this.#keyHeader(threadId, itemId, item, wire),
    };
    await this.#whileInProgress((last) => this.runStream({ ...request, retriesInProgress: !last }));
  }

  /**
   * Runs `send` again (same Idempotency-Key) while the server answers that the same action is
   * still running from another page: once it has finished, the answer shows its outcome.
   */
  async #whileInProgress<T>(send: (last: boolean) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const last = attempt >= IN_PROGRESS_TRIES;
      try {
        return await send(last);
      } catch (e) {
        if (last || !isInProgress(e)) throw e;
        await sleep(inProgressWait(attempt));
      }
    }
  }

  /**
   * Stops the streaming response. A resumable reply gets the server's stop request (it reaches
   * the reply on whichever instance runs it; the stream then ends `cancelled`); otherwise, or if
   * that request fails, the connection is closed (the server sees the disconnect).
   */
  stop(): void {
    const abort = this.#abort;
    const runId = this.#run?.runId;
    const threadId = this.threadId;
    if (!abort) return;
    if (!runId || !threadId) {
      abort.abort();
      return;
    }
    sendStop(this.transport, threadId, runId).catch(() => abort.abort());
  }

  /** Retries after an `error` with `allow_retry`: re-sends the last request. */
  async retry(): Promise<void> {
    const last = this.#lastRequest;
    if (this.responding) return;
    const user = lastUserMessage(this.state);
    if (!last) {
      // A rejoined reply that was interrupted: regenerate the answer to the last message.
      if (user && this.threadId) await this.retryAfterItem(user.id);
      return;
    }
    const isMessage = last.type === "threads.create" || last.type === "threads.add_user_message";
    if ((isMessage || last.type === "threads.retry_after_item") && user && this.threadId) {
      await this.retryAfterItem(user.id);
      return;
    }
    this.#set({ ...this.state, error: null });
    await this.runStream(last);
  }

  /** Regenerates the response to user message `itemId` (`threads.retry_after_item`). */
  async retryAfterItem(itemId: string): Promise<void> {
    const threadId = this.threadId;
    if (!threadId) return;
    if (this.responding) throw new Error("ChatKit: retry ignored - already responding");
    this.#set(dropAfter(this.state, itemId));
    await this.runStream({
      type: "threads.retry_after_item",
      params: { thread_id: threadId, item_id: itemId },
    });
  }

  /** Sends thumbs up/down for the items of one assistant turn (`items.feedback`). */
  async feedback(itemIds: string[], kind: "positive" | "negative"): Promise<void> {
    const threadId = this.threadId;
    if (!threadId) return;
    await this.transport.request("items.feedback", {
      thread_id: threadId,
      item_ids: itemIds,
      kind,
    });
  }

  /**
   * Runs one streaming request (and the client-tool round trips it triggers) from
   * `chatkit.response.start` to `chatkit.response.end`. Resolves when the work has ended; rejects
   * on transport errors (which are also shown as an error row and sent as `chatkit.error`).
   */
  async runStream(request: StreamRequest): Promise<void> {
    if (this.responding) throw new Error("ChatKit: request ignored - already responding");
    this.#lastRequest = request;
    await this.#respond(
      async () => {
        let next: StreamRequest | null = request;
        while (next) {
          await this.#stream(next);
          next = await this.#clientTool();
        }
      },
      (e) => request.retriesInProgress === true && isInProgress(e),
    );
  }

  /** Runs `work` (streams) from `chatkit.response.start` to `chatkit.response.end`. */
  async #respond(
    work: () => Promise<void>,
    quiet: (e: unknown) => boolean = () => false,
  ): Promise<void> {
    if (this.responding) throw new Error("ChatKit: request ignored - already responding");
    this.responding = true;
    this.#set({ ...this.state, error: null, allowCancel: true });
    this.#host.emit("chatkit.response.start");
    let failure: Error | null = null;
    try {
      await work();
    } catch (e) {
      if (quiet(e)) {
        failure = toError(e); // tried again by the caller: nothing to show yet
      } else if (!isAbort(e)) {
        failure = toError(e);
        const notice = noticeFor(e);
        this.#set({
          ...this.state,
          progress: null,
          error: notice
            ? { code: "notice", message: notice, allowRetry: false }
            : { code: "request", message: failure.message, allowRetry: true },
        });
        this.reportError(failure);
      }
    } finally {
      this.#abort = null;
      this.#run = null;
      this.responding = false;
      this.#set({ ...this.state, progress: null });
      this.#host.emit("chatkit.response.end");
      const waiting = this.#idleWaiters;
      this.#idleWaiters = [];
      for (const resume of waiting) resume();
    }
    if (failure) throw failure;
  }

  async #stream(request: StreamRequest): Promise<void> {
    const abort = new AbortController();
    const run: RunTracker = {};
    this.#abort = abort;
    this.#run = run;
    const before = this.threadId;
    const events = this.transport.stream(
      request.type,
      request.params,
      abort.signal,
      run,
      request.headers,
    );
    for await (const event of events) {
      this.#handle(event);
      if (event.type === "thread.created" && event.thread.id !== before)
        this.#host.emit("chatkit.thread.change", { threadId: event.thread.id });
    }
    await this.#ended(run);
  }

  /** Follows a reply already running on the thread (after a reload). */
  async #rejoin(runId: string, threadId: string): Promise<void> {
    const abort = new AbortController();
    const run: RunTracker = {};
    this.#abort = abort;
    this.#run = run;
    for await (const event of this.transport.rejoin(runId, threadId, abort.signal, run)) {
      if (this.threadId !== threadId) break;
      this.#handle(event);
    }
    await this.#ended(run);
    if (run.outcome === "completed") await this.#clientToolsAfterRejoin();
  }

  /** After a rejoined reply, the client tool round trips it asked for, as after any reply. */
  async #clientToolsAfterRejoin(): Promise<void> {
    let next = await this.#clientTool();
    while (next) {
      await this.#stream(next);
      next = await this.#clientTool();
    }
  }

  /**
   * A resumable reply's end: `failed` or `cancelled` marks it interrupted (with Retry) unless an
   * error is already shown; `gone` (its events expired while away) reloads the thread.
   */
  async #ended(run: RunTracker): Promise<void> {
    if (run.outcome === "gone") {
      const id = this.threadId;
      if (id) {
        const { state } = await this.#load(id);
        if (this.threadId === id) this.#set(state);
      }
      return;
    }
    const interrupted = interruptedBy(run.outcome);
    if (interrupted && !this.state.error) this.#set({ ...this.state, error: interrupted });
  }

  #handle(event: ThreadStreamEvent): void {
    if (event.type === "client_effect") {
      const data = event.data as Record<string, unknown> | undefined;
      if (event.name === FIELD_ERRORS_EFFECT && typeof data?.item_id === "string") {
        if (isRecord(data.errors)) {
          this.#fieldErrors.set(data.item_id, data.errors as Record<string, string>);
        }
      }
      this.#host.emit("chatkit.effect", {
        name: event.name,
        ...(event.data ? { data: event.data as Record<string, unknown> } : {}),
      });
      return;
    }
    this.#set(reduce(this.state, event));
    if (event.type === "error")
      this.reportError(new Error(event.message ?? `ChatKit stream error: ${event.code}`));
  }

  async #clientTool(): Promise<StreamRequest | null> {
    const call = pendingToolCall(this.state);
    const threadId = this.threadId;
    if (!call || !threadId || this.state.error) return null;
    const onClientTool = this.#host.options().onClientTool;
    let result: unknown;
    try {
      if (!onClientTool) throw new Error(`ChatKit: no onClientTool handler for "${call.name}"`);
      result = await onClientTool({
        name: call.name,
        params: (call.arguments ?? {}) as Record<string, unknown>,
      });
    } catch (e) {
      this.reportError(e);
      result = { error: toError(e).message };
    }
    const items = this.state.items.map((i) =>
      i.id === call.id ? ({ ...call, status: "completed", output: result } as ThreadItem) : i,
    );
    this.#set({ ...this.state, items });
    return {
      type: "threads.add_client_tool_output",
      params: { thread_id: threadId, result: result ?? null },
    };
  }
}
