import type { IncomingMessage, ServerResponse } from "node:http";

/** A loosely typed ChatKit stream event (`{type: "thread.item.done", item: {...}}`). */
export type MockEvent = { type: string } & Record<string, unknown>;
/** A loosely typed thread item as stored by the mock. */
export type MockItem = { id: string; type: string; thread_id: string; created_at: string } & Record<
  string,
  unknown
>;
/** Thread metadata as stored by the mock. */
export interface MockThread {
  id: string;
  title?: string;
  created_at: string;
  status: { type: "active" | "locked" | "closed"; reason?: string };
  items: MockItem[];
}
/** One request the mock received. */
export interface MockRequest {
  type: string;
  params: Record<string, unknown>;
  headers: IncomingMessage["headers"];
}

/** What a responder sees. */
export interface RespondContext {
  mock: MockChatKit;
  thread: MockThread;
  request: MockRequest;
  /** The user message that triggered the turn (create / add_user_message / retry). */
  userMessage: MockItem | null;
  /** The text of `userMessage` (input_text parts joined). */
  text: string;
  /** Set when the client disconnected (Stop). */
  signal: AbortSignal;
}
/** Produces the events of one turn (after the mock has emitted stream_options, thread.created, the user message). */
export type Responder = (ctx: RespondContext) => AsyncIterable<MockEvent> | Iterable<MockEvent>;

/** Options for {@link createMockChatKit}. */
export interface MockChatKitOptions {
  /** Turn handler for messages, tool outputs and retries (default: echo as streamed Markdown). */
  respond?: Responder;
  /** Handler for `threads.custom_action` (default: an assistant message naming the action). */
  action?: Responder;
  /** Handler for `threads.sync_custom_action`; returns the JSON body. */
  syncAction?: (ctx: RespondContext) => unknown | Promise<unknown>;
  /** `stream_options.allow_cancel` (default true). */
  allowCancel?: boolean;
}

/** An in-memory ChatKit protocol server for browser tests (node:http handler). */
export interface MockChatKit {
  threads: Map<string, MockThread>;
  requests: MockRequest[];
  /** Deleted attachment ids and uploaded bytes by attachment id. */
  uploads: Map<string, Buffer>;
  /** Handles one POST to the ChatKit endpoint. */
  handle(req: IncomingMessage, res: ServerResponse, body: Buffer): Promise<void>;
  /** Handles a PUT of attachment bytes (`/upload/<id>`). */
  handleUpload(id: string, body: Buffer, res: ServerResponse): void;
  /** Adds a thread with items (for history tests). */
  addThread(thread: Partial<MockThread> & { id: string }): MockThread;
  /** Returns a fresh id with the given prefix. */
  nextId(prefix: string): string;
  /** Base URL the harness is served from (set by `startHarness`). */
  baseUrl: string;
}

const now = (): string => new Date().toISOString();

/** A promise you can open from the test: holds a stream open until `open()`. */
export interface Gate {
  promise: Promise<void>;
  open(): void;
}
/**
 * Creates a {@link Gate}.
 *
 * @example
 * const gate = createGate();
 * const mock = createMockChatKit({ respond: async function* (ctx) { yield* streamText(ctx, "a"); await gate.promise; } });
 */
export function createGate(): Gate {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}

/**
 * Yields the events of an assistant message streamed in `chunks` deltas.
 *
 * @example
 * yield* streamText(ctx, "**Hello** world", 3);
 */
export function* streamText(ctx: RespondContext, text: string, chunks = 3): Generator<MockEvent> {
  const id = ctx.mock.nextId("msg");
  const base = { id, thread_id: ctx.thread.id, created_at: now(), type: "assistant_message" };
  yield { type: "thread.item.added", item: { ...base, content: [] } };
  yield {
    type: "thread.item.updated",
    item_id: id,
    update: {
      type: "assistant_message.content_part.added",
      content_index: 0,
      content: { type: "output_text", text: "", annotations: [] },
    },
  };
  const size = Math.max(1, Math.ceil(text.length / chunks));
  for (let i = 0; i < text.length; i += size) {
    yield {
      type: "thread.item.updated",
      item_id: id,
      update: {
        type: "assistant_message.content_part.text_delta",
        content_index: 0,
        delta: text.slice(i, i + size),
      },
    };
  }
  yield {
    type: "thread.item.done",
    item: { ...base, content: [{ type: "output_text", text, annotations: [] }] },
  };
}

