import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type {
  Action,
  SyncCustomActionResponse,
  ThreadItem,
  ThreadMetadata,
  ThreadStreamEvent,
  UserMessageItem,
  WidgetItem,
} from "@threadkit/core";
import { actionSet, defineAction } from "@threadkit/core";
import {
  type AudioInput,
  ChatKitServer,
  type ChatKitServerOptions,
  createFetchHandler,
  createNodeHandler,
  type FeedbackKind,
  type HandlerOptions,
  MemoryStore,
  parseSseEvents,
  type ServerAttachmentStore,
  type Store,
  type TranscriptionResult,
} from "@threadkit/server";

export interface Ctx {
  userId: string;
}

export type Event = Record<string, unknown> & { type: string };

type Respond = (
  thread: ThreadMetadata,
  input: UserMessageItem | null,
  context: Ctx,
  options: HandlerOptions,
) => AsyncIterable<ThreadStreamEvent>;
type ActionHook = (
  thread: ThreadMetadata,
  action: Action,
  sender: WidgetItem | null,
  context: Ctx,
  options: HandlerOptions,
) => AsyncIterable<ThreadStreamEvent>;

export interface Hooks {
  respond?: Respond;
  action?: ActionHook;
  syncAction?: (
    thread: ThreadMetadata,
    action: Action,
    sender: WidgetItem | null,
    context: Ctx,
  ) => Promise<SyncCustomActionResponse>;
  addFeedback?: (threadId: string, itemIds: string[], kind: FeedbackKind, ctx: Ctx) => void;
  transcribe?: (audio: AudioInput, context: Ctx) => Promise<TranscriptionResult>;
  handleStreamCancelled?: (thread: ThreadMetadata, pending: ThreadItem[], ctx: Ctx) => void;
}

/** The actions the tests send without a widget (`sendAction()`), declared as an app would. */
export const TEST_ACTIONS = actionSet(
  ...["go", "x", "clicked", "anything"].map((type) =>
    defineAction(type, undefined, { imperative: true }),
  ),
);

/**
 * ChatKit Python's `make_server`: a server whose hooks delegate to callbacks. Its options default
 * to `{ actions: TEST_ACTIONS }`.
 */
export class TestServer extends ChatKitServer<Ctx> {
  constructor(
    store: Store<Ctx>,
    readonly hooks: Hooks = {},
    files?: ServerAttachmentStore<Ctx> | ChatKitServerOptions<Ctx>,
    options: ChatKitServerOptions<Ctx> = { actions: TEST_ACTIONS },
  ) {
    const extra = files && "createAttachment" in files ? { attachmentStore: files } : files;
    super(store, { ...options, ...extra });
  }

  async *respond(
    thread: ThreadMetadata,
    input: UserMessageItem | null,
    context: Ctx,
    options: HandlerOptions,
  ): AsyncIterable<ThreadStreamEvent> {
    if (this.hooks.respond) yield* this.hooks.respond(thread, input, context, options);
  }

  override action(
    thread: ThreadMetadata,
    action: Action,
    sender: WidgetItem | null,
    context: Ctx,
    options: HandlerOptions,
  ): AsyncIterable<ThreadStreamEvent> {
    if (this.hooks.action) return this.hooks.action(thread, action, sender, context, options);
    return super.action(thread, action, sender, context, options);
  }

  override syncAction(
    thread: ThreadMetadata,
    action: Action,
    sender: WidgetItem | null,
    context: Ctx,
  ): Promise<SyncCustomActionResponse> {
    if (this.hooks.syncAction) return this.hooks.syncAction(thread, action, sender, context);
    return super.syncAction(thread, action, sender, context);
  }

  override async addFeedback(
    threadId: string,
    itemIds: string[],
    kind: FeedbackKind,
    context: Ctx,
  ): Promise<void> {
    this.hooks.addFeedback?.(threadId, itemIds, kind, context);
  }

