/** The Chart widget (Python SDK): bar, area and line series over rows of data. */
import { z } from "zod";
import { ColorValue, Length } from "./common.js";
import { loose, node } from "./helpers.js";
import type { NodeBase } from "./text.js";

/** Interpolation of area and line series. @example const c: CurveType = "monotone"; */
export const CurveType = z.enum([
  "basis",
  "basisClosed",
  "basisOpen",
  "bumpX",
  "bumpY",
  "bump",
  "linear",
  "linearClosed",
  "natural",
  "monotoneX",
  "monotoneY",
  "monotone",
  "step",
  "stepBefore",
  "stepAfter",
]);
/** Interpolation of area and line series. */
export type CurveType = z.infer<typeof CurveType>;

/**
 * Bars of `dataKey`; series with the same `stack` are stacked.
 * @example const s: BarSeries = { type: "bar", label: "Sales", dataKey: "sales" };
 */
export const BarSeries = loose({
  type: z.literal("bar"),
  label: z.string().optional(),
  dataKey: z.string(),
  stack: z.string().optional(),
  color: ColorValue.optional(),
});
/** A bar series. */
export type BarSeries = z.infer<typeof BarSeries>;

/**
 * A filled area of `dataKey`.
 * @example const s: AreaSeries = { type: "area", dataKey: "users", curveType: "natural" };
 */
export const AreaSeries = loose({
  type: z.literal("area"),
  label: z.string().optional(),
  dataKey: z.string(),
  stack: z.string().optional(),
  color: ColorValue.optional(),
  curveType: CurveType.optional(),
});
/** An area series. */
export type AreaSeries = z.infer<typeof AreaSeries>;

/**
 * A line of `dataKey`.
 * @example const s: LineSeries = { type: "line", dataKey: "price", color: "blue-500" };
 */
export const LineSeries = loose({
  type: z.literal("line"),
  label: z.string().optional(),
  dataKey: z.string(),
  color: ColorValue.optional(),
  curveType: CurveType.optional(),
});
/** A line series. */
export type LineSeries = z.infer<typeof LineSeries>;

/**
 * One series of a chart.
 * @example const s: ChartSeries = { type: "bar", dataKey: "sales" };
 */
export const ChartSeries = z.union([BarSeries, AreaSeries, LineSeries]);
/** One series of a chart. */
export type ChartSeries = z.infer<typeof ChartSeries>;

/**
 * The x axis: the key of the category in each row, `hide` to hide it, `labels` to rename ticks.
 * @example const x: XAxisConfig = { dataKey: "month", labels: { jan: "January" } };
 */
export const XAxisConfig = loose({
  dataKey: z.string(),
  hide: z.boolean().optional(),
  labels: z.record(z.string(), z.string()).optional(),
});
/** The x axis configuration. */
export type XAxisConfig = z.infer<typeof XAxisConfig>;

/**
 * A chart.
 * @example
 * const c: Chart = {
 *   type: "Chart",
 *   data: [{ month: "Jan", sales: 3 }, { month: "Feb", sales: 5 }],
 *   series: [{ type: "bar", label: "Sales", dataKey: "sales" }],
 *   xAxis: "month",
 * };
 */
export interface Chart extends NodeBase {
  type: "Chart";
  data: Record<string, string | number>[];
  series: ChartSeries[];
  xAxis: string | XAxisConfig;
  showYAxis?: boolean | undefined;
  showLegend?: boolean | undefined;
  showTooltip?: boolean | undefined;
  barGap?: number | undefined;
  barCategoryGap?: number | undefined;
  flex?: Length | undefined;
  height?: Length | undefined;
  width?: Length | undefined;
  size?: Length | undefined;
  minHeight?: Length | undefined;
  minWidth?: Length | undefined;
  minSize?: Length | undefined;
  maxHeight?: Length | undefined;
  maxWidth?: Length | undefined;
  maxSize?: Length | undefined;
  aspectRatio?: Length | undefined;
}
/** Schema of {@link Chart}. */
export const Chart = node<Chart>("Chart", {
  data: z.array(z.record(z.string(), z.union([z.string(), z.number()]))),
  series: z.array(ChartSeries),
  xAxis: z.union([z.string(), XAxisConfig]),
  showYAxis: z.boolean().optional(),
  showLegend: z.boolean().optional(),
  showTooltip: z.boolean().optional(),
  barGap: z.number().optional(),
  barCategoryGap: z.number().optional(),
  flex: Length.optional(),
  height: Length.optional(),
  width: Length.optional(),
  size: Length.optional(),
  minHeight: Length.optional(),
  minWidth: Length.optional(),
  minSize: Length.optional(),
  maxHeight: Length.optional(),
  maxWidth: Length.optional(),
  maxSize: Length.optional(),
  aspectRatio: Length.optional(),
});
