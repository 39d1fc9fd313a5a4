/**
 * The render context every component renderer receives from `<tk-widget>`: how to render
 * children, how to run an action, and the per-widget UI state (busy controls, expanded lists,
 * remembered field values).
 */

import type { ActionSite } from "@threadkit/core";
import type { TemplateResult } from "lit";
import type { I18n } from "../i18n/index.js";
import type { FieldMemory } from "./field-memory.js";
import type { WNode } from "./node.js";

/** What a component renderer returns: a template, a string or nothing. */
export type Rendered = TemplateResult | string | typeof import("lit").nothing;

/**
 * Passed to every renderer. `path` strings identify nodes within the widget (they are built from
 * keys/ids where present, so they survive updates that reorder children).
 */
export interface RenderCtx {
  /** Renders one node at `path`. */
  render(node: WNode, path: string): unknown;
  /** Renders a node's children, keyed, under `path`. */
  children(node: WNode, path: string): unknown;
  /** Runs the action bound at `site` on the node at `path`; `origin` is the element acted on. */
  act(action: unknown, site: ActionSite, origin: Element, path: string): void;
  /** Whether the node at `path` shows its own ("self") loading state. */
  busy(path: string): boolean;
  /** Whether the list/card at `path` was expanded by the user ("Show more", collapsed cards). */
  expanded(path: string): boolean;
  /** Toggles {@link RenderCtx.expanded} for `path`. */
  toggle(path: string): void;
  /** The DOM id of the control named `name` (so a Label widget can point at it). */
  fieldId(name: string): string;
  /** Whether a Label widget names the field `name` (then the control needs no aria-label). */
  labelled(name: string): boolean;
  /** The message shown under the field `name` (a field error from the server), if any. */
  fieldError(name: string): string | undefined;
  /** Remembered defaults and typed values, keyed by field name. */
  memory: FieldMemory;
  /** Strings and number formats of the element's locale. */
  readonly i18n: I18n;
  /** Whether rendering happens inside a `<form>` (a nested Form renders as a group). */
  inForm: boolean;
}
