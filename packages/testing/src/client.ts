/**
 * `createTestClient`: drives a `ChatKitServer` in process, through `server.process` (the real
 * request parsing, pipeline and store), as `<threadkit-chat>` would over HTTP.
 */
import type {
  ActionConfig,
  ThreadItem,
  ThreadStreamEvent,
  UserMessageInput,
  WidgetItem,
} from "@threadkit/core";
import type { ChatKitServer } from "@threadkit/server";
import type { MountedWidget } from "./mount.js";
import type { InteractionResult } from "./types.js";

/** What one request did. */
export interface TestTurn {
  /** The events the server streamed (empty for a `streaming: false` action). */
  events: ThreadStreamEvent[];
  /** Every item of the thread afterwards, from the server's own store, hidden ones included. */
  items: ThreadItem[];
  /** The thread's widget items afterwards, as updated: ready to `mountWidget` (or `update`) again. */
  widgets: WidgetItem[];
  /** The JSON a `streaming: false` action answered (`{ updated_item }`), else `undefined`. */
  json?: unknown;
}

/** Options of {@link createTestClient}. */
export interface TestClientOptions<TContext> {
  /** The request context every request runs with (the user, tenant, ...). */
  context: TContext;
  /** An existing thread to talk to; otherwise the first `send` starts one. */
  threadId?: string;
}

/** Where an action comes from: a widget item, its id, or a mounted widget. */
export type Sender = WidgetItem | MountedWidget | string | null;

/** A ChatKit client in process; see {@link createTestClient}. */
export interface TestClient {
  /** The thread's id (set by the first `send` when not given). */
  readonly threadId: string | undefined;
  /** Sends a user message (`threads.create` first, then `threads.add_user_message`). */
  send(text: string | UserMessageInput): Promise<TestTurn>;
  /**
   * Sends a widget action to the server as the element does (`{ type, payload }` in
   * `threads.custom_action`, or `threads.sync_custom_action` when `streaming: false`). Pass the
   * action or the result of an interaction (it must have sent one), and the widget it came from.
   * A `handler: "client"` action is sent too, as `sendCustomAction` would forward it from
   * `widgets.onAction`.
   */
  act(action: ActionConfig | InteractionResult, sender: Sender): Promise<TestTurn>;
  /** The thread's items (hidden ones included), oldest first. */
  items(): Promise<ThreadItem[]>;
}

function input(text: string | UserMessageInput): UserMessageInput {
  if (typeof text !== "string") return text;
  return { content: [{ type: "input_text", text }], attachments: [], inference_options: {} };
}

function senderId(sender: Sender): string | null {
  if (sender === null || typeof sender === "string") return sender;
  return "item" in sender && typeof sender.item === "object"
    ? sender.item.id
    : (sender as WidgetItem).id;
}

function actionOf(value: ActionConfig | InteractionResult): ActionConfig {
  if ("actions" in value && Array.isArray(value.actions)) {
    if (value.blocked) {
      throw new Error(
        `The element would send nothing: "${value.blocked.name}" fails ${value.blocked.rule}`,
      );
    }
    if (!value.action) throw new Error("The element would send nothing for this interaction");
    return value.action;
  }
  return value as ActionConfig;
}

/**
 * A client for `server` that sends requests in process with `context`, and after each one reads
 * the thread back from the server's store.
 *
 * @example
 * ```ts
 * const client = createTestClient(server, { context: { userId: "alice" } });
 * const { widgets } = await client.send("add milk");
 * const w = mountWidget(widgets[0]);
 * const turn = await client.act(w.getByRole("button", { name: "Done" }).click(), w);
 * w.update(turn.widgets.find((item) => item.id === w.item.id));
 * ```
 */
export function createTestClient<TContext>(
  server: ChatKitServer<TContext>,
  options: TestClientOptions<TContext>,
): TestClient {
  const { context } = options;
  let threadId = options.threadId;

  const items = async (): Promise<ThreadItem[]> => {
    if (threadId === undefined) return [];
    const out: ThreadItem[] = [];
    let after: string | null = null;
    for (;;) {
      const page = await server.store.loadThreadItems(threadId, after, 1000, "asc", context);
      out.push(...page.data);
      if (!page.has_more || !page.after) return out;
      after = page.after;
    }
  };

  const request = async (body: unknown): Promise<TestTurn> => {
    const result = await server.process(JSON.stringify(body), context);
    const events: ThreadStreamEvent[] = [];
    let json: unknown;
    if (result.streaming) {
      for await (const event of result.events()) {
        events.push(event as unknown as ThreadStreamEvent);
        if (event.type === "thread.created" && threadId === undefined) {
          threadId = (event.thread as { id: string }).id;
        }
      }
    } else {
      json = JSON.parse(result.json);
    }
    const all = await items();
    const turn: TestTurn = {
      events,
      items: all,
      widgets: all.filter((item): item is WidgetItem => item.type === "widget"),
    };
    if (json !== undefined) turn.json = json;
    return turn;
  };

  return {
    get threadId() {
      return threadId;
    },
    send(text) {
      if (threadId === undefined) {
        return request({ type: "threads.create", params: { input: input(text) }, metadata: {} });
      }
      return request({
        type: "threads.add_user_message",
        params: { thread_id: threadId, input: input(text) },
        metadata: {},
      });
    },
    async act(value, sender) {
      if (threadId === undefined) {
        throw new Error("act() needs a thread: send() a message first or pass { threadId }");
      }
      const action = actionOf(value);
      const type =
        action.streaming === false ? "threads.sync_custom_action" : "threads.custom_action";
      // On the wire the element sends only the type and payload (handler, loadingBehavior and
      // streaming are the client's business).
      const wire = { type: action.type, payload: action.payload ?? null };
      return request({
        type,
        params: { thread_id: threadId, item_id: senderId(sender), action: wire },
        metadata: {},
      });
    },
    items,
  };
}
