/** What an interaction reports, and how controls are found. */
import type { ActionConfig, FieldRule, Loading } from "@threadkit/core";

/** The native validation failure that blocked a submission: the first invalid field. */
export interface Blocked {
  /** The field's name (its `name`, or `editable.name` of a Text). */
  name: string;
  /** The HTML validity rule that failed (`step` only for a non-whole number in a number Input). */
  rule: FieldRule;
  /** The field's `errorMessage`, else a message like the one the browser shows. */
  message: string;
}

/** What the element would do for one interaction. */
export interface InteractionResult {
  /** The action it would send (the first one when a click sends several), with form values merged. */
  action?: ActionConfig;
  /** Every action it would send, in order (a Button inside a clickable ListViewItem sends both). */
  actions: ActionConfig[];
  /** The native validation failure that blocks a submission (then nothing is sent). */
  blocked?: Blocked;
  /** What it reports as `chatkit.error`: bad field names and payload collisions. */
  errors: Error[];
  /** The loading state the (first) action shows: `auto` resolved by where it is bound. */
  loading: Loading;
}

/** Roles a control can be found by (as a browser's accessibility tree names them). */
export type Role =
  | "button"
  | "textbox"
  | "spinbutton"
  | "combobox"
  | "checkbox"
  | "radio"
  | "group"
  | "radiogroup";

/** How a text query matches: exactly (after collapsing whitespace), else case-insensitively as a substring. */
export interface MatchOptions {
  /** Only exact matches (after collapsing whitespace). */
  exact?: boolean;
}
