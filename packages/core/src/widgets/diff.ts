/**
 * `diffWidget`: the updates that turn one widget root into the next, with chatkit-python's
 * `diff_widget` semantics (used when a server streams a widget as a sequence of roots).
 */
import type { WidgetRootUpdated, WidgetStreamingTextValueDelta } from "../protocol/updates.js";
import type { WidgetRoot } from "./schemas.js";

/** The updates {@link diffWidget} produces (it never produces `widget.component.updated`). */
export type WidgetDiffUpdate = WidgetRootUpdated | WidgetStreamingTextValueDelta;

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A prop is unset when missing, `undefined` or `null` (ChatKit's `None`). */
function unset(value: unknown): boolean {
  return value === undefined || value === null;
}

function setKeys(node: JsonObject): string[] {
  return Object.keys(node).filter((k) => !unset(node[k]));
}

/** A Text or Markdown node with a string value: its value may stream. */
function isStreamingText(node: unknown): node is JsonObject & { value: string } {
  return (
    isObject(node) &&
    (node.type === "Text" || node.type === "Markdown") &&
    typeof node.value === "string"
  );
}

/** Deep JSON equality, treating unset props as equal. */
function jsonEqual(a: unknown, b: unknown): boolean {
  if (unset(a) && unset(b)) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((v, i) => jsonEqual(v, b[i]));
  }
  if (isObject(a) && isObject(b)) {
    const keys = new Set([...setKeys(a), ...setKeys(b)]);
    for (const k of keys) if (!jsonEqual(a[k], b[k])) return false;
    return true;
  }
  return Object.is(a, b) || a === b;
}

/** Compares one prop's values; `asNodes` when the values are child nodes (under `children`). */
function valueNeedsReplace(before: unknown, after: unknown, asNodes: boolean): boolean {
  if (Array.isArray(before) && Array.isArray(after)) {
    if (before.length !== after.length) return true;
    return before.some((b, i) => valueNeedsReplace(b, after[i], asNodes));
  }
  if (jsonEqual(before, after)) return false;
  if (asNodes && isObject(before) && isObject(after)) return nodeNeedsReplace(before, after);
  return true;
}

/** ChatKit's full-replace test of two nodes. */
function nodeNeedsReplace(before: JsonObject, after: JsonObject): boolean {
  for (const base of ["type", "id", "key"]) {
    if (!jsonEqual(before[base], after[base])) return true;
  }
  const fields = new Set([...setKeys(before), ...setKeys(after)]);
  for (const field of fields) {
    if (
      field === "value" &&
      isStreamingText(before) &&
      isStreamingText(after) &&
      after.value.startsWith(before.value)
    ) {
      continue; // appending to a Text/Markdown value never forces a replace
    }
    if (valueNeedsReplace(before[field], after[field], field === "children")) return true;
  }
  return false;
}

/** Every streaming-text node with an `id`, by id (a later duplicate id wins, as in ChatKit). */
function streamingTextById(root: JsonObject): Map<string, JsonObject & { value: string }> {
  const found = new Map<string, JsonObject & { value: string }>();
  const visit = (node: unknown): void => {
    if (!isObject(node)) return;
    if (isStreamingText(node) && typeof node.id === "string" && node.id !== "") {
      found.set(node.id, node);
    }
    const children = node.children;
    if (Array.isArray(children)) for (const child of children) visit(child);
    else visit(children);
  };
  visit(root);
  return found;
}

/**
 * The updates that turn the widget `before` into `after`, as ChatKit computes them:
 * - `[widget.root.updated]` when the roots differ in `type`, `id` or `key`, or any prop set on
 *   either side differs (lists element by element, child nodes recursively), except that the
 *   `value` of a Text/Markdown node may grow by appending;
 * - otherwise one `widget.streaming_text.value_delta` per Text/Markdown node with an `id` whose
 *   value grew, with `done = !after.streaming`; `[]` when nothing changed.
 *
 * Works on any widget JSON (typed or dynamic). Throws an `Error` when a node with an id is missing
 * from `before` or a streamed value is not cumulative (ChatKit's `ValueError`s).
 *
 * @example
 * ```ts
 * const before = Card({ children: [Text({ id: "t", value: "Hello", streaming: true })] });
 * const after = Card({ children: [Text({ id: "t", value: "Hello, world!", streaming: true })] });
 * diffWidget(before, after);
 * // [{ type: "widget.streaming_text.value_delta", component_id: "t", delta: ", world!", done: false }]
 * ```
 */
export function diffWidget(before: WidgetRoot, after: WidgetRoot): WidgetDiffUpdate[] {
  const b = before as unknown as JsonObject;
  const a = after as unknown as JsonObject;
  if (nodeNeedsReplace(b, a)) return [{ type: "widget.root.updated", widget: after }];

  const beforeNodes = streamingTextById(b);
  const updates: WidgetDiffUpdate[] = [];
  for (const [id, afterNode] of streamingTextById(a)) {
    const beforeNode = beforeNodes.get(id);
    if (!beforeNode) {
      throw new Error(
        `Node ${id} was not present when the widget was initially rendered. All nodes with ID must persist across all widget updates.`,
      );
    }
    if (beforeNode.value === afterNode.value) continue;
    if (!afterNode.value.startsWith(beforeNode.value)) {
      throw new Error(
        `Node ${id} was updated with a new value that is not a prefix of the initial value. All widget updates must be cumulative.`,
      );
    }
    updates.push({
      type: "widget.streaming_text.value_delta",
      component_id: id,
      delta: afterNode.value.slice(beforeNode.value.length),
      done: !afterNode.streaming,
    });
  }
  return updates;
}
