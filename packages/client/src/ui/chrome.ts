import { html, nothing, type TemplateResult } from "lit";
import type { HistoryModel } from "../history.js";
import type { ChatKitOptions, StartScreenPrompt } from "../types.js";
import { icon } from "./icons.js";

/** Inputs of {@link renderHeader}. */
export interface HeaderContext {
  options: ChatKitOptions;
  threadTitle: string | undefined;
  historyOpen: boolean;
  onNewThread(): void;
  onToggleHistory(): void;
}

/**
 * The header: optional left action, title (option text or the thread title), new-thread and
 * history buttons, optional right action.
 */
export function renderHeader(ctx: HeaderContext): TemplateResult | typeof nothing {
  const header = ctx.options.header ?? {};
  if (header.enabled === false) return nothing;
  const showTitle = header.title?.enabled !== false;
  const title = header.title?.text ?? ctx.threadTitle ?? "New chat";
  const historyOn = ctx.options.history?.enabled !== false;
  const action = (a: { icon: string; onClick: () => void } | undefined) =>
    a
      ? html`<button class="icon-btn" aria-label=${a.icon} title=${a.icon} @click=${() => a.onClick()}>
          ${icon(a.icon)}</button>`
      : nothing;
  // A plain box, not <header>: inside the host page's layout it is not the page's banner.
  return html`<div class="header">
    ${action(header.leftAction)}
    ${
      historyOn
        ? html`<button class="icon-btn" aria-label="History" title="History"
            aria-expanded=${ctx.historyOpen} aria-controls="tk-history"
            @click=${ctx.onToggleHistory}>${icon("history")}</button>`
        : nothing
    }
    <h2 class="title">${showTitle ? title : ""}</h2>
    <button class="icon-btn" aria-label="New chat" title="New chat" @click=${ctx.onNewThread}>
      ${icon("compose")}</button>
    ${action(header.rightAction)}
  </div>`;
}

/** Inputs of {@link renderHistory}. */
export interface HistoryContext {
  options: ChatKitOptions;
  model: HistoryModel;
  currentId: string | null;
  renaming: string | null;
  onSelect(id: string): void;
  onClose(): void;
  onStartRename(id: string | null): void;
  onRename(id: string, title: string): void;
  onDelete(id: string): void;
}

/** A thread's date in the locale's short form with the weekday ("Mon 3 Dec", "Mon, Dec 3"). */
function shortDate(date: string, locale: string | undefined): string {
  const d = new Date(date);
  if (Number.isNaN(d.getTime())) return "";
  return d.toLocaleDateString(locale, { weekday: "short", day: "numeric", month: "short" });
}

/** The history panel: a keyboard-navigable list of threads with rename and delete. */
export function renderHistory(ctx: HistoryContext): TemplateResult {
  const h = ctx.options.history ?? {};
  const { model } = ctx;
  const onKey = (e: KeyboardEvent) => {
    if (e.key === "Escape") {
      e.stopPropagation();
      ctx.onClose();
    }
  };
  return html`<aside id="tk-history" class="history" aria-label="Chat history" @keydown=${onKey}>
    <div class="history-head">
      <h3>History</h3>
      <button class="icon-btn sm" aria-label="Close history" @click=${ctx.onClose}>${icon("close", 16)}</button>
    </div>
    <ul class="history-list" role="list">
      ${model.threads.map((t) => {
        const title = t.title || "Untitled chat";
        if (ctx.renaming === t.id)
          return html`<li class="history-row editing">
            <form @submit=${(e: Event) => {
              e.preventDefault();
              const input = (e.target as HTMLFormElement).elements.namedItem(
                "title",
              ) as HTMLInputElement;
              ctx.onRename(t.id, input.value.trim() || title);
            }}>
              <input name="title" aria-label="Thread title" .value=${t.title ?? ""} autofocus
                @keydown=${(e: KeyboardEvent) => e.key === "Escape" && ctx.onStartRename(null)} />
              <button class="icon-btn sm" type="submit" aria-label="Save title">${icon("check", 16)}</button>
            </form>
          </li>`;
        return html`<li class="history-row ${t.id === ctx.currentId ? "current" : ""}">
          <button class="history-open" aria-current=${t.id === ctx.currentId ? "true" : "false"}
            @click=${() => ctx.onSelect(t.id)}>
            <span class="history-title">${title}</span>
            <span class="history-date">${shortDate(t.created_at, ctx.options.locale)}</span>
          </button>
          ${
            h.showRename !== false
              ? html`<button class="icon-btn sm" aria-label=${`Rename ${title}`} title="Rename"
                  @click=${() => ctx.onStartRename(t.id)}>${icon("pencil", 15)}</button>`
              : nothing
          }
          ${
            h.showDelete !== false
              ? html`<button class="icon-btn sm danger" aria-label=${`Delete ${title}`} title="Delete"
                  @click=${() => ctx.onDelete(t.id)}>${icon("trash", 15)}</button>`
              : nothing
          }
        </li>`;
      })}
    </ul>
    ${model.loading ? html`<div class="history-note" role="status">Loading…</div>` : nothing}
    ${model.error ? html`<div class="history-note error" role="alert">${model.error}</div>` : nothing}
    ${
      !model.loading && !model.error && model.threads.length === 0
        ? html`<div class="history-note">No conversations yet</div>`
        : nothing
    }
    ${
      model.hasMore && !model.loading
        ? html`<button class="text-btn" @click=${() => model.more()}>Load more</button>`
        : nothing
    }
  </aside>`;
}

/** The start screen: greeting and prompt chips. */
export function renderStartScreen(
  options: ChatKitOptions,
  onPrompt: (prompt: StartScreenPrompt) => void,
): TemplateResult {
  const s = options.startScreen ?? {};
  return html`<div class="start">
    <h1 class="greeting">${s.greeting ?? "What can I help with today?"}</h1>
    ${
      s.prompts?.length
        ? html`<ul class="prompts">${s.prompts.map(
            (p) => html`<li><button class="prompt" @click=${() => onPrompt(p)}>
              ${p.icon ? icon(p.icon, 16) : nothing}<span>${p.label}</span></button></li>`,
          )}</ul>`
        : nothing
    }
  </div>`;
}
