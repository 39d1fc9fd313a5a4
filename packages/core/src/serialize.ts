import type { Thread, ThreadItem, ThreadMetadata } from "./protocol/index.js";
import { isHiddenItem } from "./protocol/items.js";

// The protocol's runtime helpers (not schemas), re-exported so that they are values at the package's
// top level, where `protocol/index.js` is exported as types only.
export {
  BUILT_IN_ICON_NAMES,
  formatZodError,
  HIDDEN_ITEM_TYPES,
  isHiddenItem,
  isStreamingReq,
  type ParseResult,
  parseRequest,
  parseWith,
  REQUEST_TYPES,
  STREAM_EVENT_TYPES,
  STREAMING_REQUEST_TYPES,
} from "./protocol/index.js";

/**
 * A JSON value, as `serialize` returns it.
 * @example const json: JsonValue = serialize(event);
 */
export type JsonValue =
  | null
  | boolean
  | number
  | string
  | JsonValue[]
  | { [key: string]: JsonValue };

type Mode = "plain" | "widget";

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** A widget node: an object with a PascalCase string `type` (Card, Text, ListViewItem, ...). */
function isWidgetNode(value: Record<string, unknown>): boolean {
  return typeof value.type === "string" && /^[A-Z]/.test(value.type);
}

/** An attachment: `type` file or image, with `id`, `name` and `mime_type`. */
function isAttachment(value: Record<string, unknown>): boolean {
  return (
    (value.type === "file" || value.type === "image") &&
    typeof value.mime_type === "string" &&
    typeof value.name === "string" &&
    typeof value.id === "string"
  );
}

/** The key of `holder` under which a widget tree starts, if any. */
function widgetKey(holder: Record<string, unknown>): string | undefined {
  switch (holder.type) {
    case "widget":
    case "widget.root.updated":
      return "widget";
    case "widget.component.updated":
      return "component";
    default:
      return undefined;
  }
}

function serializeValue(value: unknown, mode: Mode): JsonValue | undefined {
  if (value === null || value === undefined) return undefined;
  if (Array.isArray(value)) {
    return value.map((entry) => serializeValue(entry, mode) ?? null);
  }
  if (isPlainObject(value)) return serializeObject(value, mode);
  if (typeof value === "function" || typeof value === "symbol") return undefined;
  if (typeof value === "bigint") return Number(value);
  if (typeof value === "object") {
    const toJSON = (value as { toJSON?: () => unknown }).toJSON;
    if (typeof toJSON === "function") return serializeValue(toJSON.call(value), mode);
    return serializeObject(value as Record<string, unknown>, mode);
  }
  return value as JsonValue;
}

function serializeObject(value: Record<string, unknown>, mode: Mode): JsonValue {
  const node = mode === "widget" && isWidgetNode(value);
  const attachment = isAttachment(value);
  const treeKey = mode === "plain" ? widgetKey(value) : undefined;
  const out: Record<string, JsonValue> = {};
  for (const [key, raw] of Object.entries(value)) {
    if (attachment && key === "metadata") continue;
    const childMode: Mode = mode === "widget" || key === treeKey ? "widget" : "plain";
    const serialized = serializeValue(raw, childMode);
    if (serialized !== undefined) out[key] = serialized;
    else if (node && key === "children" && raw === null) out[key] = null;
  }
  return out;
}

/**
 * Turns a protocol value (an event, an item, a thread, a page, a request, a widget...) into a
 * plain JSON-ready value with ChatKit's rules:
 * - `null`/`undefined` keys are omitted at every depth, except a widget node's `children`, which is
 *   kept even when `null` (a widget node is an object with a PascalCase `type` in a widget tree:
 *   under a WidgetItem's `widget`, a `widget.root.updated` update, a `widget.component.updated`
 *   update's `component`, or a widget root passed directly);
 * - empty arrays and objects, `false` and `0` are kept;
 * - an attachment's `metadata` is never sent (also inside user messages);
 * - the thread of `thread.created` / `thread.updated` goes through {@link toThreadResponse}
 *   (`metadata: {}`, hidden items filtered). Other thread responses should call it explicitly.
 *
 * `serialize(schemas.X.parse(json))` equals `json`, `null` props and key order aside.
 *
 * @example
 * const body = `data: ${JSON.stringify(serialize(event))}\n\n`;
 */
export function serialize(value: unknown): JsonValue {
  let prepared = value;
  if (isPlainObject(value)) {
    const type = value.type;
    if ((type === "thread.created" || type === "thread.updated") && isPlainObject(value.thread)) {
      prepared = { ...value, thread: toThreadResponse(value.thread as unknown as Thread) };
    }
  }
  const mode: Mode = isPlainObject(prepared) && isWidgetNode(prepared) ? "widget" : "plain";
  return serializeValue(prepared, mode) ?? null;
}

/**
 * Builds the thread as ChatKit sends it (`_to_thread_response`): copies only `id`, `title`,
 * `created_at`, `status`, `allowed_image_domains` and `items`, sets `metadata: {}` (stored metadata
 * is server-side only) and removes hidden items. A thread without items gets the empty page.
 *
 * @example
 * const json = serialize(toThreadResponse(await store.loadThread(id, ctx)));
 */
export function toThreadResponse(thread: ThreadMetadata | Thread): Thread {
  const items = "items" in thread && thread.items ? thread.items : undefined;
  const response: Thread = {
    title: thread.title,
    id: thread.id,
    created_at: thread.created_at,
    status: thread.status ?? { type: "active" },
    allowed_image_domains: thread.allowed_image_domains,
    metadata: {},
    items: items
      ? { ...items, data: items.data.filter((item: ThreadItem) => !isHiddenItem(item)) }
      : { data: [], has_more: false },
  };
  return response;
}
