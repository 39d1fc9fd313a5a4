import type { ActionConfig, WidgetItem } from "@threadkit/core";
import type { I18n } from "../i18n/index.js";

/** What an action's round trip told the widget, besides the stream's own updates. */
export interface ActionOutcome {
  /** Messages per field name the server refused (`threadkit.field_errors`, or a sync 422). */
  fieldErrors?: Record<string, string>;
}

/**
 * What a rendered widget needs from the chat element around it. `<threadkit-chat>` passes one
 * to every `<tk-widget>`; tests pass a fake that records calls.
 *
 * @example
 * ```ts
 * const host: WidgetHost = {
 *   performAction: async (action, item) => console.log(action.type, item.id),
 *   reportError: (error) => console.error(error),
 * };
 * ```
 */
export interface WidgetHost {
  /** Sends an action the way the element does: handler "client" -> widgets.onAction; streaming
   *  false -> threads.sync_custom_action; else threads.custom_action (rejects with an Error when a
   *  response is already streaming). Resolves when the action's work has ended, with the field
   *  errors the server sent for it. */
  performAction(action: ActionConfig, item: WidgetItem): Promise<ActionOutcome | undefined>;
  /** Emits chatkit.error on the element (e.g. a form field name collides with a payload key). */
  reportError(error: Error): void;
  /** Strings and number formats of the element's locale (English when absent). */
  i18n?: I18n;
}
