import { serialize, type ThreadItem } from "@threadkit/core";

/**
 * The row JSON of the items the stores wrote, by item object (see {@link storedItemJson}); an
 * entry is dropped when an event uses it, or with its item.
 */
const storedJson = new WeakMap<object, string>();

/**
 * The JSON of the widget roots inside those rows, by root object: a `widget.root.updated` event
 * sends the root the store has just written (`replaceWidgetRoot`). Dropped as above.
 */
const storedRootJson = new WeakMap<object, string>();

/**
 * `JSON.stringify(item)`, for a store's row, kept for the item object (and a widget item's root
 * for the root object): when the pipeline sends that object in `thread.item.done`,
 * `thread.item.replaced` or `widget.root.updated` right after saving it, the event's JSON is built
 * around this text instead of serialising it once more (a long reply's item is megabytes, a card
 * is the largest part of an action's answer). Store engines call it where they would call
 * `JSON.stringify`.
 *
 * @example
 * const data = storedItemJson(item); // the value of the row's JSON column
 */
export function storedItemJson(item: ThreadItem): string {
  const json = widgetItemJson(item) ?? JSON.stringify(item);
  storedJson.set(item, json);
  return json;
}

const hasToJson = (value: unknown): boolean =>
  typeof value === "object" &&
  value !== null &&
  typeof (value as { toJSON?: unknown }).toJSON === "function";

/**
 * `JSON.stringify(item)` of a widget item, assembled from its members' JSON so that the root's
 * text is made once and kept for the root; null for other items and where that could differ from
 * serialising the item whole (a `toJSON` on the item or one of its members is called with its
 * key). Each member is read once, as JSON.stringify reads it: the type from its descriptor (a
 * getter is left to JSON.stringify), the rest in one pass.
 */
function widgetItemJson(item: ThreadItem): string | null {
  if (Object.getOwnPropertyDescriptor(item, "type")?.value !== "widget" || hasToJson(item)) {
    return null;
  }
  const record = item as unknown as Record<string, unknown>;
  const keys = Object.keys(record);
  const values = keys.map((key) => record[key]);
  const at = keys.indexOf("widget");
  const root = values[at];
  if (typeof root !== "object" || root === null || values.some(hasToJson)) return null;
  const members: string[] = [];
  for (let i = 0; i < keys.length; i++) {
    const text = JSON.stringify(values[i]);
    if (i === at) storedRootJson.set(root, text);
    // undefined, a function or a symbol: left out, as JSON.stringify leaves them
    if (text !== undefined) members.push(`${JSON.stringify(keys[i])}:${text}`);
  }
  return `{${members.join(",")}}`;
}

/**
 * True when `serialize(value)` would give back `value` unchanged, so `JSON.stringify(value)`
 * already is its JSON: no `null` property (serialize drops those), no attachment `metadata`, no
 * class instance, function, symbol or bigint (serialize converts or drops them differently from
 * JSON.stringify). `null` and `undefined` array entries are fine: both give `null`.
 */
function isClean(value: unknown): boolean {
  switch (typeof value) {
    case "string":
    case "number":
    case "boolean":
    case "undefined":
      return true;
    case "object":
      break;
    default:
      return false;
  }
  if (value === null) return true;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (!isClean(value[i])) return false;
    return true;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return false;
  const record = value as Record<string, unknown>;
  if (record.metadata !== undefined && (record.type === "file" || record.type === "image")) {
    return false;
  }
  for (const key in record) {
    const child = record[key];
    if (child === null || !isClean(child)) return false;
  }
  return true;
}

/** True when `value` is a plain object whose own keys are exactly `keys`, in that order. */
function hasKeys(value: object, keys: readonly string[]): boolean {
  if (Object.getPrototypeOf(value) !== Object.prototype) return false;
  let i = 0;
  for (const key in value) if (key !== keys[i++]) return false;
  return i === keys.length;
}

/** The text kept for `value` in `texts`, dropped as it is taken: an event uses it once. */
function take(texts: WeakMap<object, string>, value: unknown): string | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const text = texts.get(value);
  if (text !== undefined) texts.delete(value);
  return text;
}

const ITEM_EVENT_KEYS = ["type", "item"] as const;

/**
 * The JSON of a `thread.item.done` or `thread.item.replaced` event whose item a store has just
 * written ({@link storedItemJson}), around the row's text; null when there is none or it would
 * differ from serialising the event: other keys, or an item that is not clean (the row keeps
 * `null`s the wire drops). The client gets the text that was stored.
 */