/** Builds a complete item of `type` in the context's thread. */
export function makeItem(
  ctx: RespondContext,
  type: string,
  fields: Record<string, unknown>,
): MockItem {
  return {
    id: ctx.mock.nextId(type === "widget" ? "wdg" : "itm"),
    thread_id: ctx.thread.id,
    created_at: now(),
    type,
    ...fields,
  };
}

const defaultRespond: Responder = function* (ctx) {
  yield* streamText(ctx, `You said: **${ctx.text}**`);
};
const defaultAction: Responder = function* (ctx) {
  const action = ctx.request.params.action as { type?: string } | undefined;
  yield* streamText(ctx, `Action ${action?.type ?? "?"} done`);
};

function threadJson(t: MockThread, withItems = false): Record<string, unknown> {
  const visible = t.items.filter((i) => !i.type.includes("hidden"));
  return {
    id: t.id,
    ...(t.title ? { title: t.title } : {}),
    created_at: t.created_at,
    status: t.status,
    metadata: {},
    items: { data: withItems ? visible : [], has_more: false },
  };
}

function textOf(item: MockItem | null): string {
  const content = (item?.content ?? []) as { type: string; text?: string }[];
  return content.map((c) => c.text ?? "").join("");
}

/**
 * Creates an in-memory ChatKit server speaking the wire protocol (threads, items, SSE turns,
 * custom and sync actions, client tool output, retry, feedback, two-phase attachments).
 *
 * @example
 * const mock = createMockChatKit({ respond: (ctx) => streamText(ctx, "hi") });
 * const harness = await startHarness({ mock });
 */
