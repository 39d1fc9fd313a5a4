/** Form controls: Input, Textarea, Select, Checkbox, RadioGroup, DatePicker. */
import { z } from "zod";
import type { ActionConfig } from "../../actions/config.js";
import { ActionProp } from "./action.js";
import { ControlSize, ControlVariant, Direction, InputVariant } from "./common.js";
import { DateTimeValue } from "./datetime.js";
import { loose, node } from "./helpers.js";
import type { NodeBase } from "./text.js";

/** Inner padding sizes of text controls. @example const g: GutterSize = "md"; */
export const GutterSize = z.enum(["2xs", "xs", "sm", "md", "lg", "xl"]);
/** Inner padding sizes of text controls. */
export type GutterSize = z.infer<typeof GutterSize>;

/**
 * A one-line text field; its value is collected under `name`.
 * @example const i: Input = { type: "Input", name: "email", inputType: "email", required: true };
 */
export interface Input extends NodeBase {
  type: "Input";
  name: string;
  inputType?: "number" | "email" | "text" | "password" | "tel" | "url" | undefined;
  defaultValue?: string | undefined;
  required?: boolean | undefined;
  pattern?: string | undefined;
  placeholder?: string | undefined;
  allowAutofillExtensions?: boolean | undefined;
  autoSelect?: boolean | undefined;
  autoFocus?: boolean | undefined;
  disabled?: boolean | undefined;
  /** Threadkit extension: the message shown when the value is refused (native validation and the server's field check). */
  errorMessage?: string | undefined;
  variant?: InputVariant | undefined;
  size?: ControlSize | undefined;
  gutterSize?: GutterSize | undefined;
  pill?: boolean | undefined;
}

const textFieldShape = {
  name: z.string(),
  defaultValue: z.string().optional(),
  required: z.boolean().optional(),
  pattern: z.string().optional(),
  placeholder: z.string().optional(),
  allowAutofillExtensions: z.boolean().optional(),
  autoSelect: z.boolean().optional(),
  autoFocus: z.boolean().optional(),
  disabled: z.boolean().optional(),
  errorMessage: z.string().optional(),
  variant: InputVariant.optional(),
  size: ControlSize.optional(),
  gutterSize: GutterSize.optional(),
};

/** Schema of {@link Input}. */
export const Input = node<Input>("Input", {
  ...textFieldShape,
  inputType: z.enum(["number", "email", "text", "password", "tel", "url"]).optional(),
  pill: z.boolean().optional(),
});

/**
 * A multi-line text field; its value is collected under `name`.
 * @example const t: Textarea = { type: "Textarea", name: "notes", rows: 4, autoResize: true };
 */
export interface Textarea extends NodeBase {
  type: "Textarea";
  name: string;
  defaultValue?: string | undefined;
  required?: boolean | undefined;
  pattern?: string | undefined;
  placeholder?: string | undefined;
  allowAutofillExtensions?: boolean | undefined;
  autoSelect?: boolean | undefined;
  autoFocus?: boolean | undefined;
  disabled?: boolean | undefined;
  /** Threadkit extension: the message shown when the value is refused (native validation and the server's field check). */
  errorMessage?: string | undefined;
  variant?: InputVariant | undefined;
  size?: ControlSize | undefined;
  gutterSize?: GutterSize | undefined;
  rows?: number | undefined;
  autoResize?: boolean | undefined;
  maxRows?: number | undefined;
}
/** Schema of {@link Textarea}. */
export const Textarea = node<Textarea>("Textarea", {
  ...textFieldShape,
  rows: z.number().optional(),
  autoResize: z.boolean().optional(),
  maxRows: z.number().optional(),
});

/**
 * One option of a Select.
 * @example const o: SelectOption = { value: "blue", label: "Blue Line" };
 */
export const SelectOption = loose({
  value: z.string(),
  label: z.string(),
  disabled: z.boolean().optional(),
  description: z.string().optional(),
});
/** One option of a Select. */
export type SelectOption = z.infer<typeof SelectOption>;

/**
 * A drop-down; its value is collected under `name`.
 * @example
 * const s: Select = { type: "Select", name: "line", options: [{ value: "blue", label: "Blue" }] };
 */
export interface Select extends NodeBase {
  type: "Select";
  name: string;
  options: SelectOption[];
  onChangeAction?: ActionConfig | undefined;
  placeholder?: string | undefined;
  defaultValue?: string | undefined;
  variant?: ControlVariant | undefined;
  size?: ControlSize | undefined;
  pill?: boolean | undefined;
  block?: boolean | undefined;
  clearable?: boolean | undefined;
  disabled?: boolean | undefined;
  /** Threadkit extension: the message shown when the value is refused (native validation and the server's field check). */
  errorMessage?: string | undefined;
  /** Shows a search box (on by default above 15 options). */
  searchable?: boolean | undefined;
}
/** Schema of {@link Select}. */
export const Select = node<Select>("Select", {
  name: z.string(),
  options: z.array(SelectOption),
  onChangeAction: ActionProp.optional(),
  placeholder: z.string().optional(),
  defaultValue: z.string().optional(),
  variant: ControlVariant.optional(),
  size: ControlSize.optional(),
  pill: z.boolean().optional(),
  block: z.boolean().optional(),
  clearable: z.boolean().optional(),
  disabled: z.boolean().optional(),
  errorMessage: z.string().optional(),
  searchable: z.boolean().optional(),
});

