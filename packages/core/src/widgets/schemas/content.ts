/** Content widgets: Badge, Icon, Image, Button. */
import { z } from "zod";
import type { ActionConfig } from "../../actions/config.js";
import { IconName } from "../../protocol/icons.js";
import { ActionProp } from "./action.js";
import {
  type BlockProps,
  blockShape,
  ColorValue,
  ControlSize,
  IconSize,
  Length,
} from "./common.js";
import { node } from "./helpers.js";
import type { NodeBase } from "./text.js";

/** Badge colours. @example const c: BadgeColor = "success"; */
export const BadgeColor = z.enum([
  "secondary",
  "success",
  "danger",
  "warning",
  "info",
  "discovery",
]);
/** Badge colours. */
export type BadgeColor = z.infer<typeof BadgeColor>;

/**
 * A small label.
 * @example const b: Badge = { type: "Badge", label: "Business", color: "discovery", variant: "soft" };
 */
export interface Badge extends NodeBase {
  type: "Badge";
  label: string;
  color?: BadgeColor | undefined;
  variant?: "solid" | "soft" | "outline" | undefined;
  size?: "sm" | "md" | "lg" | undefined;
  pill?: boolean | undefined;
}
/** Schema of {@link Badge}. */
export const Badge = node<Badge>("Badge", {
  label: z.string(),
  color: BadgeColor.optional(),
  variant: z.enum(["solid", "soft", "outline"]).optional(),
  size: z.enum(["sm", "md", "lg"]).optional(),
  pill: z.boolean().optional(),
});

/**
 * An icon: a built-in name, `lucide:<name>` or `vendor:<name>`.
 * @example const i: Icon = { type: "Icon", name: "check", color: "success", size: "md" };
 */
export interface Icon extends NodeBase {
  type: "Icon";
  name: IconName;
  color?: ColorValue | undefined;
  size?: IconSize | undefined;
}
/** Schema of {@link Icon}. */
export const Icon = node<Icon>("Icon", {
  name: IconName,
  color: ColorValue.optional(),
  size: IconSize.optional(),
});

/** How an image fills its box. @example const f: ImageFit = "cover"; */
export const ImageFit = z.enum(["cover", "contain", "fill", "scale-down", "none"]);
/** How an image fills its box. */
export type ImageFit = z.infer<typeof ImageFit>;

/** Where an image sits in its box. @example const p: ImagePosition = "top left"; */
export const ImagePosition = z.enum([
  "top left",
  "top",
  "top right",
  "left",
  "center",
  "right",
  "bottom left",
  "bottom",
  "bottom right",
]);
/** Where an image sits in its box. */
export type ImagePosition = z.infer<typeof ImagePosition>;

/**
 * An image.
 * @example const i: Image = { type: "Image", src: "/pam.png", alt: "Pam", size: 44, radius: "full" };
 */
export interface Image extends NodeBase, BlockProps {
  type: "Image";
  src: string;
  alt?: string | undefined;
  frame?: boolean | undefined;
  fit?: ImageFit | undefined;
  position?: ImagePosition | undefined;
  flush?: boolean | undefined;
  background?: ColorValue | undefined;
  flex?: Length | undefined;
}
/** Schema of {@link Image}. */
export const Image = node<Image>("Image", {
  ...blockShape,
  src: z.string(),
  alt: z.string().optional(),
  frame: z.boolean().optional(),
  fit: ImageFit.optional(),
  position: ImagePosition.optional(),
  flush: z.boolean().optional(),
  background: ColorValue.optional(),
  flex: Length.optional(),
});

/** Button colours. @example const c: ButtonColor = "danger"; */
export const ButtonColor = z.enum([
  "primary",
  "secondary",
  "info",
  "discovery",
  "success",
  "caution",
  "warning",
  "danger",
]);
/** Button colours. */
export type ButtonColor = z.infer<typeof ButtonColor>;

/**
 * A button. `submit: true` submits the enclosing Form (or Card with `asForm`); the seed's
 * `type="submit"` is spelled `submit: true` because `type` is the node discriminator.
 * @example
 * const b: Button = { type: "Button", label: "Example", onClickAction: { type: "example", payload: { id: 123 } } };
 */
export interface Button extends NodeBase {
  type: "Button";
  submit?: boolean | undefined;
  label?: string | undefined;
  onClickAction?: ActionConfig | undefined;
  iconStart?: IconName | undefined;
  iconEnd?: IconName | undefined;
  style?: "primary" | "secondary" | undefined;
  iconSize?: "sm" | "md" | "lg" | "xl" | "2xl" | undefined;
  color?: ButtonColor | undefined;
  variant?: "solid" | "soft" | "outline" | "ghost" | undefined;
  size?: ControlSize | undefined;
  pill?: boolean | undefined;
  uniform?: boolean | undefined;
  block?: boolean | undefined;
  disabled?: boolean | undefined;
}
/** Schema of {@link Button}. */
export const Button = node<Button>("Button", {
  submit: z.boolean().optional(),
  label: z.string().optional(),
  onClickAction: ActionProp.optional(),
  iconStart: IconName.optional(),
  iconEnd: IconName.optional(),
  style: z.enum(["primary", "secondary"]).optional(),
  iconSize: z.enum(["sm", "md", "lg", "xl", "2xl"]).optional(),
  color: ButtonColor.optional(),
  variant: z.enum(["solid", "soft", "outline", "ghost"]).optional(),
  size: ControlSize.optional(),
  pill: z.boolean().optional(),
  uniform: z.boolean().optional(),
  block: z.boolean().optional(),
  disabled: z.boolean().optional(),
});
