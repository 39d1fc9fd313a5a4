/**
 * Shared widget prop types: colours, spacing, borders, radii, alignment, sizes, status.
 * Each is a zod schema and a type of the same name.
 */
import { z } from "zod";
import { IconName } from "../../protocol/icons.js";
import { loose } from "./helpers.js";

/**
 * A colour per colour scheme.
 * @example const c: ThemeColor = { light: "gray-900", dark: "gray-100" };
 */
export const ThemeColor = loose({ dark: z.string(), light: z.string() });
/** A colour per colour scheme. */
export type ThemeColor = z.infer<typeof ThemeColor>;

/**
 * A colour: a token (`prose`, `secondary`, `surface`, `red-100`, `alpha-70`, ...), any CSS colour
 * string, or a {@link ThemeColor}.
 * @example const c: ColorValue = "secondary";
 */
export const ColorValue = z.union([z.string(), ThemeColor]);
/** A colour token, CSS colour or {@link ThemeColor}. */
export type ColorValue = z.infer<typeof ColorValue>;

/**
 * A length: a number (ChatKit's spacing/size units, pixels for sizes) or a CSS string (`"50%"`).
 * @example const l: Length = "100%";
 */
export const Length = z.union([z.number(), z.string()]);
/** A number or CSS length string. */
export type Length = z.infer<typeof Length>;

/**
 * Per-side spacing.
 * @example const s: Spacing = { x: 4, y: 2 };
 */
export const Spacing = loose({
  top: Length.optional(),
  right: Length.optional(),
  bottom: Length.optional(),
  left: Length.optional(),
  x: Length.optional(),
  y: Length.optional(),
});
/** Per-side spacing. */
export type Spacing = z.infer<typeof Spacing>;

/**
 * Padding or margin: one length for all sides or a {@link Spacing}.
 * @example const p: SpacingValue = { top: 2 };
 */
export const SpacingValue = z.union([z.number(), z.string(), Spacing]);
/** Padding or margin. */
export type SpacingValue = z.infer<typeof SpacingValue>;

/** Border line styles. @example const s: BorderStyle = "dashed"; */
export const BorderStyle = z.enum([
  "solid",
  "dashed",
  "dotted",
  "double",
  "groove",
  "ridge",
  "inset",
  "outset",
]);
/** Border line styles. */
export type BorderStyle = z.infer<typeof BorderStyle>;

/**
 * One border.
 * @example const b: Border = { size: 1, color: "subtle", style: "solid" };
 */
export const Border = loose({
  size: z.number(),
  color: ColorValue.optional(),
  style: BorderStyle.optional(),
});
/** One border. */
export type Border = z.infer<typeof Border>;

const BorderSide = z.union([z.number(), Border]);

/**
 * Borders per side.
 * @example const b: Borders = { bottom: 1 };
 */
export const Borders = loose({
  top: BorderSide.optional(),
  right: BorderSide.optional(),
  bottom: BorderSide.optional(),
  left: BorderSide.optional(),
  x: BorderSide.optional(),
  y: BorderSide.optional(),
});
/** Borders per side. */
export type Borders = z.infer<typeof Borders>;

/**
 * A border prop: a width for all sides, a {@link Border} or {@link Borders}.
 * @example const b: BorderValue = { size: 1 };
 */
export const BorderValue = z.union([z.number(), Border, Borders]);
/** A border prop. */
export type BorderValue = z.infer<typeof BorderValue>;

/** Corner radius tokens. @example const r: RadiusValue = "full"; */
export const RadiusValue = z.enum([
  "2xs",
  "xs",
  "sm",
  "md",
  "lg",
  "xl",
  "2xl",
  "3xl",
  "4xl",
  "full",
  "100%",
  "none",
]);
/** Corner radius tokens. */
export type RadiusValue = z.infer<typeof RadiusValue>;

/** Cross-axis alignment. @example const a: Alignment = "center"; */
export const Alignment = z.enum(["start", "center", "end", "baseline", "stretch"]);
/** Cross-axis alignment. */
export type Alignment = z.infer<typeof Alignment>;

