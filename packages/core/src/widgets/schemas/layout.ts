/** Layout widgets: Box, Row, Col, Form, Divider, Spacer, Transition. */
import { z } from "zod";
import type { ActionConfig } from "../../actions/config.js";
import { ActionProp } from "./action.js";
import {
  Alignment,
  type BlockProps,
  BorderValue,
  blockShape,
  ColorValue,
  Direction,
  Justification,
  Length,
  SpacingValue,
  WrapValue,
} from "./common.js";
import { anyNode, childList, node } from "./helpers.js";
import type { NodeBase } from "./text.js";
import type { WidgetComponent } from "./union.js";

/**
 * Props shared by Box, Row, Col and Form: flex layout, spacing, border, background and sizing.
 * @example const p: BoxBaseProps = { gap: 2, align: "center", padding: { x: 4 } };
 */
export interface BoxBaseProps extends BlockProps {
  children?: WidgetComponent[] | undefined;
  align?: Alignment | undefined;
  justify?: Justification | undefined;
  wrap?: WrapValue | undefined;
  flex?: Length | undefined;
  gap?: Length | undefined;
  padding?: SpacingValue | undefined;
  border?: BorderValue | undefined;
  background?: ColorValue | undefined;
}

const boxBaseShape = {
  ...blockShape,
  children: childList<WidgetComponent>().optional(),
  align: Alignment.optional(),
  justify: Justification.optional(),
  wrap: WrapValue.optional(),
  flex: Length.optional(),
  gap: Length.optional(),
  padding: SpacingValue.optional(),
  border: BorderValue.optional(),
  background: ColorValue.optional(),
};

/**
 * A flex container laid out in `direction` (column by default).
 * @example const b: Box = { type: "Box", direction: "row", gap: 2, children: [] };
 */
export interface Box extends NodeBase, BoxBaseProps {
  type: "Box";
  direction?: Direction | undefined;
}
/** Schema of {@link Box}. */
export const Box = node<Box>("Box", { ...boxBaseShape, direction: Direction.optional() });

/**
 * A horizontal flex container.
 * @example const r: Row = { type: "Row", gap: 2, children: [] };
 */
export interface Row extends NodeBase, BoxBaseProps {
  type: "Row";
}
/** Schema of {@link Row}. */
export const Row = node<Row>("Row", boxBaseShape);

/**
 * A vertical flex container.
 * @example const c: Col = { type: "Col", gap: 1, children: [] };
 */
export interface Col extends NodeBase, BoxBaseProps {
  type: "Col";
}
/** Schema of {@link Col}. */
export const Col = node<Col>("Col", boxBaseShape);

/**
 * A form: the values of the controls inside it are added to the payload of every action that
 * starts inside it; `onSubmitAction` runs when a `Button` with `submit: true` is pressed.
 * `validation: "native"` (HTML constraint validation of `required` and `pattern`) is the only
 * mode and the default.
 * @example
 * const f: Form = {
 *   type: "Form",
 *   onSubmitAction: { type: "update_todo", payload: { id: "t1" } },
 *   children: [],
 * };
 */
export interface Form extends NodeBase, BoxBaseProps {
  type: "Form";
  onSubmitAction?: ActionConfig | undefined;
  direction?: Direction | undefined;
  validation?: "native" | undefined;
}
/** Schema of {@link Form}. */
export const Form = node<Form>("Form", {
  ...boxBaseShape,
  onSubmitAction: ActionProp.optional(),
  direction: Direction.optional(),
  validation: z.literal("native").optional(),
});

/**
 * A horizontal rule.
 * @example const d: Divider = { type: "Divider", flush: true };
 */
export interface Divider extends NodeBase {
  type: "Divider";
  color?: ColorValue | undefined;
  size?: Length | undefined;
  spacing?: Length | undefined;
  flush?: boolean | undefined;
}
/** Schema of {@link Divider}. */
export const Divider = node<Divider>("Divider", {
  color: ColorValue.optional(),
  size: Length.optional(),
  spacing: Length.optional(),
  flush: z.boolean().optional(),
});

/**
 * Flexible empty space that pushes its siblings apart.
 * @example const s: Spacer = { type: "Spacer", minSize: 4 };
 */
export interface Spacer extends NodeBase {
  type: "Spacer";
  minSize?: Length | undefined;
}
/** Schema of {@link Spacer}. */
export const Spacer = node<Spacer>("Spacer", { minSize: Length.optional() });

/**
 * Animates layout changes of its single child.
 * @example const t: Transition = { type: "Transition", children: { type: "Text", value: "Hi" } };
 */
export interface Transition extends NodeBase {
  type: "Transition";
  children?: WidgetComponent | undefined;
}
/** Schema of {@link Transition}. */
export const Transition = node<Transition>("Transition", {
  children: (anyNode as z.ZodType<WidgetComponent>).optional(),
});
