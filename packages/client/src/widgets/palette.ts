/**
 * The primitive color palette behind tokens such as `red-100` or `blue-600` (a Tailwind-like
 * scale, 50–950). Grays follow the color scheme: `gray-900` is near-black in light mode and
 * near-white in dark mode, so text and borders drawn with grays stay visible in both.
 */

const STEPS = [50, 100, 200, 300, 400, 500, 600, 700, 800, 900, 950] as const;

const HUES: Record<string, string> = {
  red: "fef2f2 fee2e2 fecaca fca5a5 f87171 ef4444 dc2626 b91c1c 991b1b 7f1d1d 450a0a",
  orange: "fff7ed ffedd5 fed7aa fdba74 fb923c f97316 ea580c c2410c 9a3412 7c2d12 431407",
  amber: "fffbeb fef3c7 fde68a fcd34d fbbf24 f59e0b d97706 b45309 92400e 78350f 451a03",
  yellow: "fefce8 fef9c3 fef08a fde047 facc15 eab308 ca8a04 a16207 854d0e 713f12 422006",
  lime: "f7fee7 ecfccb d9f99d bef264 a3e635 84cc16 65a30d 4d7c0f 3f6212 365314 1a2e05",
  green: "f0fdf4 dcfce7 bbf7d0 86efac 4ade80 22c55e 16a34a 15803d 166534 14532d 052e16",
  emerald: "ecfdf5 d1fae5 a7f3d0 6ee7b7 34d399 10b981 059669 047857 065f46 064e3b 022c22",
  teal: "f0fdfa ccfbf1 99f6e4 5eead4 2dd4bf 14b8a6 0d9488 0f766e 115e59 134e4a 042f2e",
  cyan: "ecfeff cffafe a5f3fc 67e8f9 22d3ee 06b6d4 0891b2 0e7490 155e75 164e63 083344",
  sky: "f0f9ff e0f2fe bae6fd 7dd3fc 38bdf8 0ea5e9 0284c7 0369a1 075985 0c4a6e 082f49",
  blue: "eff6ff dbeafe bfdbfe 93c5fd 60a5fa 3b82f6 2563eb 1d4ed8 1e40af 1e3a8a 172554",
  indigo: "eef2ff e0e7ff c7d2fe a5b4fc 818cf8 6366f1 4f46e5 4338ca 3730a3 312e81 1e1b4b",
  violet: "f5f3ff ede9fe ddd6fe c4b5fd a78bfa 8b5cf6 7c3aed 6d28d9 5b21b6 4c1d95 2e1065",
  purple: "faf5ff f3e8ff e9d5ff d8b4fe c084fc a855f7 9333ea 7e22ce 6b21a8 581c87 3b0764",
  fuchsia: "fdf4ff fae8ff f5d0fe f0abfc e879f9 d946ef c026d3 a21caf 86198f 701a75 4a044e",
  pink: "fdf2f8 fce7f3 fbcfe8 f9a8d4 f472b6 ec4899 db2777 be185d 9d174d 831843 500724",
  rose: "fff1f2 ffe4e6 fecdd3 fda4af fb7185 f43f5e e11d48 be123c 9f1239 881337 4c0519",
  gray: "f9f9f9 f3f3f3 ececec e3e3e3 cdcdcd b4b4b4 9b9b9b 676767 424242 212121 171717",
};
HUES.slate = HUES.gray!;
HUES.zinc = HUES.gray!;
HUES.neutral = HUES.gray!;
HUES.stone = HUES.gray!;

/**
 * The CSS color of a primitive token (`blue-500`, `gray-900`, `white`, `alpha-70`), or undefined
 * when `token` is not a primitive. Scheme-dependent primitives use CSS `light-dark()`.
 *
 * @example
 * ```ts
 * primitiveColor("red-100"); // "#fee2e2"
 * primitiveColor("gray-900"); // "light-dark(#212121, #ececec)"
 * ```
 */
export function primitiveColor(token: string): string | undefined {
  if (token === "white") return "#ffffff";
  if (token === "black") return "#000000";
  const alpha = /^alpha-(\d{1,3})$/.exec(token);
  if (alpha) {
    const a = Math.min(100, Number(alpha[1])) / 100;
    return `light-dark(rgba(0,0,0,${a}), rgba(255,255,255,${a}))`;
  }
  const match = /^([a-z]+)-(\d{2,3})$/.exec(token);
  if (!match) return undefined;
  const scale = HUES[match[1]!];
  const step = STEPS.indexOf(Number(match[2]) as (typeof STEPS)[number]);
  if (!scale || step < 0) return undefined;
  const hex = scale.split(" ");
  if (scale === HUES.gray) return `light-dark(#${hex[step]}, #${hex[STEPS.length - 1 - step]})`;
  return `#${hex[step]}`;
}

/**
 * A named hue's mid-tone (`"blue"` → blue-500), used for chart series colors like `color: "blue"`.
 *
 * @example
 * ```ts
 * hueColor("purple"); // "#a855f7"
 * ```
 */
export function hueColor(name: string): string | undefined {
  const scale = HUES[name];
  return scale ? `#${scale.split(" ")[5]}` : undefined;
}
