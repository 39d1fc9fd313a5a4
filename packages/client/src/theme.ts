import type { ChatKitOptions, ThemeOption } from "./types.js";

/** Resolved colour scheme and CSS custom properties for `:host`. */
export interface ResolvedTheme {
  scheme: "light" | "dark";
  vars: Record<string, string>;
}

const RADIUS = {
  pill: ["20px", "999px"],
  round: ["16px", "12px"],
  soft: ["10px", "8px"],
  sharp: ["4px", "3px"],
} as const;
const GAP = { compact: "6px", normal: "8px", spacious: "12px" } as const;
const DENSITY = { compact: "0.8", normal: "1", spacious: "1.25" } as const;

function luminance(color: string): number | null {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color.trim());
  if (!m?.[1]) return null;
  const hex =
    m[1].length === 3
      ? m[1]
          .split("")
          .map((c) => c + c)
          .join("")
      : m[1];
  const [r, g, b] = [0, 2, 4].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255) as [
    number,
    number,
    number,
  ];
  // WCAG relative luminance: sRGB channels linearised first.
  const lin = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

function grays(scheme: "light" | "dark", hue: number, tint: number, shade: number) {
  const s = `${Math.min(9, Math.max(0, tint)) * 2}%`;
  const L = (l: number) => `hsl(${hue} ${s} ${Math.min(100, Math.max(0, l + shade * 1.5))}%)`;
  return scheme === "light"
    ? { bg: L(100), surface: L(96), surface2: L(92), fg: L(6), muted: L(42) }
    : { bg: L(13), surface: L(19), surface2: L(24), fg: L(93), muted: L(64) };
}

/**
 * Maps the official `theme` option onto the CSS custom properties the element and its widgets use
 * (`--tk-accent`, `--tk-bg`, `--tk-fg`, `--tk-surface`, `--tk-border`, `--tk-muted`, `--tk-radius`,
 * `--tk-font`, `--tk-danger`, `--tk-success`, `--tk-warning`, `--tk-info`, `--tk-discovery`,
 * `--tk-gap`, plus `--tk-surface-2`, `--tk-accent-fg`, `--tk-radius-control`, `--tk-font-size`,
 * `--tk-font-mono`, `--tk-density`).
 *
 * @example
 * ```ts
 * resolveTheme({ theme: { colorScheme: "dark", radius: "soft" } } as ChatKitOptions).vars["--tk-radius"]; // "10px"
 * ```
 */
export function resolveTheme(options: Pick<ChatKitOptions, "theme"> | null): ResolvedTheme {
  const raw = options?.theme;
  const theme: ThemeOption = typeof raw === "string" ? { colorScheme: raw } : (raw ?? {});
  const scheme = theme.colorScheme ?? "light";
  const dark = scheme === "dark";
  const gs = theme.color?.grayscale;
  const g = gs
    ? grays(scheme, gs.hue, gs.tint, gs.shade ?? 0)
    : dark
      ? { bg: "#212121", surface: "#2f2f2f", surface2: "#3a3a3a", fg: "#ececec", muted: "#a3a3a3" }
      : { bg: "#ffffff", surface: "#f4f4f4", surface2: "#e9e9e9", fg: "#0d0d0d", muted: "#6b6b6b" };
  const bg = theme.color?.surface?.background ?? g.bg;
  const fg = theme.color?.surface?.foreground ?? g.fg;
  const accent = theme.color?.accent?.primary ?? (dark ? "#f4f4f4" : "#0d0d0d");
  const lum = luminance(accent);
  // Text on the accent: white or near-black, whichever contrasts more (WCAG ratio).
  const accentFg =
    lum === null ? "#ffffff" : 1.05 / (lum + 0.05) >= (lum + 0.05) / 0.054 ? "#ffffff" : "#0d0d0d";
  const [radius, control] = RADIUS[theme.radius ?? "pill"];
  const density = theme.density ?? "normal";
  const font =
    theme.typography?.fontFamily ??
    'ui-sans-serif, -apple-system, "Segoe UI", system-ui, Roboto, "Helvetica Neue", Arial, sans-serif';
  return {
    scheme,
    vars: {
      "--tk-bg": bg,
      "--tk-fg": fg,
      "--tk-surface": g.surface,
      "--tk-surface-2": g.surface2,
      "--tk-border": dark ? "rgba(255,255,255,0.12)" : "rgba(0,0,0,0.1)",
      "--tk-muted": g.muted,
      "--tk-accent": accent,
      "--tk-accent-fg": accentFg,
      "--tk-radius": radius,
      "--tk-radius-control": control,
      "--tk-gap": GAP[density],
      "--tk-density": DENSITY[density],
      "--tk-font": font,
      "--tk-font-mono":
        theme.typography?.fontFamilyMono ??
        'ui-monospace, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace',
      "--tk-font-size": `${theme.typography?.baseSize ?? 16}px`,
      "--tk-danger": dark ? "#ff6b6b" : "#d92d20",
      "--tk-success": dark ? "#4ade80" : "#16a34a",
      "--tk-warning": dark ? "#fbbf24" : "#b45309",
      "--tk-info": dark ? "#60a5fa" : "#2563eb",
      "--tk-discovery": dark ? "#c084fc" : "#7c3aed",
      "color-scheme": scheme,
    },
  };
}

/** Serialises the theme variables as an inline `style` value. */
export function themeStyle(theme: ResolvedTheme): string {
  return Object.entries(theme.vars)
    .map(([k, v]) => `${k}:${v}`)
    .join(";");
}
