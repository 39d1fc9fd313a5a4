import {
  applyItemUpdate,
  type Thread,
  type ThreadItem,
  type ThreadMetadata,
  type ThreadStreamEvent,
} from "@threadkit/core";

/** A banner from a `notice` event. */
export interface Notice {
  id: number;
  level: "info" | "warning" | "danger";
  message: string;
  title?: string;
}

/** An inline error row from an `error` event or a failed request. */
export interface ErrorRow {
  code: string;
  message?: string;
  allowRetry: boolean;
}

/**
 * What the element shows for one thread. Items are kept in arrival order; `done` holds the ids of
 * items that received `thread.item.done` (the rest are still streaming).
 */
export interface ThreadState {
  thread: Omit<ThreadMetadata, "metadata"> | null;
  items: ThreadItem[];
  done: ReadonlySet<string>;
  progress: { text: string; icon?: string } | null;
  notices: Notice[];
  error: ErrorRow | null;
  allowCancel: boolean;
}

const HIDDEN = new Set(["hidden_context_item", "sdk_hidden_context"]);

/** The state of the new-thread view. */
export function emptyState(): ThreadState {
  return {
    thread: null,
    items: [],
    done: new Set(),
    progress: null,
    notices: [],
    error: null,
    allowCancel: true,
  };
}

/**
 * Builds the state of a thread loaded with `threads.get_by_id` (plus any further item pages).
 *
 * @example
 * ```ts
 * const state = stateFromThread(await transport.request("threads.get_by_id", { thread_id }));
 * ```
 */
export function stateFromThread(thread: Thread, more: ThreadItem[] = []): ThreadState {
  const items = [...(thread.items?.data ?? []), ...more].filter((i) => !HIDDEN.has(i.type));
  return {
    ...emptyState(),
    thread: metaOf(thread),
    items,
    done: new Set(items.map((i) => i.id)),
  };
}

function metaOf(thread: Thread | ThreadMetadata): ThreadState["thread"] {
  const { id, title, created_at, status } = thread;
  const allowed = (thread as { allowed_image_domains?: string[] }).allowed_image_domains;
  return {
    id,
    created_at,
    status,
    ...(title != null ? { title } : {}),
    ...(allowed ? { allowed_image_domains: allowed } : {}),
  } as ThreadState["thread"];
}

let noticeIds = 0;

function upsert(items: ThreadItem[], item: ThreadItem): ThreadItem[] {
  const idx = items.findIndex((i) => i.id === item.id);
  if (idx < 0) return [...items, item];
  const next = items.slice();
  next[idx] = item;
  return next;
}

/**
 * Applies one stream event to the thread state and returns the new state (the input is not
 * mutated). Side effects (`client_effect`, client tools) are the controller's job.
 *
 * @example
 * ```ts
 * let state = emptyState();
 * for await (const event of transport.stream("threads.create", params)) state = reduce(state, event);
 * ```
 */
export function reduce(state: ThreadState, event: ThreadStreamEvent): ThreadState {
  switch (event.type) {
    case "thread.created":
    case "thread.updated":
      return { ...state, thread: metaOf(event.thread) };
    case "thread.item.added": {
      if (HIDDEN.has(event.item.type)) return state;
      return { ...state, items: upsert(state.items, event.item), progress: null };
    }
    case "thread.item.done":
    case "thread.item.replaced": {
      if (HIDDEN.has(event.item.type)) return state;
      const done = new Set(state.done);
      done.add(event.item.id);
      return { ...state, items: upsert(state.items, event.item), done, progress: null };
    }
    case "thread.item.updated": {
      const idx = state.items.findIndex((i) => i.id === event.item_id);
      const current = state.items[idx];
      if (!current) return state;
      const items = state.items.slice();
      items[idx] = applyItemUpdate(current, event.update);
      return { ...state, items };
    }
    case "thread.item.removed": {
      const items = state.items.filter((i) => i.id !== event.item_id);
      return { ...state, items };
    }
    case "stream_options":
      return { ...state, allowCancel: event.stream_options.allow_cancel };
    case "progress_update":
      return {
        ...state,
        progress: { text: event.text, ...(event.icon ? { icon: event.icon } : {}) },
      };
    case "notice": {
      const notice: Notice = {
        id: ++noticeIds,
        level: event.level,
        message: event.message,
        ...(event.title ? { title: event.title } : {}),
      };
      return { ...state, notices: [...state.notices, notice] };
    }
    case "error":
      return {
        ...state,
        progress: null,
        error: {
          code: event.code ?? "custom",
          ...(event.message ? { message: event.message } : {}),
          allowRetry: event.allow_retry ?? false,
        },
      };
    default:
      return state;
  }
}

/**
 * Drops every item after `itemId` (what `threads.retry_after_item` does on the server, which sends
 * no removal events).
 */
export function dropAfter(state: ThreadState, itemId: string): ThreadState {
  const idx = state.items.findIndex((i) => i.id === itemId);
  if (idx < 0) return state;
  return { ...state, items: state.items.slice(0, idx + 1), error: null };
}

/** The last user message in the thread, if any. */
export function lastUserMessage(state: ThreadState): ThreadItem | undefined {
  return state.items.findLast((i) => i.type === "user_message");
}

/** The `client_tool_call` item still pending at the end of a stream, if any. */
export function pendingToolCall(
  state: ThreadState,
): Extract<ThreadItem, { type: "client_tool_call" }> | undefined {
  const last = state.items.findLast((i) => i.type === "client_tool_call");
  return last?.type === "client_tool_call" && last.status === "pending" ? last : undefined;
}
