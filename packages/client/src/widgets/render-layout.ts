/**
 * Renderers for roots and layout: Card (status, body, confirm/cancel footer, collapsed, asForm),
 * ListView (limit + "Show more"), ListViewItem (clickable row), Basic, Box/Row/Col, Form and
 * Transition.
 */
import { formSubmission, opensForm } from "@threadkit/core";
import { html, nothing } from "lit";
import { classMap } from "lit/directives/class-map.js";
import { styleMap } from "lit/directives/style-map.js";
import type { RenderCtx } from "./context.js";
import { formHandlers } from "./form-events.js";
import { icon } from "./icons.js";
import { borderStyles, boxStyles, spacingStyles } from "./layout.js";
import { childNodes, num, obj, str, type WNode } from "./node.js";
import { isSafeImageSrc } from "./render-text.js";
import { backgroundColor, spacing } from "./tokens.js";

const spinner = html`<span class="spinner" aria-hidden="true"></span>`;

function themeClass(node: WNode) {
  return { "theme-light": node.theme === "light", "theme-dark": node.theme === "dark" };
}

function inForm(ctx: RenderCtx): RenderCtx {
  return Object.assign(Object.create(ctx) as RenderCtx, { inForm: true });
}

/** The status line of a Card or ListView: `{text, icon?}` or `{text, favicon?, frame?}`. */
export function renderStatus(node: WNode) {
  const status = obj(node.status);
  const text = str(status?.text);
  if (!status || !text) return nothing;
  const favicon = str(status.favicon);
  const glyph = str(status.icon);
  return html`<div class="status">
    ${favicon && isSafeImageSrc(favicon) ? html`<img src=${favicon} alt="" class=${status.frame === true ? "frame" : ""} />` : nothing}
    ${glyph ? icon(glyph, "icon size-sm") : nothing}
    <span>${text}</span>
  </div>`;
}

/** `Box`, `Row`, `Col`: flex containers. Rows center their items unless `align` says otherwise. */
export function renderBox(node: WNode, ctx: RenderCtx, path: string) {
  const dir = node.type === "Row" ? "row" : "col";
  const styles = boxStyles(node, dir);
  if (node.type === "Row" && node.align === undefined) styles["align-items"] = "center";
  if (node.type === "Row" && node.gap === undefined) styles.gap = spacing(2);
  return html`<div class=${classMap({ box: true, row: styles["flex-direction"] === "row" })} style=${styleMap(styles)}>${ctx.children(node, path)}</div>`;
}

/** `Form`: a native `<form>` whose fields go into every action inside it. */
export function renderForm(node: WNode, ctx: RenderCtx, path: string) {
  const styles = boxStyles(node, "col");
  if (node.gap === undefined) styles.gap = spacing(3);
  if (!opensForm(node, ctx.inForm)) {
    return html`<div class="form" role="group" style=${styleMap(styles)}>${ctx.children(node, path)}</div>`;
  }
  const submission = formSubmission(node);
  const h = formHandlers(ctx, submission.action, submission.site, path);
  return html`<form
    class="form"
    style=${styleMap(styles)}
    data-path=${path}
    @submit=${h.submit}
    @keydown=${h.keydown}
    @invalid=${h.invalid}
  >${inForm(ctx).children(node, path)}</form>`;
}

function cardAction(value: unknown): { label: string; action: unknown } | undefined {
  const o = obj(value);
  if (!o) return undefined;
  return { label: str(o.label) ?? "OK", action: o.action };
}

function cardFooter(node: WNode, ctx: RenderCtx, path: string, asForm: boolean) {
  const confirm = cardAction(node.confirm);
  const cancel = cardAction(node.cancel);
  if (!confirm && !cancel) return nothing;
  const cancelPath = `${path}/cancel`;
  const confirmPath = `${path}/confirm`;
  const cancelBusy = ctx.busy(cancelPath);
  const confirmBusy = ctx.busy(confirmPath);
  return html`<div class="card-footer">
    ${
      cancel
        ? html`<button
          type="button"
          class="btn c-secondary v-outline"
          data-role="cancel"
          ?disabled=${cancelBusy}
          aria-busy=${cancelBusy ? "true" : nothing}
          @click=${(e: Event) => ctx.act(cancel.action, "cancel", e.currentTarget as Element, cancelPath)}
        >${cancelBusy ? spinner : nothing}<span>${cancel.label}</span></button>`
        : nothing
    }
    ${
      confirm
        ? html`<button
          type=${asForm ? "submit" : "button"}
          class="btn c-primary v-solid"
          data-role="confirm"
          data-path=${confirmPath}
          ?disabled=${confirmBusy}
          aria-busy=${confirmBusy ? "true" : nothing}
          @click=${(e: Event) => {
            if (!asForm)
              ctx.act(confirm.action, "confirm", e.currentTarget as Element, confirmPath);
          }}
        >${confirmBusy ? spinner : nothing}<span>${confirm.label}</span></button>`
        : nothing
    }
  </div>`;
}