function storedItemEventJson(event: Record<string, unknown>): string | null {
  const item = event.item as object;
  const json = take(storedJson, item);
  if (json === undefined || !hasKeys(event, ITEM_EVENT_KEYS) || !isClean(item)) return null;
  return `{"type":"${event.type}","item":${json}}`;
}

const UPDATE_KEYS = ["type", "item_id", "update"] as const;
const ROOT_UPDATE_KEYS = ["type", "widget"] as const;

/**
 * The JSON of a `widget.root.updated` event whose root a store has just written inside its item
 * ({@link storedItemJson}), around the root's text; null when there is none or it would differ
 * from serialising the event (other keys, a root that is not clean).
 */
function storedRootEventJson(event: Record<string, unknown>): string | null {
  const update = event.update as Record<string, unknown> | null | undefined;
  if (typeof update !== "object" || update === null || update.type !== "widget.root.updated") {
    return null;
  }
  const root = update.widget as object;
  const json = take(storedRootJson, root);
  if (
    json === undefined ||
    typeof event.item_id !== "string" ||
    !hasKeys(event, UPDATE_KEYS) ||
    !hasKeys(update, ROOT_UPDATE_KEYS) ||
    !isClean(root)
  ) {
    return null;
  }
  return `{"type":"thread.item.updated","item_id":${JSON.stringify(event.item_id)},"update":{"type":"widget.root.updated","widget":${json}}}`;
}

const DELTA_UPDATE_KEYS = ["type", "content_index", "delta"] as const;
const DELTA_TYPE = "assistant_message.content_part.text_delta";

/**
 * The JSON of a text delta event (most of a streamed answer) built from a template, about twice
 * as fast as JSON.stringify on the object; null when `event` is not exactly that shape (its keys
 * in the usual order, a string id and delta, a finite index), so the text is always the same as
 * JSON.stringify's.
 */
function textDeltaJson(event: Record<string, unknown>): string | null {
  const update = event.update as Record<string, unknown> | null | undefined;
  if (
    typeof update !== "object" ||
    update === null ||
    update.type !== DELTA_TYPE ||
    typeof event.item_id !== "string" ||
    typeof update.delta !== "string" ||
    typeof update.content_index !== "number" ||
    !Number.isFinite(update.content_index) ||
    !hasKeys(event, UPDATE_KEYS) ||
    !hasKeys(update, DELTA_UPDATE_KEYS)
  ) {
    return null;
  }
  return `{"type":"thread.item.updated","item_id":${JSON.stringify(event.item_id)},"update":{"type":"${DELTA_TYPE}","content_index":${update.content_index},"delta":${JSON.stringify(update.delta)}}}`;
}

/**
 * The compact JSON of a stream event under ChatKit's rules, exactly `JSON.stringify(serialize(event))`.
 * Most events (text deltas above all) are already clean, and checking that is far cheaper than
 * serialize's deep copy, which was a large share of the server's time per streamed event.
 *
 * @example
 * eventJson({ type: "progress_update", text: "Searching", icon: null });
 * // '{"type":"progress_update","text":"Searching"}'
 */
export function eventJson(event: unknown): string {
  const record = event as { type?: unknown } | null;
  if (record !== null && typeof record === "object") {
    if (record.type === "thread.item.updated") {
      const json =
        textDeltaJson(record as Record<string, unknown>) ??
        storedRootEventJson(record as Record<string, unknown>);
      if (json !== null) return json;
    } else if (record.type === "thread.item.done" || record.type === "thread.item.replaced") {
      const json = storedItemEventJson(record as Record<string, unknown>);
      if (json !== null) return json;
    }
  }
  // thread.created / thread.updated carry a thread that serialize rebuilds (toThreadResponse).
  const rebuilt =
    record !== null &&
    typeof record === "object" &&
    (record.type === "thread.created" || record.type === "thread.updated");
  return JSON.stringify(!rebuilt && isClean(event) ? event : serialize(event));
}

/**
 * The compact JSON of a response body under ChatKit's rules, exactly
 * `JSON.stringify(serialize(value))`: a page's top-level `null`s (`after` on the last page) are
 * dropped first, so that a clean page skips serialize's deep copy as events do.
 */
export function responseJson(value: unknown): string {
  let body = value;
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    const record = value as Record<string, unknown>;
    if (Object.getPrototypeOf(record) === Object.prototype && record.type === undefined) {
      const copy: Record<string, unknown> = {};
      for (const key in record) if (record[key] !== null) copy[key] = record[key];
      body = copy;
    }
  }
  return JSON.stringify(isClean(body) ? body : serialize(value));
}
