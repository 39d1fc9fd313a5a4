/** Text widgets: Text (optionally editable), Title, Caption, Markdown, Label. */
import { z } from "zod";
import { ColorValue, FontWeight, Length, TextAlign, TextSize } from "./common.js";
import { loose, node } from "./helpers.js";

/** Base props of every node: `key` (list key) and `id` (for targeted updates and streaming). */
export interface NodeBase {
  key?: string | undefined;
  id?: string | undefined;
}

/**
 * Makes a Text a form field: its value is collected under `name`.
 * @example const e: EditableProps = { name: "title", required: true };
 */
export const EditableProps = loose({
  name: z.string(),
  autoFocus: z.boolean().optional(),
  autoSelect: z.boolean().optional(),
  autoComplete: z.string().optional(),
  allowAutofillExtensions: z.boolean().optional(),
  pattern: z.string().optional(),
  placeholder: z.string().optional(),
  required: z.boolean().optional(),
});
/** Props of an editable Text. */
export type EditableProps = z.infer<typeof EditableProps>;

/**
 * A run of text; with an `id` and `streaming: true` its value can be streamed as deltas.
 * @example const t: Text = { type: "Text", value: "Hello", color: "secondary", size: "sm" };
 */
export interface Text extends NodeBase {
  type: "Text";
  value: string;
  streaming?: boolean | undefined;
  italic?: boolean | undefined;
  lineThrough?: boolean | undefined;
  color?: ColorValue | undefined;
  weight?: FontWeight | undefined;
  width?: Length | undefined;
  size?: TextSize | undefined;
  textAlign?: TextAlign | undefined;
  truncate?: boolean | undefined;
  minLines?: number | undefined;
  maxLines?: number | undefined;
  /** `false`, or makes the text an editable form field. */
  editable?: false | EditableProps | undefined;
}
/** Schema of {@link Text}. */
export const Text = node<Text>("Text", {
  value: z.string(),
  streaming: z.boolean().optional(),
  italic: z.boolean().optional(),
  lineThrough: z.boolean().optional(),
  color: ColorValue.optional(),
  weight: FontWeight.optional(),
  width: Length.optional(),
  size: TextSize.optional(),
  textAlign: TextAlign.optional(),
  truncate: z.boolean().optional(),
  minLines: z.number().optional(),
  maxLines: z.number().optional(),
  editable: z.union([z.literal(false), EditableProps]).optional(),
});

/** Title sizes. @example const s: TitleSize = "2xl"; */
export const TitleSize = z.enum(["sm", "md", "lg", "xl", "2xl", "3xl", "4xl", "5xl"]);
/** Title sizes. */
export type TitleSize = z.infer<typeof TitleSize>;

/**
 * A heading.
 * @example const t: Title = { type: "Title", value: "Edit Todo", size: "lg" };
 */
export interface Title extends NodeBase {
  type: "Title";
  value: string;
  color?: ColorValue | undefined;
  weight?: FontWeight | undefined;
  size?: TitleSize | undefined;
  textAlign?: TextAlign | undefined;
  truncate?: boolean | undefined;
  maxLines?: number | undefined;
}
/** Schema of {@link Title}. */
export const Title = node<Title>("Title", {
  value: z.string(),
  color: ColorValue.optional(),
  weight: FontWeight.optional(),
  size: TitleSize.optional(),
  textAlign: TextAlign.optional(),
  truncate: z.boolean().optional(),
  maxLines: z.number().optional(),
});

/** Caption sizes. @example const s: CaptionSize = "sm"; */
export const CaptionSize = z.enum(["sm", "md", "lg"]);
/** Caption sizes. */
export type CaptionSize = z.infer<typeof CaptionSize>;

/**
 * Small secondary text.
 * @example const c: Caption = { type: "Caption", value: "Depart", color: "secondary" };
 */
export interface Caption extends NodeBase {
  type: "Caption";
  value: string;
  color?: ColorValue | undefined;
  weight?: FontWeight | undefined;
  size?: CaptionSize | undefined;
  textAlign?: TextAlign | undefined;
  truncate?: boolean | undefined;
  maxLines?: number | undefined;
}
/** Schema of {@link Caption}. */
export const Caption = node<Caption>("Caption", {
  value: z.string(),
  color: ColorValue.optional(),
  weight: FontWeight.optional(),
  size: CaptionSize.optional(),
  textAlign: TextAlign.optional(),
  truncate: z.boolean().optional(),
  maxLines: z.number().optional(),
});

/**
 * Markdown text; with an `id` and `streaming: true` its value can be streamed as deltas.
 * @example const m: Markdown = { type: "Markdown", value: "**Hi**", id: "answer", streaming: true };
 */
export interface Markdown extends NodeBase {
  type: "Markdown";
  value: string;
  streaming?: boolean | undefined;
}
/** Schema of {@link Markdown}. */
export const Markdown = node<Markdown>("Markdown", {
  value: z.string(),
  streaming: z.boolean().optional(),
});

/**
 * A label for the form control whose `name` is `fieldName`.
 * @example const l: Label = { type: "Label", value: "Title", fieldName: "title" };
 */
export interface Label extends NodeBase {
  type: "Label";
  value: string;
  fieldName: string;
  size?: TextSize | undefined;
  weight?: FontWeight | undefined;
  textAlign?: TextAlign | undefined;
  color?: ColorValue | undefined;
}
/** Schema of {@link Label}. */
export const Label = node<Label>("Label", {
  value: z.string(),
  fieldName: z.string(),
  size: TextSize.optional(),
  weight: FontWeight.optional(),
  textAlign: TextAlign.optional(),
  color: ColorValue.optional(),
});