/** `Card`: the bordered root. `asForm` wraps it in a `<form>` submitted by the confirm button. */
export function renderCard(node: WNode, ctx: RenderCtx, path: string) {
  const asForm = opensForm(node, ctx.inForm);
  const inner = asForm ? inForm(ctx) : ctx;
  const size = str(node.size) ?? "md";
  const collapsed = node.collapsed === true && !ctx.expanded(path);
  const bodyStyle = styleMap({ ...spacingStyles("padding", node.padding) });
  const body = collapsed
    ? html`<div class="card-body">
        <button type="button" class="btn c-secondary v-ghost s-sm collapse-toggle" aria-expanded="false" @click=${() => ctx.toggle(path)}>
          ${icon("chevron-right", "icon")}<span>${ctx.i18n.t("showDetails")}</span>
        </button>
      </div>`
    : html`<div class="card-body" style=${bodyStyle}>${inner.children(node, path)}</div>
        ${cardFooter(node, inner, path, asForm)}`;
  const content = html`${renderStatus(node)}${body}`;
  const cardStyle = styleMap({
    background: backgroundColor(node.background),
    ...borderStyles(node.border),
  });
  const classes = classMap({ card: true, [`size-${size}`]: true, ...themeClass(node) });
  if (!asForm) return html`<div class=${classes} style=${cardStyle}>${content}</div>`;
  const submission = formSubmission(node);
  const h = formHandlers(ctx, submission.action, submission.site, `${path}/confirm`);
  return html`<div class=${classes} style=${cardStyle}>
    <form class="card-form" data-path=${path} @submit=${h.submit} @keydown=${h.keydown} @invalid=${h.invalid}>${content}</form>
  </div>`;
}

const AUTO_LIMIT = 5;

/** `ListView`: a list of ListViewItems, cut at `limit` with a "Show more" button. */
export function renderListView(node: WNode, ctx: RenderCtx, path: string) {
  const items = childNodes(node);
  const limit = node.limit === "auto" ? AUTO_LIMIT : num(node.limit);
  const cut = limit !== undefined && limit >= 0 && items.length > limit && !ctx.expanded(path);
  const shown = cut ? { ...node, children: items.slice(0, limit) } : node;
  return html`<div class=${classMap({ listview: true, ...themeClass(node) })}>
    ${renderStatus(node)}
    <div class="listview-items card" role="list">${ctx.children(shown, path)}</div>
    ${
      cut
        ? html`<button type="button" class="btn c-secondary v-ghost s-sm show-more" @click=${() => ctx.toggle(path)}>
          ${ctx.i18n.t("showMore", { count: ctx.i18n.formatNumber(items.length - (limit ?? 0)) })}
        </button>`
        : nothing
    }
  </div>`;
}

/** `ListViewItem`: a row; with `onClickAction` it is a keyboard-operable button (Enter/Space). */
export function renderListViewItem(node: WNode, ctx: RenderCtx, path: string) {
  const styles = boxStyles({ ...node, direction: "row" }, "row");
  if (node.align === undefined) styles["align-items"] = "center";
  const action = node.onClickAction;
  if (!action) {
    return html`<div role="listitem" class="lvi" style=${styleMap(styles)}>${ctx.children(node, path)}</div>`;
  }
  const busy = ctx.busy(path);
  const run = (e: Event) => ctx.act(action, "listItem", e.currentTarget as Element, path);
  const key = (e: KeyboardEvent) => {
    if (e.target !== e.currentTarget) return;
    if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      run(e);
    }
  };
  return html`<div role="listitem" class="lvi-wrap">
    <div
      class="lvi clickable"
      role="button"
      tabindex="0"
      data-path=${path}
      style=${styleMap(styles)}
      aria-busy=${busy ? "true" : nothing}
      aria-disabled=${busy ? "true" : nothing}
      @click=${run}
      @keydown=${key}
    >${ctx.children(node, path)}${busy ? spinner : nothing}</div>
  </div>`;
}

/** `Basic`: a chrome-less root (entity previews). */
export function renderBasic(node: WNode, ctx: RenderCtx, path: string) {
  return html`<div class=${classMap({ basic: true, ...themeClass(node) })} style=${styleMap(boxStyles(node, "col"))}>${ctx.children(node, path)}</div>`;
}

/** `Transition` and unknown types: render the children (if any) without a wrapper of their own. */
export function renderPassThrough(node: WNode, ctx: RenderCtx, path: string) {
  return childNodes(node).length ? ctx.children(node, path) : nothing;
}
