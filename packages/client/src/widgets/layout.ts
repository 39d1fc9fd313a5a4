/**
 * Layout props → inline style declarations (for Lit's `styleMap`): padding and margin (number,
 * string or `{x, y, top, ...}`), borders (number, `Border` or `Borders`), radius, background,
 * sizing, flex, alignment, gap and wrap. Pure functions, unit-tested.
 */
import type { WNode } from "./node.js";
import { backgroundColor, borderColor, isSafeCssValue, length, radius, spacing } from "./tokens.js";

/** A set of CSS declarations, property name → value (undefined values are dropped by styleMap). */
export type Styles = Record<string, string | undefined>;

const SIDES = ["top", "right", "bottom", "left"] as const;
type Side = (typeof SIDES)[number];

function perSide<T>(value: unknown, leaf: (v: unknown) => T | undefined): Partial<Record<Side, T>> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    const all = leaf(value);
    return all === undefined ? {} : { top: all, right: all, bottom: all, left: all };
  }
  const v = value as Record<string, unknown>;
  const out: Partial<Record<Side, T>> = {};
  for (const side of SIDES) {
    const axis = side === "top" || side === "bottom" ? v.y : v.x;
    const r = leaf(v[side] ?? axis);
    if (r !== undefined) out[side] = r;
  }
  return out;
}

/**
 * `padding` or `margin` → `padding-top`, ... declarations.
 *
 * @example
 * ```ts
 * spacingStyles("padding", { x: 4, top: 2 });
 * // { "padding-top": "calc(2 * var(--tkw-unit))", "padding-right": "calc(4 * ...)", ... }
 * ```
 */
export function spacingStyles(prop: "padding" | "margin", value: unknown): Styles {
  const out: Styles = {};
  for (const [side, v] of Object.entries(perSide(value, spacing))) out[`${prop}-${side}`] = v;
  return out;
}

function borderLeaf(value: unknown): string | undefined {
  if (typeof value === "number" && Number.isFinite(value)) {
    return `${value}px solid var(--tkw-border-default)`;
  }
  if (typeof value !== "object" || value === null) return undefined;
  const b = value as { size?: unknown; color?: unknown; style?: unknown };
  if (typeof b.size !== "number" || !Number.isFinite(b.size)) return undefined;
  const style =
    typeof b.style === "string" &&
    /^(solid|dashed|dotted|double|groove|ridge|inset|outset)$/.test(b.style)
      ? b.style
      : "solid";
  const c = borderColor(b.color) ?? "var(--tkw-border-default)";
  return `${b.size}px ${style} ${c}`;
}

/**
 * `border` → `border-top`, ... declarations; accepts a width, a `Border` or per-side `Borders`.
 *
 * @example
 * ```ts
 * borderStyles({ size: 1, color: "gray-900" })["border-top"];
 * // "1px solid light-dark(#212121, #ececec)"
 * ```
 */
export function borderStyles(value: unknown): Styles {
  const isSingleBorder =
    typeof value === "object" && value !== null && "size" in (value as Record<string, unknown>);
  const sides = isSingleBorder
    ? perSide(borderLeaf(value), (v) => (typeof v === "string" ? v : undefined))
    : perSide(value, borderLeaf);
  const out: Styles = {};
  for (const [side, v] of Object.entries(sides)) out[`border-${side}`] = v;
  return out;
}

const ALIGN: Record<string, string> = {
  start: "flex-start",
  center: "center",
  end: "flex-end",
  baseline: "baseline",
  stretch: "stretch",
};
const JUSTIFY: Record<string, string> = {
  start: "flex-start",
  center: "center",
  end: "flex-end",
  between: "space-between",
  around: "space-around",
  evenly: "space-evenly",
  stretch: "stretch",
};

/**
 * Sizing props shared by boxes, images and charts: `width`, `height`, `size` (both), their
 * `min*`/`max*` forms, `aspectRatio`, `flex`, `margin` and `radius`.
 *
 * @example
 * ```ts
 * blockStyles({ type: "Box", size: 25, radius: "full" });
 * // { width: "25px", height: "25px", "border-radius": "9999px", ... }
 * ```
 */
export function blockStyles(node: WNode): Styles {
  const out: Styles = {
    width: length(node.width ?? node.size),
    height: length(node.height ?? node.size),
    "min-width": length(node.minWidth ?? node.minSize),
    "min-height": length(node.minHeight ?? node.minSize),
    "max-width": length(node.maxWidth ?? node.maxSize),
    "max-height": length(node.maxHeight ?? node.maxSize),
    "border-radius": radius(node.radius),
    ...spacingStyles("margin", node.margin),
  };
  if (out.width && node.flex === undefined) out["flex-shrink"] = "0";
  const ratio = node.aspectRatio;
  if (typeof ratio === "number" && ratio > 0) out["aspect-ratio"] = String(ratio);
  else if (typeof ratio === "string" && /^[\d.\s/]+$/.test(ratio)) out["aspect-ratio"] = ratio;
  const flex = node.flex;
  if (typeof flex === "number" && Number.isFinite(flex)) out.flex = `${flex} ${flex} 0%`;
  else if (typeof flex === "string" && isSafeCssValue(flex)) out.flex = flex;
  if (out.flex) out["min-width"] ??= "0";
  return out;
}

/**
 * All style declarations of a flex container (Box, Row, Col, Form, ListViewItem, Basic).
 * `direction` is the node's own or the component's default.
 *
 * @example
 * ```ts
 * boxStyles({ type: "Row", gap: 2, justify: "between" }, "row");
 * // { "flex-direction": "row", gap: "calc(2 * var(--tkw-unit))", "justify-content": "space-between", ... }
 * ```
 */
export function boxStyles(node: WNode, direction: "row" | "col"): Styles {
  const dir = node.direction === "row" || node.direction === "col" ? node.direction : direction;
  const wrap = node.wrap;
  return {
    "flex-direction": dir === "row" ? "row" : "column",
    "align-items": typeof node.align === "string" ? ALIGN[node.align] : undefined,
    "justify-content": typeof node.justify === "string" ? JUSTIFY[node.justify] : undefined,
    "flex-wrap": wrap === "wrap" || wrap === "wrap-reverse" || wrap === "nowrap" ? wrap : undefined,
    gap: spacing(node.gap),
    background: backgroundColor(node.background),
    ...spacingStyles("padding", node.padding),
    ...borderStyles(node.border),
    ...blockStyles(node),
  };
}
