import {
  type ActionConfig,
  type ActionSite,
  formAction,
  resolveLoading,
  type WidgetItem,
} from "@threadkit/core";
import { html, LitElement, nothing, type PropertyValues } from "lit";
import { repeat } from "lit/directives/repeat.js";
import { createI18n } from "../i18n/index.js";
import { loadMarkdown, markdownReady } from "../markdown-lazy.js";
import type { RenderCtx } from "./context.js";
import { applyErrorMessages, syncErrorMessage } from "./field-errors.js";
import { FieldMemory } from "./field-memory.js";
import { restoreFocus, snapshotFocus } from "./focus-after-action.js";
import { syncTextareaPattern } from "./form-events.js";
import { collectFields, formControls } from "./form-values.js";
import type { WidgetHost } from "./host.js";
import { asNode, childNodes, nodeKey, obj, type WNode } from "./node.js";
import { labelledFields, renderNode } from "./render.js";
import { baseStyles } from "./styles-base.js";
import { controlStyles } from "./styles-controls.js";
import { textStyles } from "./styles-text.js";

let instances = 0;

function asAction(value: unknown): ActionConfig | undefined {
  const o = obj(value);
  return o && typeof o.type === "string" ? (o as ActionConfig) : undefined;
}

/**
 * `<tk-widget>`: renders one widget thread item and sends its actions through `host`, with form
 * values merged into their payloads, native validation, and the loading state each action's
 * `loadingBehavior` asks for. What the user typed survives `item` updates.
 *
 * @example
 * ```ts
 * const el = document.createElement("tk-widget");
 * el.item = widgetItem;
 * el.host = { performAction: async (action) => send(action), reportError: console.error };
 * document.body.append(el);
 * ```
 */
export class WidgetView extends LitElement {
  static override properties = {
    item: { attribute: false },
    host: { attribute: false },
  };
  static override styles = [baseStyles, textStyles, controlStyles];

  /** The widget thread item to render. */
  declare item: WidgetItem | undefined;
  /** Where actions and errors go. */
  declare host: WidgetHost | undefined;

  readonly #uid = `tkw${++instances}`;

  override connectedCallback(): void {
    super.connectedCallback();
    // Markdown nodes shown before the split bundle's Markdown engine loaded render again with it.
    if (!markdownReady())
      loadMarkdown().then(
        () => this.requestUpdate(),
        () => {},
      );
  }
  readonly #memory = new FieldMemory();
  readonly #selfBusy = new Set<string>();
  readonly #inFlight = new Set<string>();
  readonly #expanded = new Set<string>();
  /** Field errors from the server, by field name, until the field changes. */
  readonly #fieldErrors = new Map<string, string>();
  /** Set when new field errors arrived: the first invalid field gets focus after rendering. */
  #focusError = false;
  #containerBusy = 0;
  #labelled = new Set<string>();
  #itemId: string | undefined;
  #focusedFor: string | undefined;