/**
 * A checkbox; its value (a boolean) is collected under `name`.
 * @example const c: Checkbox = { type: "Checkbox", name: "done", label: "Done", defaultChecked: true };
 */
export interface Checkbox extends NodeBase {
  type: "Checkbox";
  name: string;
  label?: string | undefined;
  defaultChecked?: boolean | undefined;
  onChangeAction?: ActionConfig | undefined;
  disabled?: boolean | undefined;
  /** Threadkit extension: the message shown when the value is refused (native validation and the server's field check). */
  errorMessage?: string | undefined;
  required?: boolean | undefined;
}
/** Schema of {@link Checkbox}. */
export const Checkbox = node<Checkbox>("Checkbox", {
  name: z.string(),
  label: z.string().optional(),
  defaultChecked: z.boolean().optional(),
  onChangeAction: ActionProp.optional(),
  disabled: z.boolean().optional(),
  errorMessage: z.string().optional(),
  required: z.boolean().optional(),
});

/**
 * One option of a RadioGroup.
 * @example const o: RadioOption = { value: "veg", label: "Vegetarian" };
 */
export const RadioOption = loose({
  label: z.string(),
  value: z.string(),
  disabled: z.boolean().optional(),
});
/** One option of a RadioGroup. */
export type RadioOption = z.infer<typeof RadioOption>;

/**
 * A group of radio buttons; the chosen value is collected under `name`.
 * @example
 * const r: RadioGroup = { type: "RadioGroup", name: "meal", options: [{ value: "veg", label: "Veg" }] };
 */
export interface RadioGroup extends NodeBase {
  type: "RadioGroup";
  name: string;
  options?: RadioOption[] | undefined;
  /** Accessible name of the group; falls back to `name`. */
  ariaLabel?: string | undefined;
  onChangeAction?: ActionConfig | undefined;
  defaultValue?: string | undefined;
  direction?: Direction | undefined;
  disabled?: boolean | undefined;
  /** Threadkit extension: the message shown when the value is refused (native validation and the server's field check). */
  errorMessage?: string | undefined;
  required?: boolean | undefined;
}
/** Schema of {@link RadioGroup}. */
export const RadioGroup = node<RadioGroup>("RadioGroup", {
  name: z.string(),
  options: z.array(RadioOption).optional(),
  ariaLabel: z.string().optional(),
  onChangeAction: ActionProp.optional(),
  defaultValue: z.string().optional(),
  direction: Direction.optional(),
  disabled: z.boolean().optional(),
  errorMessage: z.string().optional(),
  required: z.boolean().optional(),
});

/**
 * A date picker; its value (an ISO date-time string) is collected under `name`.
 * @example const d: DatePicker = { type: "DatePicker", name: "due", min: "2025-01-01T00:00:00Z" };
 */
export interface DatePicker extends NodeBase {
  type: "DatePicker";
  name: string;
  onChangeAction?: ActionConfig | undefined;
  placeholder?: string | undefined;
  /**
   * ISO 8601 date-time (chatkit-python's `datetime`). Parsing also accepts a date
   * (`"2026-03-01"`), Unix time or a `Date`, and emits `"2026-03-01T00:00:00"` as Pydantic does.
   * The element shows the date part and submits `YYYY-MM-DD` under `name`.
   */
  defaultValue?: string | undefined;
  /** Earliest selectable date, as `defaultValue`. */
  min?: string | undefined;
  /** Latest selectable date, as `defaultValue`. */
  max?: string | undefined;
  variant?: ControlVariant | undefined;
  size?: ControlSize | undefined;
  side?: "top" | "bottom" | "left" | "right" | undefined;
  align?: "start" | "center" | "end" | undefined;
  pill?: boolean | undefined;
  block?: boolean | undefined;
  clearable?: boolean | undefined;
  disabled?: boolean | undefined;
  /** Threadkit extension: the message shown when the value is refused (native validation and the server's field check). */
  errorMessage?: string | undefined;
}
/** Schema of {@link DatePicker}. */
export const DatePicker = node<DatePicker>("DatePicker", {
  name: z.string(),
  onChangeAction: ActionProp.optional(),
  placeholder: z.string().optional(),
  defaultValue: DateTimeValue.optional(),
  min: DateTimeValue.optional(),
  max: DateTimeValue.optional(),
  variant: ControlVariant.optional(),
  size: ControlSize.optional(),
  side: z.enum(["top", "bottom", "left", "right"]).optional(),
  align: z.enum(["start", "center", "end"]).optional(),
  pill: z.boolean().optional(),
  block: z.boolean().optional(),
  clearable: z.boolean().optional(),
  disabled: z.boolean().optional(),
  errorMessage: z.string().optional(),
});
