/**
 * The pure part of the Chart widget: reading its props, stacking series, the y scale's nice
 * ticks, the band layout of bars, and ChatKit curve names → d3-shape curve factories.
 */
import {
  type CurveFactory,
  curveBasis,
  curveBasisClosed,
  curveBasisOpen,
  curveBumpX,
  curveBumpY,
  curveLinear,
  curveLinearClosed,
  curveMonotoneX,
  curveMonotoneY,
  curveNatural,
  curveStep,
  curveStepAfter,
  curveStepBefore,
} from "d3-shape";
import { num, obj, str, type WNode } from "./node.js";
import { hueColor } from "./palette.js";
import { textColor } from "./tokens.js";

const CURVES: Record<string, CurveFactory> = {
  basis: curveBasis,
  basisClosed: curveBasisClosed,
  basisOpen: curveBasisOpen,
  bump: curveBumpX,
  bumpX: curveBumpX,
  bumpY: curveBumpY,
  linear: curveLinear,
  linearClosed: curveLinearClosed,
  natural: curveNatural,
  monotone: curveMonotoneX,
  monotoneX: curveMonotoneX,
  monotoneY: curveMonotoneY,
  step: curveStep,
  stepBefore: curveStepBefore,
  stepAfter: curveStepAfter,
};

/**
 * The d3-shape curve for a ChatKit `curveType` (`"monotone"`, `"natural"`, `"step"`, ... also
 * accepted with d3's own `curve` prefix, e.g. `"curveMonotoneX"`). Unknown names → monotone.
 *
 * @example
 * ```ts
 * curveFor("step") === curveStep; // true
 * ```
 */
export function curveFor(name: unknown): CurveFactory {
  if (typeof name !== "string") return curveMonotoneX;
  const key = name.startsWith("curve") ? name[5]!.toLowerCase() + name.slice(6) : name;
  return CURVES[key] ?? curveMonotoneX;
}

const PALETTE = ["#3b82f6", "#8b5cf6", "#10b981", "#f59e0b", "#f43f5e", "#06b6d4", "#64748b"];

/** One series of a chart, normalised. */
export interface Series {
  type: "bar" | "line" | "area";
  label: string;
  dataKey: string;
  stack: string | undefined;
  color: string;
  curve: CurveFactory;
}

/** A chart's props, normalised (see {@link readChart}). */
export interface ChartModel {
  categories: string[];
  labels: string[];
  xLabel: string;
  hideX: boolean;
  series: Series[];
  /** `values[s][i]`: series `s` at category `i` (NaN when missing). */
  values: number[][];
  /** `[y0, y1]` per series and category after stacking (lines: `[0, v]`). */
  extents: [number, number][][];
  max: number;
  min: number;
}

function value(row: unknown, key: string): number {
  const v = obj(row)?.[key];
  const n = typeof v === "number" ? v : typeof v === "string" ? Number(v) : Number.NaN;
  return Number.isFinite(n) ? n : Number.NaN;
}

/**
 * Reads a Chart node: categories from `xAxis` (string or `{dataKey, hide, labels}`), series with
 * colors and curves, and stacked extents (series sharing `stack` accumulate, bars and areas only).
 *
 * @example
 * ```ts
 * const m = readChart({ type: "Chart", xAxis: "m", data: [{ m: "Jan", a: 1, b: 2 }],
 *   series: [{ type: "bar", dataKey: "a", stack: "s" }, { type: "bar", dataKey: "b", stack: "s" }] });
 * m.extents[1][0]; // [1, 3]
 * ```
 */
export function readChart(node: WNode): ChartModel {
  const data = Array.isArray(node.data) ? node.data : [];
  const axis = obj(node.xAxis);
  const xKey = str(node.xAxis) ?? str(axis?.dataKey) ?? "x";
  const names = obj(axis?.labels) ?? {};
  const categories = data.map((row) => String(obj(row)?.[xKey] ?? ""));
  const labels = categories.map((c) => str(names[c]) ?? c);
  const series: Series[] = (Array.isArray(node.series) ? node.series : []).flatMap((raw, i) => {
    const s = obj(raw);
    const dataKey = str(s?.dataKey);
    if (!s || !dataKey) return [];
    const type = s.type === "line" || s.type === "area" ? s.type : "bar";
    const c = str(s.color);
    const color = (c && (hueColor(c) ?? textColor(c))) || PALETTE[i % PALETTE.length]!;
    const stack =
      typeof s.stack === "string" || typeof s.stack === "number" ? String(s.stack) : undefined;
    return [
      { type, label: str(s.label) ?? dataKey, dataKey, stack, color, curve: curveFor(s.curveType) },
    ];
  });
  const values = series.map((s) => data.map((row) => value(row, s.dataKey)));
  const running = new Map<string, number[]>();
  const extents = series.map((s, si) =>
    values[si]!.map((v, i): [number, number] => {
      const val = Number.isNaN(v) ? 0 : v;
      if (s.type === "line" || s.stack === undefined) return [0, val];
      const key = `${s.type === "bar" ? "bar" : "area"}:${s.stack}`;
      const base = running.get(key) ?? [];
      const y0 = base[i] ?? 0;
      base[i] = y0 + val;
      running.set(key, base);
      return [y0, y0 + val];
    }),
  );
  const all = extents.flat(2);
  return {
    categories,
    labels,
    xLabel: xKey,
    hideX: axis?.hide === true,
    series,
    values,
    extents,
    max: Math.max(0, ...all),
    min: Math.min(0, ...all),
  };
}

/**
 * "Nice" ticks covering `[min, max]` (steps of 1, 2 or 5 × 10ⁿ), about `count` of them.
 *
 * @example
 * ```ts
 * niceTicks(0, 93, 4); // [0, 20, 40, 60, 80, 100]
 * ```
 */
export function niceTicks(min: number, max: number, count = 4): number[] {
  if (max <= min) return [min, min + 1];
  const raw = (max - min) / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 5, 10].find((m) => m * mag >= raw) ?? 10) * mag;
  const ticks: number[] = [];
  for (let t = Math.floor(min / step) * step; t < max + step - 1e-9; t += step) {
    ticks.push(Number(t.toPrecision(12)));
  }
  return ticks;
}

/**
 * Band layout for bars: each category gets `band` px; the category gap (`barCategoryGap`, px or
 * percent, default 20%) is split around it; bar groups (one per stack or unstacked bar series)
 * share the rest with `barGap` px (default 4) between them.
 *
 * @example
 * ```ts
 * bandLayout(100, 2, undefined, undefined).groupWidth; // 38
 * ```
 */
export function bandLayout(band: number, groups: number, barGap: unknown, categoryGap: unknown) {
  const gapPct = typeof categoryGap === "string" && /^\d+(\.\d+)?%$/.test(categoryGap);
  const catGap = gapPct
    ? (band * Number.parseFloat(categoryGap as string)) / 100
    : (num(categoryGap) ?? band * 0.2);
  const inner = Math.max(1, band - catGap);
  const gap = num(barGap) ?? 4;
  const n = Math.max(1, groups);
  const groupWidth = Math.max(1, (inner - gap * (n - 1)) / n);
  return { offset: catGap / 2, groupWidth, gap };
}
