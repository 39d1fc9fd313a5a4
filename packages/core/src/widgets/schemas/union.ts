/**
 * The widget unions: `WidgetRoot`, `WidgetComponent` (every strict component, plus the dynamic
 * fallback for unknown types) and `WidgetNode` (any node).
 */
import type { z } from "zod";
import type { Chart } from "./chart.js";
import type { Badge, Button, Icon, Image } from "./content.js";
import type { Checkbox, DatePicker, Input, RadioGroup, Select, Textarea } from "./controls.js";
import { dispatch } from "./helpers.js";
// Registers every known node schema with the dispatcher before the unions below are used.
import "./chart.js";
import "./content.js";
import "./controls.js";
import "./layout.js";
import "./roots.js";
import "./table.js";
import "./text.js";
import type { Box, Col, Divider, Form, Row, Spacer, Transition } from "./layout.js";
import type { Basic, Card, ListView, ListViewItem } from "./roots.js";
import type { Table, TableCell, TableRow } from "./table.js";
import type { Caption, Label, Markdown, Text, Title } from "./text.js";

/** Every component type this package knows and validates strictly, by `type`. */
export interface WidgetComponentTypes {
  Text: Text;
  Title: Title;
  Caption: Caption;
  Markdown: Markdown;
  Label: Label;
  Badge: Badge;
  Icon: Icon;
  Image: Image;
  Button: Button;
  Box: Box;
  Row: Row;
  Col: Col;
  Form: Form;
  Divider: Divider;
  Spacer: Spacer;
  Transition: Transition;
  Input: Input;
  Textarea: Textarea;
  Select: Select;
  Checkbox: Checkbox;
  RadioGroup: RadioGroup;
  DatePicker: DatePicker;
  Chart: Chart;
  Table: Table;
  "Table.Row": TableRow;
  "Table.Cell": TableCell;
  ListViewItem: ListViewItem;
}

/** Every root type, by `type`. */
export interface WidgetRootTypes {
  Card: Card;
  ListView: ListView;
  Basic: Basic;
}

/** Every known node type, by `type`. */
export type WidgetNodeTypes = WidgetComponentTypes & WidgetRootTypes;

/**
 * Any known (strictly typed) component.
 * @example const c: StrictWidgetComponent = { type: "Badge", label: "New" };
 */
export type StrictWidgetComponent = WidgetComponentTypes[keyof WidgetComponentTypes];

/**
 * A node of a type this package does not know (e.g. from a Widget Builder template), kept as is:
 * ChatKit's `DynamicWidgetComponent`. Any `type`, any props, `children` one node or many.
 * @example const d: DynamicWidgetComponent = { type: "Sparkline", points: [1, 3, 2] };
 */
export interface DynamicWidgetComponent {
  type: string;
  key?: string | undefined;
  id?: string | undefined;
  children?: WidgetNode | WidgetNode[] | undefined;
  [prop: string]: unknown;
}

/**
 * A widget component: a known component, or a {@link DynamicWidgetComponent} for unknown types.
 * Narrow with {@link isWidgetType} (a node whose `type` is known always has that type's shape).
 * @example const c: WidgetComponent = { type: "Text", value: "Hello" };
 */
export type WidgetComponent = StrictWidgetComponent | DynamicWidgetComponent;

/**
 * The root of a widget: Card, ListView or Basic.
 * @example const r: WidgetRoot = { type: "Card", children: [] };
 */
export type WidgetRoot = Card | ListView | Basic;

/**
 * Any widget node: a root or a component.
 * @example const n: WidgetNode = { type: "Spacer" };
 */
export type WidgetNode = WidgetRoot | WidgetComponent;

/** The root types. */
export const WIDGET_ROOT_TYPES = ["Card", "ListView", "Basic"] as const;

/**
 * Parser of a widget root: `Card`, `ListView` or `Basic`; unknown props are kept, null props
 * dropped, and errors name the path (`children.0.value: expected string`).
 * @example WidgetRoot.parse({ type: "Card", children: [{ type: "Text", value: "Hi" }] });
 */
export const WidgetRoot: z.ZodType<WidgetRoot> = dispatch<WidgetRoot>(WIDGET_ROOT_TYPES);

/**
 * Parser of a widget component: a known type is validated against its schema, an unknown type is
 * kept as a {@link DynamicWidgetComponent}.
 * @example WidgetComponent.parse({ type: "Badge", label: "New" });
 */
export const WidgetComponent: z.ZodType<WidgetComponent> = dispatch<WidgetComponent>();

/**
 * Parser of any widget node (root or component).
 * @example WidgetNode.parse({ type: "Spacer" });
 */
export const WidgetNode: z.ZodType<WidgetNode> = dispatch<WidgetNode>();

/**
 * Narrows a node to the known type named `type`.
 * @example if (isWidgetType(node, "Text")) console.log(node.value);
 */
export function isWidgetType<K extends keyof WidgetNodeTypes>(
  node: { type: string },
  type: K,
): node is WidgetNodeTypes[K] {
  return node.type === type;
}
