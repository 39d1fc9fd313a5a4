import { html, nothing, type TemplateResult } from "lit";
import type { HistoryModel } from "../history.js";
import type { I18n } from "../i18n/index.js";
import type { ChatKitOptions, StartScreenPrompt } from "../types.js";
import { icon } from "./icons.js";

/** Inputs of {@link renderHeader}. */
export interface HeaderContext {
  options: ChatKitOptions;
  i18n: I18n;
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
  const { t } = ctx.i18n;
  if (header.enabled === false) return nothing;
  const showTitle = header.title?.enabled !== false;
  const title = header.title?.text ?? ctx.threadTitle ?? t("newChat");
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
        ? html`<button class="icon-btn" aria-label=${t("history")} title=${t("history")}
            aria-expanded=${ctx.historyOpen} aria-controls="tk-history"
            @click=${ctx.onToggleHistory}>${icon("history")}</button>`
        : nothing
    }
    <h2 class="title" dir="auto">${showTitle ? title : ""}</h2>
    <button class="icon-btn" aria-label=${t("newChat")} title=${t("newChat")} @click=${ctx.onNewThread}>
      ${icon("compose")}</button>
    ${action(header.rightAction)}
  </div>`;
}

/** Inputs of {@link renderHistory}. */
export interface HistoryContext {
  options: ChatKitOptions;
  i18n: I18n;
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
const THREAD_DATE: Intl.DateTimeFormatOptions = {
  weekday: "short",
  day: "numeric",
  month: "short",
};

/** The history panel: a keyboard-navigable list of threads with rename and delete. */
export function renderHistory(ctx: HistoryContext): TemplateResult {
  const h = ctx.options.history ?? {};
  const { model } = ctx;
  const { t } = ctx.i18n;
  const onKey = (e: KeyboardEvent) => {
    if (e.key === "Escape") {
      e.stopPropagation();
      ctx.onClose();
    }
  };
  return html`<aside id="tk-history" class="history" aria-label=${t("chatHistory")} @keydown=${onKey}>
    <div class="history-head">
      <h3>${t("history")}</h3>
      <button class="icon-btn sm" aria-label=${t("closeHistory")} @click=${ctx.onClose}>${icon("close", 16)}</button>
    </div>
    <ul class="history-list" role="list">
      ${model.threads.map((thread) => {
        const title = thread.title || t("untitledChat");
        if (ctx.renaming === thread.id)
          return html`<li class="history-row editing">
            <form @submit=${(e: Event) => {
              e.preventDefault();
              const input = (e.target as HTMLFormElement).elements.namedItem(
                "title",
              ) as HTMLInputElement;
              ctx.onRename(thread.id, input.value.trim() || title);
            }}>
              <input name="title" aria-label=${t("threadTitle")} dir="auto" .value=${thread.title ?? ""} autofocus
                @keydown=${(e: KeyboardEvent) => e.key === "Escape" && ctx.onStartRename(null)} />
              <button class="icon-btn sm" type="submit" aria-label=${t("saveTitle")}>${icon("check", 16)}</button>
            </form>
          </li>`;
        return html`<li class="history-row ${thread.id === ctx.currentId ? "current" : ""}">
          <button class="history-open" aria-current=${thread.id === ctx.currentId ? "true" : "false"}
            @click=${() => ctx.onSelect(thread.id)}>
            <span class="history-title" dir="auto">${title}</span>
            <span class="history-date">${ctx.i18n.formatDate(thread.created_at, THREAD_DATE)}</span>
          </button>
          ${
            h.showRename !== false
              ? html`<button class="icon-btn sm" aria-label=${t("renameThread", { title })} title=${t("rename")}
                  @click=${() => ctx.onStartRename(thread.id)}>${icon("pencil", 15)}</button>`
              : nothing
          }
          ${
            h.showDelete !== false
              ? html`<button class="icon-btn sm danger" aria-label=${t("deleteThread", { title })} title=${t("delete")}
                  @click=${() => ctx.onDelete(thread.id)}>${icon("trash", 15)}</button>`
              : nothing
          }
        </li>`;
      })}
    </ul>
    ${model.loading ? html`<div class="history-note" role="status">${t("loading")}</div>` : nothing}
    ${model.error ? html`<div class="history-note error" role="alert">${model.error}</div>` : nothing}
    ${
      !model.loading && !model.error && model.threads.length === 0
        ? html`<div class="history-note">${t("noConversations")}</div>`
        : nothing
    }
    ${
      model.hasMore && !model.loading
        ? html`<button class="text-btn" @click=${() => model.more()}>${t("loadMore")}</button>`
        : nothing
    }
  </aside>`;
}

/** The start screen: greeting and prompt chips. */
export function renderStartScreen(
  options: ChatKitOptions,
  i18n: I18n,
  onPrompt: (prompt: StartScreenPrompt) => void,
): TemplateResult {
  const s = options.startScreen ?? {};
  return html`<div class="start">
    <h1 class="greeting" dir="auto">${s.greeting ?? i18n.t("greeting")}</h1>
    ${
      s.prompts?.length
        ? html`<ul class="prompts">${s.prompts.map(
            (p) => html`<li><button class="prompt" @click=${() => onPrompt(p)}>
              ${p.icon ? icon(p.icon, 16) : nothing}<span dir="auto">${p.label}</span></button></li>`,
          )}</ul>`
        : nothing
    }
  </div>`;
}