export function createMockChatKit(options: MockChatKitOptions = {}): MockChatKit {
  let counter = 0;
  const threads = new Map<string, MockThread>();
  const requests: MockRequest[] = [];
  const uploads = new Map<string, Buffer>();
  const respond = options.respond ?? defaultRespond;
  const action = options.action ?? defaultAction;

  const mock: MockChatKit = {
    threads,
    requests,
    uploads,
    baseUrl: "",
    nextId: (prefix) => `${prefix}_${++counter}`,
    addThread(partial) {
      const t: MockThread = {
        created_at: now(),
        status: { type: "active" },
        items: [],
        ...partial,
      };
      threads.set(t.id, t);
      return t;
    },
    handleUpload(id, body, res) {
      uploads.set(id, body);
      res.writeHead(200, { "content-type": "application/json" }).end("{}");
    },
    async handle(req, res, body) {
      let parsed: { type: string; params: Record<string, unknown> };
      try {
        parsed = JSON.parse(body.toString("utf8"));
      } catch {
        res.writeHead(400, { "content-type": "application/json" });
        res.end(JSON.stringify({ error: "invalid_request", message: "Body is not JSON" }));
        return;
      }
      const request: MockRequest = { ...parsed, headers: req.headers };
      requests.push(request);
      const p = parsed.params ?? {};
      const json = (value: unknown, status = 200) => {
        res.writeHead(status, { "content-type": "application/json" });
        res.end(JSON.stringify(value));
      };
      const getThread = (): MockThread | undefined => threads.get(String(p.thread_id));
      switch (parsed.type) {
        case "threads.list": {
          const order = p.order === "asc" ? 1 : -1;
          const all = [...threads.values()].sort(
            (a, b) => order * a.created_at.localeCompare(b.created_at),
          );
          const start = p.after ? all.findIndex((t) => t.id === p.after) + 1 : 0;
          const limit = Number(p.limit) || 20;
          const page = all.slice(start, start + limit);
          const hasMore = start + limit < all.length;
          return json({
            data: page.map((t) => threadJson(t)),
            has_more: hasMore,
            ...(hasMore ? { after: page.at(-1)?.id } : {}),
          });
        }
        case "threads.get_by_id": {
          const t = getThread();
          return t ? json(threadJson(t, true)) : json({ error: "not_found" }, 404);
        }
        case "items.list": {
          const t = getThread();
          return json({ data: t ? t.items : [], has_more: false });
        }
        case "threads.update": {
          const t = getThread();
          if (!t) return json({ error: "not_found" }, 404);
          t.title = String(p.title);
          return json(threadJson(t));
        }
        case "threads.delete":
          threads.delete(String(p.thread_id));
          return json({});
        case "items.feedback":
          return json({});
        case "attachments.create": {
          const id = mock.nextId("atc");
          const mime = String(p.mime_type);
          return json({
            type: mime.startsWith("image/") ? "image" : "file",
            id,
            name: p.name,
            mime_type: mime,
            ...(mime.startsWith("image/") ? { preview_url: `${mock.baseUrl}/upload/${id}` } : {}),
            upload_descriptor: {
              url: `${mock.baseUrl}/upload/${id}`,
              method: "PUT",
              headers: { "x-upload": "1" },
            },
          });
        }
        case "attachments.delete":
          uploads.delete(String(p.attachment_id));
          return json({});
        case "threads.sync_custom_action": {
          const t = getThread();
          if (!t) return json({ error: "not_found" }, 404);
          const ctx = makeCtx(t, null, new AbortController().signal);
          return json((await options.syncAction?.(ctx)) ?? {});
        }
      }
      return stream(parsed.type, p);

      function makeCtx(t: MockThread, user: MockItem | null, signal: AbortSignal): RespondContext {
        return { mock, thread: t, request, userMessage: user, text: textOf(user), signal };
      }

      async function stream(type: string, params: Record<string, unknown>): Promise<void> {
        let thread = getThread();
        const pre: MockEvent[] = [];
        let user: MockItem | null = null;
        if (type === "threads.create") {
          thread = mock.addThread({ id: mock.nextId("thr") });
          pre.push({ type: "thread.created", thread: threadJson(thread) });
        }
        if (!thread) return json({ error: "not_found", message: "Thread not found" }, 404);
        const input = params.input as Record<string, unknown> | undefined;
        if (input) {
          user = {
            id: mock.nextId("msg"),
            thread_id: thread.id,
            created_at: now(),
            type: "user_message",
            content: input.content,
            attachments: ((input.attachments as string[]) ?? []).map((id) => ({
              type: "file",
              id,
              name: id,
              mime_type: "application/octet-stream",
            })),
            inference_options: input.inference_options ?? {},
            ...(input.quoted_text ? { quoted_text: input.quoted_text } : {}),
          };
          thread.items.push(user);
          pre.push({ type: "thread.item.done", item: user });
        }
        let handler = respond;
        if (type === "threads.retry_after_item") {
          const idx = thread.items.findIndex((i) => i.id === params.item_id);
          user = thread.items[idx] ?? null;
          thread.items.splice(idx + 1);
        } else if (type === "threads.add_client_tool_output") {
          const last = thread.items.at(-1);
          if (last?.type === "client_tool_call") {
            last.status = "completed";
            last.output = params.result;
          }
        } else if (type === "threads.custom_action") {
          handler = action;
        } else if (type !== "threads.create" && type !== "threads.add_user_message") {
          return json({ error: "invalid_request", message: `Unknown type ${type}` }, 400);
        }
        res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
        const abort = new AbortController();
        res.on("close", () => abort.abort());
        const send = (e: MockEvent) => {
          if (!abort.signal.aborted) res.write(`data: ${JSON.stringify(e)}\n\n`);
        };
        for (const e of pre) send(e);
        send({
          type: "stream_options",
          stream_options: { allow_cancel: options.allowCancel ?? true },
        });
        try {
          for await (const e of handler(makeCtx(thread, user, abort.signal))) {
            if (abort.signal.aborted) break;
            persist(thread, e);
            if (
              e.type === "thread.item.done" &&
              String((e.item as MockItem).type).includes("hidden")
            )
              continue;
            send(e);
          }
        } catch (err) {
          send({ type: "error", code: "custom", message: String(err), allow_retry: true });
        }
        res.end();
      }
    },
  };
  return mock;
}

function persist(thread: MockThread, e: MockEvent): void {
  if (e.type === "thread.item.done" || e.type === "thread.item.replaced") {
    const item = e.item as MockItem;
    const idx = thread.items.findIndex((i) => i.id === item.id);
    if (idx >= 0) thread.items[idx] = item;
    else thread.items.push(item);
  } else if (e.type === "thread.item.removed") {
    thread.items = thread.items.filter((i) => i.id !== e.item_id);
  } else if (e.type === "thread.updated") {
    const t = e.thread as { title?: string };
    if (t.title) thread.title = t.title;
  }
}