  readonly #ctx: RenderCtx = (() => {
    const view = this;
    const fallback = createI18n("en");
    return {
      get i18n() {
        return view.host?.i18n ?? fallback;
      },
      inForm: false,
      memory: this.#memory,
      render(node: WNode, path: string) {
        return renderNode(node, this, path);
      },
      children(node: WNode, path: string) {
        const kids = childNodes(node);
        const seen = new Set<string>();
        const keys = kids.map((c, i) => {
          let k = nodeKey(c, i);
          if (seen.has(k)) k = `${k}#${i}`;
          seen.add(k);
          return k;
        });
        return repeat(
          kids,
          (_c, i) => keys[i],
          (c, i) => this.render(c, `${path}/${keys[i]}`),
        );
      },
      act: (action, site, origin, path) => void view.#act(action, site, origin, path),
      busy: (path) => view.#selfBusy.has(path),
      expanded: (path) => view.#expanded.has(path),
      toggle: (path) => {
        if (!view.#expanded.delete(path)) view.#expanded.add(path);
        view.requestUpdate();
      },
      fieldId: (name) => `${view.#uid}-${name.replace(/[^\w-]/g, "_")}`,
      labelled: (name) => view.#labelled.has(name),
      fieldError: (name) => view.#fieldErrors.get(name),
    };
  })();

  override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has("item")) return;
    const id = this.item?.id;
    if (id !== this.#itemId) {
      this.#itemId = id;
      this.#memory.clear();
      this.#expanded.clear();
      this.#fieldErrors.clear();
    }
    this.#labelled = labelledFields(this.item?.widget);
  }

  override updated(changed: PropertyValues<this>): void {
    const root = this.renderRoot;
    const live = new Set<string>();
    for (const c of root.querySelectorAll<HTMLInputElement>(
      "input[name], select[name], textarea[name]",
    )) {
      live.add(c.name);
    }
    this.#memory.retain(live);
    for (const t of root.querySelectorAll<HTMLTextAreaElement>("textarea[data-pattern]")) {
      syncTextareaPattern(t);
    }
    applyErrorMessages(root);
    if (this.#focusError) {
      this.#focusError = false;
      root
        .querySelector<HTMLElement>(
          '[aria-invalid="true"]:is(input, select, textarea), fieldset[aria-invalid="true"] input:not(:disabled)',
        )
        ?.focus();
    }
    if (changed.has("item") && this.item && this.#focusedFor !== this.item.id) {
      this.#focusedFor = this.item.id;
      root.querySelector<HTMLElement>("[autofocus]")?.focus({ preventScroll: true });
    }
  }

  #onInput = (e: Event) => {
    const target = e.target;
    this.#memory.remember(target);
    const name = (target as { name?: unknown } | null)?.name;
    if (typeof name === "string" && this.#fieldErrors.delete(name)) this.requestUpdate();
    if (target instanceof HTMLTextAreaElement) syncTextareaPattern(target);
    if (target instanceof Element) syncErrorMessage(target);
  };

  async #act(raw: unknown, site: ActionSite, origin: Element, path: string): Promise<void> {
    const action = asAction(raw);
    const host = this.host;
    const item = this.item;
    if (!action || !host || !item) return;
    if (this.#inFlight.has(path) || this.#containerBusy > 0) return;
    const form = origin.closest("form");
    let sent: ActionConfig = action;
    if (form) {
      // Core's rule (shared with @threadkit/testing): bad names and collisions are reported.
      const built = formAction(action, collectFields(formControls(form)));
      for (const error of built.errors) host.reportError(error);
      sent = built.action;
    }
    const focus = snapshotFocus(this.renderRoot as ShadowRoot, origin, path);
    const loading = resolveLoading(action.loadingBehavior, site);
    if (loading !== "none") this.#inFlight.add(path);
    if (loading === "self") this.#selfBusy.add(path);
    if (loading === "container") this.#containerBusy++;
    this.requestUpdate();
    try {
      const outcome = await host.performAction(sent, item);
      if (outcome?.fieldErrors) this.#showFieldErrors(outcome.fieldErrors);
    } catch {
      // The host surfaces failures itself (chatkit.error); the widget only restores its controls.
    } finally {
      this.#inFlight.delete(path);
      this.#selfBusy.delete(path);
      if (loading === "container") this.#containerBusy--;
      this.requestUpdate();
    }
    await this.updateComplete;
    restoreFocus(this.renderRoot as ShadowRoot, focus);
  }

  /** Shows `errors` under their fields (replacing earlier ones) and focuses the first. */
  #showFieldErrors(errors: Record<string, string>): void {
    this.#fieldErrors.clear();
    for (const [name, message] of Object.entries(errors)) {
      if (typeof message === "string") this.#fieldErrors.set(name, message);
    }
    this.#focusError = this.#fieldErrors.size > 0;
    this.requestUpdate();
  }

  override render() {
    const root = asNode(this.item?.widget);
    if (!root) return nothing;
    const busy = this.#containerBusy > 0;
    return html`<div
      class="root"
      data-loading=${busy ? "container" : nothing}
      aria-busy=${busy ? "true" : nothing}
      ?inert=${busy}
      @input=${this.#onInput}
      @change=${this.#onInput}
    >${this.#ctx.render(root, "root")}</div>`;
  }
}

if (!customElements.get("tk-widget")) customElements.define("tk-widget", WidgetView);

declare global {
  interface HTMLElementTagNameMap {
    "tk-widget": WidgetView;
  }
}
