/**
 * The widget renderer: `<tk-widget>` (and `<tk-chart>`), the `WidgetHost` contract, and the pure
 * helpers behind them (loading resolution, form collection, design tokens).
 */

export { type ActionSite, type Loading, resolveLoading } from "@threadkit/core";
export { ChartView } from "./chart.js";
export { collectFields, type FieldControl } from "./form-values.js";
export type { WidgetHost } from "./host.js";
export { backgroundColor, borderColor, isSafeCssValue, textColor } from "./tokens.js";
export { WidgetView } from "./widget-view.js";
