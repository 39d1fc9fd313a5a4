/**
 * A lenient view of widget JSON. Widgets arrive from servers and `.widget` templates with extra or
 * missing props, so the renderer reads every prop through these narrowing helpers instead of
 * trusting the static types.
 */

/** Any widget node: a `type` discriminator plus whatever props it carries. */
export interface WNode {
  type: string;
  key?: unknown;
  id?: unknown;
  [prop: string]: unknown;
}

/**
 * Returns `value` as a widget node when it is an object with a string `type`, else `null`.
 *
 * @example
 * ```ts
 * asNode({ type: "Text", value: "hi" }); // the node
 * asNode("hi"); // null
 * ```
 */
export function asNode(value: unknown): WNode | null {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return null;
  const type = (value as { type?: unknown }).type;
  return typeof type === "string" ? (value as WNode) : null;
}

/**
 * The child nodes of a node, whether `children` is an array, a single node or null.
 *
 * @example
 * ```ts
 * childNodes({ type: "Transition", children: { type: "Text", value: "x" } }).length; // 1
 * ```
 */
export function childNodes(node: WNode): WNode[] {
  const c = node.children;
  if (Array.isArray(c)) return c.map(asNode).filter((n): n is WNode => n !== null);
  const single = asNode(c);
  return single ? [single] : [];
}

/** `value` when it is a string, else undefined. @example str(1); // undefined */
export const str = (value: unknown): string | undefined =>
  typeof value === "string" ? value : undefined;

/** `value` when it is a finite number, else undefined. @example num("2"); // undefined */
export const num = (value: unknown): number | undefined =>
  typeof value === "number" && Number.isFinite(value) ? value : undefined;

/** `true` only for the boolean `true`. @example flag("yes"); // false */
export const flag = (value: unknown): boolean => value === true;

/** `value` when it is a plain object, else undefined. @example obj([]); // undefined */
export const obj = (value: unknown): Record<string, unknown> | undefined =>
  typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;

/**
 * A stable identity for a child in a list: its `key`, else its `id`, else its type and index.
 * Used to key rendered nodes so DOM (and what the user typed) survives re-renders.
 *
 * @example
 * ```ts
 * nodeKey({ type: "Input", key: "email" }, 3); // "k:email"
 * ```
 */
export function nodeKey(node: WNode, index: number): string {
  if (typeof node.key === "string" || typeof node.key === "number") return `k:${node.key}`;
  if (typeof node.id === "string") return `i:${node.id}`;
  return `${node.type}:${index}`;
}