/** Main-axis justification. @example const j: Justification = "between"; */
export const Justification = z.enum([
  "start",
  "center",
  "end",
  "between",
  "around",
  "evenly",
  "stretch",
]);
/** Main-axis justification. */
export type Justification = z.infer<typeof Justification>;

/** Flex wrapping. @example const w: WrapValue = "wrap"; */
export const WrapValue = z.enum(["nowrap", "wrap", "wrap-reverse"]);
/** Flex wrapping. */
export type WrapValue = z.infer<typeof WrapValue>;

/** Layout direction. @example const d: Direction = "row"; */
export const Direction = z.enum(["row", "col"]);
/** Layout direction. */
export type Direction = z.infer<typeof Direction>;

/** Forced colour scheme of a subtree. @example const t: ThemeValue = "dark"; */
export const ThemeValue = z.enum(["light", "dark"]);
/** Forced colour scheme. */
export type ThemeValue = z.infer<typeof ThemeValue>;

/** Text alignment. @example const a: TextAlign = "end"; */
export const TextAlign = z.enum(["start", "center", "end"]);
/** Text alignment. */
export type TextAlign = z.infer<typeof TextAlign>;

/** Font weights. @example const w: FontWeight = "semibold"; */
export const FontWeight = z.enum(["normal", "medium", "semibold", "bold"]);
/** Font weights. */
export type FontWeight = z.infer<typeof FontWeight>;

/** Text sizes (Text, Label). @example const s: TextSize = "sm"; */
export const TextSize = z.enum(["xs", "sm", "md", "lg", "xl"]);
/** Text sizes. */
export type TextSize = z.infer<typeof TextSize>;

/** Control sizes (Button, Input, Select, ...). @example const s: ControlSize = "lg"; */
export const ControlSize = z.enum(["3xs", "2xs", "xs", "sm", "md", "lg", "xl", "2xl", "3xl"]);
/** Control sizes. */
export type ControlSize = z.infer<typeof ControlSize>;

/**
 * Variants of Select and DatePicker (ChatKit's `ControlVariant`, the Button set).
 * @example const v: ControlVariant = "ghost";
 */
export const ControlVariant = z.enum(["solid", "soft", "outline", "ghost"]);
/** Variants of Select and DatePicker. */
export type ControlVariant = z.infer<typeof ControlVariant>;

/** Variants of Input and Textarea (narrower than {@link ControlVariant}). @example const v: InputVariant = "outline"; */
export const InputVariant = z.enum(["soft", "outline"]);
/** Variants of Input and Textarea. */
export type InputVariant = z.infer<typeof InputVariant>;

/** Icon sizes. @example const s: IconSize = "2xl"; */
export const IconSize = z.enum(["xs", "sm", "md", "lg", "xl", "2xl", "3xl"]);
/** Icon sizes. */
export type IconSize = z.infer<typeof IconSize>;

/**
 * The header line of a Card or ListView: text with a favicon (`frame` draws a frame around it)
 * or with an icon.
 * @example const s: WidgetStatus = { text: "Searching", icon: "search" };
 */
export const WidgetStatus = loose({
  text: z.string(),
  favicon: z.string().optional(),
  frame: z.boolean().optional(),
  icon: IconName.optional(),
}) as z.ZodType<WidgetStatus>;
/** The header line of a Card or ListView. */
export type WidgetStatus =
  | { text: string; favicon?: string | undefined; frame?: boolean | undefined }
  | { text: string; icon?: IconName | undefined };

/**
 * Sizing props shared by boxes, images and charts.
 * @example const b: BlockProps = { width: "100%", aspectRatio: 1.5 };
 */
export interface BlockProps {
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
  radius?: RadiusValue | undefined;
  margin?: SpacingValue | undefined;
}

/** Schemas of {@link BlockProps}, to spread into node shapes. */
export const blockShape = {
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
  radius: RadiusValue.optional(),
  margin: SpacingValue.optional(),
};
