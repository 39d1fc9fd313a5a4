/**
 * `entities.onRequestPreview`: hovering or focusing a tag in a sent message asks the host for a
 * preview widget (a `Basic` root) and shows it in a card under the tag until the pointer or focus
 * leaves. Answers are kept per entity id, so a tag asks once.
 */
import type { BasicRoot, WidgetItem } from "@threadkit/core";
import { css, html, nothing, type TemplateResult } from "lit";
import type { Entity } from "../types.js";
import type { WidgetHost } from "../widgets/host.js";

/** What the preview needs from the element. */
export interface EntityPreviewHost {
  request(entity: Entity): Promise<{ preview: BasicRoot | null }>;
  update(): void;
  reportError(error: unknown): void;
}

/**
 * The preview card's state: which entity, where (relative to `container`), and its widget.
 *
 * @example
 * ```ts
 * const preview = new EntityPreview(host);
 * tag.addEventListener("mouseenter", (e) => preview.show(entity, e.currentTarget, root));
 * ```
 */
export class EntityPreview {
  readonly #host: EntityPreviewHost;
  readonly #cache = new Map<string, BasicRoot | null>();
  #entity: Entity | null = null;
  #widget: BasicRoot | null = null;
  #at = { top: 0, start: 0 };

  constructor(host: EntityPreviewHost) {
    this.#host = host;
  }

  /** Shows `entity`'s preview under `anchor` (positions are relative to `container`). */
  async show(entity: Entity, anchor: Element, container: Element): Promise<void> {
    const a = anchor.getBoundingClientRect();
    const c = container.getBoundingClientRect();
    const rtl = getComputedStyle(container).direction === "rtl";
    this.#at = { top: a.bottom - c.top + 6, start: rtl ? c.right - a.right : a.left - c.left };
    this.#entity = entity;
    let widget = this.#cache.get(entity.id);
    if (widget === undefined) {
      try {
        widget = (await this.#host.request(entity)).preview ?? null;
      } catch (error) {
        this.#host.reportError(error);
        widget = null;
      }
      this.#cache.set(entity.id, widget);
    }
    if (this.#entity?.id !== entity.id) return; // the pointer moved on meanwhile
    this.#widget = widget;
    this.#host.update();
  }

  hide(): void {
    if (!this.#entity) return;
    this.#entity = null;
    this.#widget = null;
    this.#host.update();
  }

  /** The card, or `nothing`. */
  render(widgets: WidgetHost): TemplateResult | typeof nothing {
    if (!this.#entity || !this.#widget) return nothing;
    const item: WidgetItem = {
      type: "widget",
      id: `preview_${this.#entity.id}`,
      thread_id: "",
      created_at: new Date(0).toISOString(),
      widget: this.#widget,
    } as WidgetItem;
    return html`<div class="entity-preview" role="tooltip" id="tk-entity-preview"
      style="top:${this.#at.top}px;inset-inline-start:${this.#at.start}px">
      <tk-widget .item=${item} .host=${widgets}></tk-widget>
    </div>`;
  }
}

/** Styles of the preview card. */
export const entityPreviewStyles = css`
  .entity-preview {
    position: absolute; z-index: 5; width: min(320px, 80%); padding: 4px; border-radius: 14px;
    background: var(--tk-bg); border: 1px solid var(--tk-border); box-shadow: 0 8px 28px rgba(0, 0, 0, 0.14);
    pointer-events: none;
  }
`;