  override transcribe(audio: AudioInput, context: Ctx): Promise<TranscriptionResult> {
    if (this.hooks.transcribe) return this.hooks.transcribe(audio, context);
    return super.transcribe(audio, context);
  }

  override async handleStreamCancelled(
    thread: ThreadMetadata,
    pending: ThreadItem[],
    context: Ctx,
  ): Promise<void> {
    this.hooks.handleStreamCancelled?.(thread, pending, context);
    await super.handleStreamCancelled(thread, pending, context);
  }
}

export function makeStore(): MemoryStore<Ctx> {
  return new MemoryStore<Ctx>({ userId: (ctx) => ctx.userId });
}

export const USER: Ctx = { userId: "test_user" };
export const OTHER: Ctx = { userId: "other_user" };

/** A fetch handler whose context comes from the `x-user` header (default "test_user"). */
export function fetchHandler(
  server: ChatKitServer<Ctx>,
  options: { maxBodyBytes?: number; heartbeatMs?: number } = {},
) {
  return createFetchHandler(server, {
    getContext: (req) => ({ userId: req.headers.get("x-user") ?? USER.userId }),
    ...options,
  });
}

export interface Client {
  /** POSTs a request; returns the raw Response. */
  post(body: unknown, user?: Ctx): Promise<Response>;
  /** POSTs a streaming request and returns its parsed events (asserting 200 + SSE). */
  stream(type: string, params: Record<string, unknown>, user?: Ctx): Promise<Event[]>;
  /** POSTs a JSON request and returns the parsed body (asserting 200). */
  json<T = Record<string, unknown>>(
    type: string,
    params: Record<string, unknown>,
    user?: Ctx,
  ): Promise<T>;
}

export function fetchClient(server: ChatKitServer<Ctx>): Client {
  const handler = fetchHandler(server);
  const post = (body: unknown, user: Ctx = USER) =>
    handler(
      new Request("http://test/chatkit", {
        method: "POST",
        headers: { "content-type": "application/json", "x-user": user.userId },
        body: typeof body === "string" ? body : JSON.stringify(body),
      }),
    );
  return {
    post,
    async stream(type, params, user) {
      const res = await post({ type, params }, user);
      const text = await res.text();
      if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${text}`);
      if (res.headers.get("content-type") !== "text/event-stream") throw new Error("not SSE");
      return parseSseEvents(text) as Event[];
    },
    async json(type, params, user) {
      const res = await post({ type, params }, user);
      const text = await res.text();
      if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${text}`);
      return JSON.parse(text);
    },
  };
}

/** Starts `createNodeHandler(server)` on 127.0.0.1; returns the URL and a close function. */
export async function listen(
  server: ChatKitServer<Ctx>,
  options: { maxBodyBytes?: number; heartbeatMs?: number } = {},
): Promise<{ url: string; http: Server; close(): Promise<void> }> {
  const http = createServer(
    createNodeHandler(server, {
      getContext: (req) => ({ userId: String(req.headers["x-user"] ?? USER.userId) }),
      ...options,
    }),
  );
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  const { port } = http.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/chatkit`,
    http,
    close: () =>
      new Promise<void>((resolve) => {
        http.closeAllConnections();
        http.close(() => resolve());
      }),
  };
}

export function userInput(text: string, extra: Record<string, unknown> = {}) {
  return {
    content: [{ type: "input_text", text }],
    attachments: [],
    inference_options: {},
    ...extra,
  };
}

export function now(): string {
  return new Date().toISOString();
}

export function assistantMessage(threadId: string, id: string, text: string): ThreadItem {
  return {
    type: "assistant_message",
    id,
    thread_id: threadId,
    created_at: now(),
    content: [{ type: "output_text", text, annotations: [] }],
  } as ThreadItem;
}

/** Polls `check` until it returns true (no timing assertions: only waits for a condition). */
export async function until(check: () => boolean | Promise<boolean>, tries = 500): Promise<void> {
  for (let i = 0; i < tries; i++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error("condition never became true");
}
