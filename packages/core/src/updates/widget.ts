import type { ThreadItemUpdate } from "../protocol/index.js";
import type { WidgetComponent, WidgetRoot } from "../widgets/schemas.js";

/** A widget node seen structurally. */
type Node = { type: string; id?: unknown; children?: unknown; [prop: string]: unknown };

function isNode(value: unknown): value is Node {
  return (
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    typeof (value as { type?: unknown }).type === "string"
  );
}

/**
 * A copy of JSON-like data (plain objects and arrays copied deeply, other values kept), so a result
 * never aliases the update it came from.
 */
export function cloneData<T>(value: T): T {
  if (Array.isArray(value)) return value.map(cloneData) as T;
  if (typeof value === "object" && value !== null) {
    const copy: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      Object.defineProperty(copy, key, {
        value: cloneData(inner),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return copy as T;
  }
  return value;
}

/**
 * Rebuilds `node`'s subtree, replacing the first descendant for which `match` is true by
 * `replace(descendant)`. Only the nodes on the path to it are copied; returns `node` itself when
 * nothing matched.
 */
function replaceDescendant(
  node: Node,
  match: (candidate: Node) => boolean,
  replace: (candidate: Node) => Node,
): Node {
  const { children } = node;
  const visit = (child: unknown): { node: unknown; hit: boolean } => {
    if (!isNode(child)) return { node: child, hit: false };
    if (match(child)) return { node: replace(child), hit: true };
    const next = replaceDescendant(child, match, replace);
    return { node: next, hit: next !== child };
  };
  if (Array.isArray(children)) {
    for (let i = 0; i < children.length; i++) {
      const result = visit(children[i]);
      if (result.hit) {
        const copy = children.slice();
        copy[i] = result.node;
        return { ...node, children: copy };
      }
    }
    return node;
  }
  const result = visit(children);
  return result.hit ? { ...node, children: result.node } : node;
}

/**
 * Applies a widget update to a widget root and returns the new root, never modifying its inputs:
 *
 * - `widget.root.updated` returns (a copy of) the update's widget.
 * - `widget.streaming_text.value_delta` appends `delta` to the `value` of the Text or Markdown node
 *   whose `id` is `component_id` and sets its `streaming` to `!done`.
 * - `widget.component.updated` replaces the node whose `id` is `component_id` (the root itself
 *   excepted) with the update's component.
 *
 * Only the nodes on the path to the changed node are copied; the rest is shared with `root`. Any
 * other update, or one naming an id the tree does not contain, returns `root` itself unchanged.
 *
 * @example
 * ```ts
 * const root = Card({ children: [Text({ id: "t", value: "Hel", streaming: true })] });
 * applyWidgetUpdate(root, {
 *   type: "widget.streaming_text.value_delta", component_id: "t", delta: "lo", done: true,
 * }); // Card with Text { id: "t", value: "Hello", streaming: false }
 * ```
 */
export function applyWidgetUpdate(root: WidgetRoot, update: ThreadItemUpdate): WidgetRoot {
  switch (update.type) {
    case "widget.root.updated":
      return cloneData(update.widget);
    case "widget.streaming_text.value_delta": {
      const { component_id: id, delta, done } = update;
      const next = replaceDescendant(
        root as Node,
        (node) => node.id === id && (node.type === "Text" || node.type === "Markdown"),
        (node) => ({
          ...node,
          value: (typeof node.value === "string" ? node.value : "") + delta,
          streaming: !done,
        }),
      );
      return next as WidgetRoot;
    }
    case "widget.component.updated": {
      const { component_id: id, component } = update;
      const next = replaceDescendant(
        root as Node,
        (node) => node.id === id,
        () => cloneData(component as WidgetComponent) as Node,
      );
      return next as WidgetRoot;
    }
    default:
      return root;
  }
}
