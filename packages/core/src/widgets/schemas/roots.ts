/** Widget roots (Card, ListView, Basic) and ListViewItem. */
import { z } from "zod";
import type { ActionConfig } from "../../actions/config.js";
import { ActionProp } from "./action.js";
import {
  Alignment,
  BorderValue,
  ColorValue,
  Direction,
  Justification,
  Length,
  SpacingValue,
  ThemeValue,
  WidgetStatus,
} from "./common.js";
import { childList, loose, node } from "./helpers.js";
import type { NodeBase } from "./text.js";
import type { WidgetComponent, WidgetRoot } from "./union.js";

/**
 * A footer button of a Card: its label and the action it sends.
 * @example const a: CardAction = { label: "Confirm", action: { type: "order.confirm" } };
 */
export const CardAction = loose({ label: z.string(), action: ActionProp });
/** A footer button of a Card. */
export type CardAction = z.infer<typeof CardAction>;

/**
 * A card. With `asForm: true` it behaves as a Form whose fields go to the `confirm` action.
 * @example
 * const c: Card = {
 *   type: "Card",
 *   size: "md",
 *   children: [{ type: "Text", value: "Hello" }],
 *   confirm: { label: "OK", action: { type: "ok" } },
 * };
 */
export interface Card extends NodeBase {
  type: "Card";
  children: WidgetComponent[];
  asForm?: boolean | undefined;
  background?: ColorValue | undefined;
  border?: BorderValue | undefined;
  size?: "sm" | "md" | "lg" | "full" | undefined;
  padding?: SpacingValue | undefined;
  status?: WidgetStatus | undefined;
  /** Collapses the body once the main action has completed. */
  collapsed?: boolean | undefined;
  confirm?: CardAction | undefined;
  cancel?: CardAction | undefined;
  theme?: ThemeValue | undefined;
}
/** Schema of {@link Card}. */
export const Card = node<Card>("Card", {
  children: childList<WidgetComponent>(),
  asForm: z.boolean().optional(),
  background: ColorValue.optional(),
  border: BorderValue.optional(),
  size: z.enum(["sm", "md", "lg", "full"]).optional(),
  padding: SpacingValue.optional(),
  status: WidgetStatus.optional(),
  collapsed: z.boolean().optional(),
  confirm: CardAction.optional(),
  cancel: CardAction.optional(),
  theme: ThemeValue.optional(),
});

/**
 * One row of a ListView (only valid directly under a ListView).
 * @example
 * const i: ListViewItem = { type: "ListViewItem", onClickAction: { type: "open" }, children: [] };
 */
export interface ListViewItem extends NodeBase {
  type: "ListViewItem";
  children: WidgetComponent[];
  onClickAction?: ActionConfig | undefined;
  gap?: Length | undefined;
  align?: Alignment | undefined;
}
/** Schema of {@link ListViewItem}. */
export const ListViewItem = node<ListViewItem>("ListViewItem", {
  children: childList<WidgetComponent>(),
  onClickAction: ActionProp.optional(),
  gap: Length.optional(),
  align: Alignment.optional(),
});

/**
 * A list of items; `limit` cuts it off with a "show more" control.
 * @example const l: ListView = { type: "ListView", limit: 3, children: [] };
 */
export interface ListView extends NodeBase {
  type: "ListView";
  children: ListViewItem[];
  limit?: number | "auto" | undefined;
  status?: WidgetStatus | undefined;
  theme?: ThemeValue | undefined;
}
/** Schema of {@link ListView}. */
export const ListView = node<ListView>("ListView", {
  children: z.array(ListViewItem),
  limit: z.union([z.number(), z.literal("auto")]).optional(),
  status: WidgetStatus.optional(),
  theme: ThemeValue.optional(),
});

/**
 * A bare root, for entity previews (and, since ChatKit 1.7, thread items).
 * @example const b: Basic = { type: "Basic", gap: 1, children: [{ type: "Title", value: "Harry" }] };
 */
export interface Basic extends NodeBase {
  type: "Basic";
  children: (WidgetComponent | WidgetRoot)[];
  theme?: ThemeValue | undefined;
  direction?: Direction | undefined;
  gap?: Length | undefined;
  padding?: SpacingValue | undefined;
  align?: Alignment | undefined;
  justify?: Justification | undefined;
}
/** Schema of {@link Basic}. */
export const Basic = node<Basic>("Basic", {
  children: childList<WidgetComponent | WidgetRoot>(),
  theme: ThemeValue.optional(),
  direction: Direction.optional(),
  gap: Length.optional(),
  padding: SpacingValue.optional(),
  align: Alignment.optional(),
  justify: Justification.optional(),
});
/** ChatKit's name for {@link Basic}. */
export type BasicRoot = Basic;
