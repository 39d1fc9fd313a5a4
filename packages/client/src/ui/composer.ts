import { html, nothing, type TemplateResult } from "lit";
import { unsafeHTML } from "lit/directives/unsafe-html.js";
import { acceptAttribute, type ComposerAttachment } from "../attachments.js";
import type { I18n } from "../i18n/index.js";
import { markdownHtml } from "../markdown-lazy.js";
import type { ThreadState } from "../state.js";
import type { ChatKitOptions } from "../types.js";
import { icon } from "./icons.js";

/** Inputs of {@link renderComposer}. */
export interface ComposerContext {
  options: ChatKitOptions;
  i18n: I18n;
  state: ThreadState;
  text: string;
  reply: string | null;
  attachments: ComposerAttachment[];
  responding: boolean;
  selectedToolId: string | null;
  onInput(text: string): void;
  onSubmit(): void;
  onStop(): void;
  onFiles(files: File[]): void;
  onRemoveAttachment(key: string): void;
  onClearReply(): void;
  onTool(id: string | null): void;
  /** The `@` button (`entities.showComposerMenu` with `onTagSearch`): starts a mention. */
  onMention?(): void;
  /** The microphone button's state (`composer.dictation`) and its toggle. */
  dictation?: { state: "idle" | "recording" | "transcribing"; onToggle(): void };
  /** The model that will be sent (from `composer.models`). */
  modelId?: string | undefined;
  onModel?(id: string): void;
  /** A popup rendered above the textarea (the `/` command menu), and its listbox id. */
  menu?: { template: unknown; listId: string; activeId: string | undefined; open: boolean };
  /** The text or caret moved (typing, clicks, arrow keys): `el` is the textarea. */
  onCaret?(el: HTMLTextAreaElement): void;
  /** A key pressed in the textarea, before the composer's own handling; true when used. */
  onMenuKey?(e: KeyboardEvent): boolean;
}

function autoGrow(el: HTMLTextAreaElement): void {
  el.style.height = "auto";
  el.style.height = `${Math.min(el.scrollHeight, 200)}px`;
}

/**
 * The composer: auto-growing textarea (Enter sends, Shift+Enter adds a newline), attachment
 * button and chips, tool chips, and a send button that turns into Stop while streaming.
 */
export function renderComposer(ctx: ComposerContext): TemplateResult {
  const { options, state } = ctx;
  const { t } = ctx.i18n;
  const status = state.thread?.status;
  const disclaimer = options.disclaimer;
  const disclaimerHtml = disclaimer
    ? html`<div class="disclaimer ${disclaimer.highContrast ? "hc" : ""}">${unsafeHTML(markdownHtml(disclaimer.text))}</div>`
    : nothing;
  if (status?.type === "closed")
    return html`<div class="composer-closed" role="status">${status.reason ?? t("conversationClosed")}</div>${disclaimerHtml}`;
  const locked = status?.type === "locked";
  const tool = options.composer?.tools?.find((t) => t.id === ctx.selectedToolId);
  const placeholder = locked
    ? (status.reason ?? t("conversationLocked"))
    : (tool?.placeholderOverride ?? options.composer?.placeholder ?? t("composerPlaceholder"));
  const attach = options.composer?.attachments;
  const uploading = ctx.attachments.some((a) => a.status === "uploading");
  const canSend =
    !locked &&
    !uploading &&
    (ctx.text.trim().length > 0 || ctx.attachments.some((a) => a.status === "ready"));
  const showStop = ctx.responding && state.allowCancel;
  const onKey = (e: KeyboardEvent) => {
    if (ctx.onMenuKey?.(e)) return;
    if (e.key === "Enter" && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      if (canSend && !ctx.responding) ctx.onSubmit();
    }
  };
  const pick = (e: Event) => {
    const input = e.target as HTMLInputElement;
    ctx.onFiles([...(input.files ?? [])]);
    input.value = "";
  };
  return html`<form class="composer ${locked ? "locked" : ""}" @submit=${(e: Event) => {
    e.preventDefault();
    if (canSend && !ctx.responding) ctx.onSubmit();
  }}>
    ${
      ctx.reply
        ? html`<div class="reply"><span dir="auto">${ctx.reply}</span>
          <button type="button" class="icon-btn sm" aria-label=${t("removeQuote")} @click=${ctx.onClearReply}>${icon("close", 14)}</button></div>`
        : nothing
    }
    ${
      ctx.attachments.length
        ? html`<div class="attachments" role="list" aria-label=${t("attachments")}>${ctx.attachments.map(
            (
              a,
            ) => html`<div class="attachment ${a.status}" role="listitem" title=${a.error ?? a.name}>
              ${a.previewUrl ? html`<img src=${a.previewUrl} alt="" />` : icon("file", 16)}
              <span class="attachment-name">${a.name}</span>
              ${a.status === "uploading" ? html`<span class="spinner" aria-label=${t("uploading")}></span>` : nothing}
              <button type="button" class="icon-btn xs" aria-label=${t("removeAttachment", { name: a.name })}
                @click=${() => ctx.onRemoveAttachment(a.key)}>${icon("close", 12)}</button>
            </div>`,
          )}</div>`
        : nothing
    }
    ${ctx.menu?.template ?? nothing}
    <textarea rows="1" dir="auto" aria-label=${placeholder} placeholder=${placeholder} .value=${ctx.text}
      ?disabled=${locked}
      aria-controls=${ctx.menu?.open ? ctx.menu.listId : nothing}
      aria-activedescendant=${ctx.menu?.activeId ?? nothing}
      @input=${(e: Event) => {
        const el = e.target as HTMLTextAreaElement;
        autoGrow(el);
        ctx.onInput(el.value);
        ctx.onCaret?.(el);
      }}
      @click=${(e: Event) => ctx.onCaret?.(e.target as HTMLTextAreaElement)}
      @keyup=${(e: KeyboardEvent) => {
        if (e.key.startsWith("Arrow") || e.key === "Home" || e.key === "End")
          ctx.onCaret?.(e.target as HTMLTextAreaElement);
      }}
      @keydown=${onKey}></textarea>
    <div class="composer-bar">
      ${
        attach?.enabled
          ? html`<label class="icon-btn" title=${t("addFiles")} aria-label=${t("addFiles")}>
              ${icon("paperclip")}
              <input type="file" class="sr-only" multiple ?disabled=${locked}
                accept=${acceptAttribute(attach.accept) ?? ""} @change=${pick} />
            </label>`
          : nothing
      }
      ${
        options.entities?.showComposerMenu && options.entities.onTagSearch && ctx.onMention
          ? html`<button type="button" class="icon-btn mention" aria-label=${t("mention")} title=${t("mention")}
              ?disabled=${locked} @click=${ctx.onMention}><span aria-hidden="true">@</span></button>`
          : nothing
      }
      ${renderTools(ctx)}
      ${renderModels(ctx)}
      ${renderDictation(ctx, locked)}
      <span class="spacer"></span>
      ${
        showStop
          ? html`<button type="button" class="send stop" aria-label=${t("stop")} title=${t("stop")} @click=${ctx.onStop}>
              ${icon("stop", 16)}</button>`
          : html`<button type="submit" class="send" aria-label=${t("sendMessage")} title=${t("sendMessage")}
              ?disabled=${!canSend || ctx.responding}>${icon("send", 18)}</button>`
      }
    </div>
  </form>${disclaimerHtml}`;
}

