/**
 * Widgets: builders named as the components (`Card({...})`, `Button({...})`), the widget types
 * under the same names, `diffWidget`, and type helpers. The zod schemas are in
 * `schemas` (`schemas.Card`, `schemas.WidgetRoot`).
 *
 * @example
 * ```ts
 * import { Button, Card, Text } from "@threadkit/core";
 * const card: Card = Card({ children: [Text({ value: "Hi" }), Button({ label: "OK" })] });
 * ```
 */
export * from "./builders.js";
export { diffWidget, type WidgetDiffUpdate } from "./diff.js";
export type {
  Alignment,
  AreaSeries,
  BadgeColor,
  BarSeries,
  BasicRoot,
  BlockProps,
  Border,
  BorderStyle,
  Borders,
  BorderValue,
  BoxBaseProps,
  ButtonColor,
  CaptionSize,
  CardAction,
  ChartSeries,
  ColorValue,
  ControlSize,
  ControlVariant,
  CurveType,
  Direction,
  DynamicWidgetComponent,
  EditableProps,
  FontWeight,
  GutterSize,
  IconSize,
  ImageFit,
  ImagePosition,
  InputVariant,
  Justification,
  Length,
  LineSeries,
  NodeBase,
  RadioOption,
  RadiusValue,
  SelectOption,
  Spacing,
  SpacingValue,
  StrictWidgetComponent,
  TextAlign,
  TextSize,
  ThemeColor,
  ThemeValue,
  TitleSize,
  WidgetComponent,
  WidgetComponentTypes,
  WidgetNode,
  WidgetNodeTypes,
  WidgetRoot,
  WidgetRootTypes,
  WidgetStatus,
  WrapValue,
  XAxisConfig,
} from "./schemas.js";
export { isWidgetType, WIDGET_ROOT_TYPES } from "./schemas.js";
