/**
 * Widget design tokens → CSS values: colors (semantic tokens, primitives, `{light, dark}` pairs and
 * safe raw CSS), spacing units and radius names. Pure functions; the CSS variables they reference
 * are defined in `styles.ts` with light and dark values.
 */
import { primitiveColor } from "./palette.js";

const TEXT_TOKENS = new Set([
  "prose",
  "primary",
  "emphasis",
  "secondary",
  "tertiary",
  "success",
  "warning",
  "danger",
  "info",
  "discovery",
  "caution",
]);
const SURFACE_TOKENS = new Set([
  "surface",
  "surface-secondary",
  "surface-tertiary",
  "surface-elevated",
  "surface-elevated-secondary",
]);
const BORDER_TOKENS = new Set(["default", "subtle", "strong"]);

const UNSAFE_CSS = /url\s*\(|expression\s*\(|javascript:|vbscript:|@import|[;{}<>\\]|\/\*/i;

/**
 * Whether a raw CSS value may be put into a style property: no `url(`, `expression(`,
 * `javascript:`, comments, braces, semicolons or angle brackets.
 *
 * @example
 * ```ts
 * isSafeCssValue("linear-gradient(135deg, #fff 0%, #ceb0fb 100%)"); // true
 * isSafeCssValue("url(javascript:alert(1))"); // false
 * ```
 */
export function isSafeCssValue(value: string): boolean {
  return value.length > 0 && value.length < 500 && !UNSAFE_CSS.test(value);
}

type Role = "text" | "background" | "border";

function tokenColor(token: string, role: Role): string | undefined {
  if (role === "background" && SURFACE_TOKENS.has(token)) return `var(--tkw-${token})`;
  if (role === "border" && BORDER_TOKENS.has(token)) return `var(--tkw-border-${token})`;
  if (TEXT_TOKENS.has(token)) return `var(--tkw-text-${token})`;
  if (SURFACE_TOKENS.has(token)) return `var(--tkw-${token})`;
  if (BORDER_TOKENS.has(token)) return `var(--tkw-border-${token})`;
  const primitive = primitiveColor(token);
  if (primitive) return primitive;
  return isSafeCssValue(token) ? token : undefined;
}

function color(value: unknown, role: Role): string | undefined {
  if (typeof value === "string") return tokenColor(value.trim(), role);
  if (typeof value === "object" && value !== null) {
    const { light, dark } = value as { light?: unknown; dark?: unknown };
    const l = typeof light === "string" ? tokenColor(light.trim(), role) : undefined;
    const d = typeof dark === "string" ? tokenColor(dark.trim(), role) : undefined;
    if (l && d) return /gradient\(/i.test(l + d) ? l : `light-dark(${l}, ${d})`;
    return l ?? d;
  }
  return undefined;
}

/**
 * CSS for a text color prop: a text token (`secondary`), a primitive (`blue-400`), a
 * `{light, dark}` pair or a safe raw CSS color.
 *
 * @example
 * ```ts
 * textColor("secondary"); // "var(--tkw-text-secondary)"
 * textColor({ light: "orange-700", dark: "orange-100" }); // "light-dark(#c2410c, #ffedd5)"
 * ```
 */
export const textColor = (value: unknown): string | undefined => color(value, "text");

/**
 * CSS for a background prop: surface tokens, primitives, `{light, dark}`, CSS colors and gradients.
 *
 * @example
 * ```ts
 * backgroundColor("surface-secondary"); // "var(--tkw-surface-secondary)"
 * ```
 */
export const backgroundColor = (value: unknown): string | undefined => color(value, "background");

/**
 * CSS for a border color: `default | subtle | strong`, primitives, pairs or raw CSS.
 *
 * @example
 * ```ts
 * borderColor("subtle"); // "var(--tkw-border-subtle)"
 * ```
 */
export const borderColor = (value: unknown): string | undefined => color(value, "border");

/**
 * A spacing value: numbers are spacing units (1 unit = 4px, scaled by the theme's density via
 * `--tk-gap`), strings pass through when safe.
 *
 * @example
 * ```ts
 * spacing(3); // "calc(3 * var(--tkw-unit))"
 * spacing("12px"); // "12px"
 * ```
 */
export function spacing(value: unknown): string | undefined {
  if (typeof value === "number" && Number.isFinite(value)) {
    return value === 0 ? "0" : `calc(${value} * var(--tkw-unit))`;
  }
  return typeof value === "string" && isSafeCssValue(value) ? value : undefined;
}

/**
 * A length for sizing props (`width`, `height`, `size`, ...): numbers are pixels, strings pass
 * through when safe.
 *
 * @example
 * ```ts
 * length(160); // "160px"
 * length("50%"); // "50%"
 * ```
 */
export function length(value: unknown): string | undefined {
  if (typeof value === "number" && Number.isFinite(value)) return `${value}px`;
  return typeof value === "string" && isSafeCssValue(value) ? value : undefined;
}

const RADII: Record<string, string> = {
  none: "0",
  "2xs": "2px",
  xs: "4px",
  sm: "6px",
  md: "8px",
  lg: "12px",
  xl: "16px",
  "2xl": "20px",
  "3xl": "24px",
  "4xl": "32px",
  full: "9999px",
  "100%": "100%",
};

/**
 * A radius token (`2xs`…`4xl`, `full`, `100%`, `none`) or a number of pixels.
 *
 * @example
 * ```ts
 * radius("full"); // "9999px"
 * ```
 */
export function radius(value: unknown): string | undefined {
  if (typeof value === "number" && Number.isFinite(value)) return `${value}px`;
  return typeof value === "string" ? RADII[value] : undefined;
}