/**
 * Composer tools: pinned ones (and the selected one) as toggle chips, the others in a "Tools"
 * picker, as the official composer keeps unpinned tools behind a menu.
 */
function renderTools(ctx: ComposerContext): unknown {
  const tools = ctx.options.composer?.tools ?? [];
  if (!tools.length) return nothing;
  const { t } = ctx.i18n;
  const chips = tools.filter((tool) => tool.pinned || tool.id === ctx.selectedToolId);
  const menu = tools.filter((tool) => !tool.pinned && tool.id !== ctx.selectedToolId);
  return html`${chips.map(
    (
      tool,
    ) => html`<button type="button" class="tool-chip ${tool.id === ctx.selectedToolId ? "on" : ""}"
      aria-pressed=${tool.id === ctx.selectedToolId} data-tool-id=${tool.id}
      @click=${() => ctx.onTool(tool.id === ctx.selectedToolId ? null : tool.id)}>
      ${tool.icon ? icon(tool.icon, 14) : nothing}${tool.shortLabel ?? tool.label}</button>`,
  )}${
    menu.length
      ? html`<select class="tool-chip picker" aria-label=${t("tools")}
          @change=${(e: Event) => {
            const select = e.target as HTMLSelectElement;
            if (select.value) ctx.onTool(select.value);
            select.value = "";
          }}>
          <option value="">${t("tools")}</option>
          ${menu.map((tool) => html`<option value=${tool.id}>${tool.label}</option>`)}
        </select>`
      : nothing
  }`;
}

/** The model picker (`composer.models`): disabled models are listed but cannot be picked. */
function renderModels(ctx: ComposerContext): unknown {
  const models = ctx.options.composer?.models ?? [];
  if (!models.length) return nothing;
  return html`<select class="tool-chip picker model" aria-label=${ctx.i18n.t("model")}
    @change=${(e: Event) => ctx.onModel?.((e.target as HTMLSelectElement).value)}>
    ${models.map(
      (m) => html`<option value=${m.id} ?disabled=${m.disabled} ?selected=${m.id === ctx.modelId}
        title=${m.description ?? ""}>${m.label}</option>`,
    )}
  </select>`;
}

/** The microphone button (`composer.dictation.enabled`): pressed while recording. */
function renderDictation(ctx: ComposerContext, locked: boolean): unknown {
  const d = ctx.dictation;
  if (!ctx.options.composer?.dictation?.enabled || !d) return nothing;
  const { t } = ctx.i18n;
  const label =
    d.state === "recording"
      ? t("stopDictation")
      : d.state === "transcribing"
        ? t("transcribing")
        : t("dictate");
  return html`<button type="button" class="icon-btn dictate ${d.state}" aria-label=${label} title=${label}
    aria-pressed=${d.state === "recording"} ?disabled=${locked || d.state === "transcribing"}
    @click=${d.onToggle}>${d.state === "transcribing" ? html`<span class="spinner"></span>` : icon("mic")}</button>`;
}
