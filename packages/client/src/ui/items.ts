import type { Task, ThreadItem } from "@threadkit/core";
import { html, nothing, type TemplateResult } from "lit";
import { unsafeHTML } from "lit/directives/unsafe-html.js";
import type { I18n } from "../i18n/index.js";
import { markdownHtml, markdownReady } from "../markdown-lazy.js";
import { isSafeHref } from "../safe-href.js";
import type { ThreadState } from "../state.js";
import type { ChatKitOptions, Entity } from "../types.js";
import type { WidgetHost } from "../widgets/host.js";
import { icon } from "./icons.js";
import { renderStructuredInput, type StructuredInputContext } from "./structured-input.js";

/** What item templates need from the element. */
export interface ItemsContext extends StructuredInputContext {
  i18n: I18n;
  state: ThreadState;
  responding: boolean;
  options: ChatKitOptions;
  host: WidgetHost;
  copied: string | null;
  feedback: ReadonlyMap<string, "positive" | "negative">;
  onCopy(itemId: string, text: string): void;
  /** Pointer or focus on a tag of a sent message (for `entities.onRequestPreview`); null when it leaves. */
  onTagPreview?(entity: Entity | null, anchor?: Element): void;
  onFeedback(itemIds: string[], kind: "positive" | "negative"): void;
  onRetry(userItemId: string): void;
}

type Item<T extends ThreadItem["type"]> = Extract<ThreadItem, { type: T }>;

const md = (text: string) => unsafeHTML(markdownHtml(text));

/**
 * Rendered Markdown per content part. The state reducer replaces only the parts that change, so
 * while one message streams the others re-render from here instead of parsing and sanitising
 * again (which made every frame cost O(thread)); a freshly loaded thread has new parts.
 */
const partHtml = new WeakMap<object, ReturnType<typeof md>>();
function partMarkdown(part: { text: string }) {
  let rendered = partHtml.get(part);
  if (rendered === undefined) {
    rendered = md(part.text);
    // Text shown before the Markdown engine loaded is rendered again once it has.
    if (markdownReady()) partHtml.set(part, rendered);
  }
  return rendered;
}

/** A cited source: a link when it has a safe URL, else its title alone. */
function sourceChip(source: { title: string; url?: string | null }): TemplateResult {
  return source.url && isSafeHref(source.url)
    ? html`<a class="chip" href=${source.url} target="_blank" rel="noopener noreferrer">${source.title}</a>`
    : html`<span class="chip">${source.title}</span>`;
}

/**
 * An `input_tag` in a sent message: a button calling `entities.onClick` when there is one; with
 * `entities.onRequestPreview`, hovering or focusing it shows the entity's preview.
 */
function tag(
  part: Extract<Item<"user_message">["content"][number], { type: "input_tag" }>,
  ctx: ItemsContext,
) {
  const entities = ctx.options.entities;
  const entity: Entity = {
    id: part.id,
    title: part.text,
    ...(part.group ? { group: part.group } : {}),
    interactive: part.interactive,
    data: part.data as Record<string, string>,
  };
  const preview = entities?.onRequestPreview && ctx.onTagPreview;
  const show = (e: Event) => ctx.onTagPreview?.(entity, e.currentTarget as Element);
  const hide = () => ctx.onTagPreview?.(null);
  if (!entities?.onClick && !preview) return html`<span class="tag">@${part.text}</span>`;
  const onClick = entities?.onClick;
  return html`<button type="button" class="tag" aria-describedby=${preview ? "tk-entity-preview" : nothing}
    @click=${() => onClick?.(entity)}
    @mouseenter=${preview ? show : nothing} @focus=${preview ? show : nothing}
    @mouseleave=${preview ? hide : nothing} @blur=${preview ? hide : nothing}>@${part.text}</button>`;
}

function userMessage(item: Item<"user_message">, ctx: ItemsContext): TemplateResult {
  const attachments = item.attachments ?? [];
  return html`<div class="msg user" data-item-id=${item.id} data-item-type="user_message">
    ${item.quoted_text ? html`<blockquote class="quote" dir="auto">${item.quoted_text}</blockquote>` : nothing}
    ${
      attachments.length
        ? html`<div class="msg-attachments">
          ${attachments.map((a) =>
            a.type === "image" && "preview_url" in a
              ? html`<img class="thumb" src=${a.preview_url} alt=${a.name} />`
              : html`<span class="chip">${icon("file", 14)}<span>${a.name}</span></span>`,
          )}
        </div>`
        : nothing
    }
    <div class="bubble" dir="auto">${item.content.map((c) =>
      c.type === "input_tag" ? tag(c, ctx) : c.text,
    )}</div>
  </div>`;
}

/** Ids of the items of the assistant turn that ends at `index` (back to the previous user message). */
function turnOf(items: ThreadItem[], index: number): { ids: string[]; userId?: string } {
  const ids: string[] = [];
  for (let i = index; i >= 0; i--) {
    const it = items[i];
    if (!it) break;
    if (it.type === "user_message") return { ids, userId: it.id };
    ids.unshift(it.id);
  }
  return { ids };
}

function itemActions(item: Item<"assistant_message">, index: number, ctx: ItemsContext) {
  const items = ctx.state.items;
  let next: ThreadItem | undefined;
  for (let i = index + 1; i < items.length && !next; i++) {
    if (items[i]?.type !== "end_of_turn") next = items[i];
  }
  const lastOfTurn = !next || next.type === "user_message";
  const streaming = !ctx.state.done.has(item.id) || (ctx.responding && !next);
  if (!lastOfTurn || streaming) return nothing;
  const text = item.content.map((c) => c.text).join("\n\n");
  const { ids, userId } = turnOf(items, index);
  const opts = ctx.options.threadItemActions ?? {};
  const given = ctx.feedback.get(item.id);
  const { t } = ctx.i18n;
  return html`<div class="item-actions" role="toolbar" aria-label=${t("messageActions")}>
    <button class="icon-btn sm" aria-label=${ctx.copied === item.id ? t("copied") : t("copy")}
      title=${t("copy")} @click=${() => ctx.onCopy(item.id, text)}>
      ${icon(ctx.copied === item.id ? "check" : "copy", 16)}</button>
    ${
      opts.feedback
        ? html`<button class="icon-btn sm" aria-label=${t("goodResponse")} title=${t("goodResponse")}
            aria-pressed=${given === "positive"} ?disabled=${!!given}
            @click=${() => ctx.onFeedback(ids, "positive")}>${icon("thumbs-up", 16)}</button>
          <button class="icon-btn sm" aria-label=${t("badResponse")} title=${t("badResponse")}
            aria-pressed=${given === "negative"} ?disabled=${!!given}
            @click=${() => ctx.onFeedback(ids, "negative")}>${icon("thumbs-down", 16)}</button>`
        : nothing
    }
    ${
      opts.retry && userId
        ? html`<button class="icon-btn sm" aria-label=${t("retry")} title=${t("retry")} ?disabled=${ctx.responding}
            @click=${() => ctx.onRetry(userId)}>${icon("reload", 16)}</button>`
        : nothing
    }
  </div>`;
}

function assistantMessage(item: Item<"assistant_message">, index: number, ctx: ItemsContext) {
  const streaming = !ctx.state.done.has(item.id);
  const sources = item.content.flatMap((c) => c.annotations ?? []).map((a) => a.source);
  const seen = new Set<string>();
  return html`<div class="msg assistant ${streaming ? "streaming" : ""}" data-item-id=${item.id}
    data-item-type="assistant_message">
    <div class="prose" dir="auto">${item.content.map(partMarkdown)}</div>
    ${
      sources.length
        ? html`<div class="sources">${sources.map((s) => {
            const key = `${s.type}:${s.title}`;
            if (seen.has(key)) return nothing;
            seen.add(key);
            return sourceChip(s);
          })}</div>`
        : nothing
    }
    ${itemActions(item, index, ctx)}
  </div>`;
}

function taskRow(task: Task): TemplateResult {
  const status = task.status_indicator ?? "none";
  const title = task.title ?? ("title_query" in task ? task.title_query : undefined) ?? task.type;
  const content = "content" in task && typeof task.content === "string" ? task.content : "";
  return html`<li class="task ${status}">
    <span class="task-dot" aria-hidden="true">${status === "complete" ? icon("check", 14) : nothing}</span>
    <div class="task-body">
      <div class="task-title">${title}</div>
      ${content ? html`<div class="prose small">${md(content)}</div>` : nothing}
      ${
        "sources" in task && Array.isArray(task.sources) && task.sources.length
          ? html`<div class="sources">${task.sources.map((s) => sourceChip(s))}</div>`
          : nothing
      }
    </div>
  </li>`;
}

/** Seconds as the locale writes a short duration ("12 s", "12秒"). */
function formatDuration(i18n: I18n, seconds: number): string {
  try {
    return i18n.formatNumber(seconds, { style: "unit", unit: "second", unitDisplay: "narrow" });
  } catch {
    return `${i18n.formatNumber(seconds)}s`;
  }
}

function workflow(item: Item<"workflow">, ctx: ItemsContext): TemplateResult {
  const wf = item.workflow;
  const done = ctx.state.done.has(item.id);
  const summary = wf.summary as { title?: string; duration?: number } | undefined;
  const { t } = ctx.i18n;
  const label = summary?.title
    ? summary.title
    : summary?.duration !== undefined
      ? t("workedFor", { duration: formatDuration(ctx.i18n, summary.duration) })
      : done
        ? wf.type === "reasoning"
          ? t("thought")
          : t("steps")
        : wf.type === "reasoning"
          ? t("thinking")
          : t("working");
  return html`<details class="workflow ${done ? "" : "shimmer"}" data-item-id=${item.id}
    data-item-type="workflow" ?open=${wf.expanded}>
    <summary>${icon("sparkle", 16)}<span>${label}</span>${icon("chevron-down", 16)}</summary>
    <ol class="tasks">${wf.tasks.map(taskRow)}</ol>
  </details>`;
}

/**
 * Renders one visible thread item (hidden items and `end_of_turn` render nothing). Every element
 * carries `data-item-id` and `data-item-type`.
 *
 * @example
 * ```ts
 * html`${state.items.map((item, i) => renderItem(item, i, ctx))}`
 * ```
 */
export function renderItem(item: ThreadItem, index: number, ctx: ItemsContext): unknown {
  switch (item.type) {
    case "user_message":
      return userMessage(item, ctx);
    case "assistant_message":
      return assistantMessage(item, index, ctx);
    case "widget":
      return html`<tk-widget class="widget-item" .item=${item} .host=${ctx.host}
        data-item-id=${item.id} data-item-type="widget"></tk-widget>`;
    case "workflow":
      return workflow(item, ctx);
    case "task":
      return html`<ul class="tasks single" data-item-id=${item.id} data-item-type="task">${taskRow(item.task)}</ul>`;
    case "generated_image":
      return html`<div class="gen-image" data-item-id=${item.id} data-item-type="generated_image">
        ${
          item.image
            ? html`<img src=${item.image.url} alt=${ctx.i18n.t("generatedImage")} />`
            : html`<div class="image-placeholder shimmer" role="img" aria-label=${ctx.i18n.t("generatingImage")}></div>`
        }
      </div>`;
    case "client_tool_call":
      return html`<div class="tool-call" data-item-id=${item.id} data-item-type="client_tool_call">
        ${icon("tool", 14)}<span>${ctx.i18n.t(item.status === "pending" ? "runningTool" : "usedTool", { name: item.name })}</span>
      </div>`;
    case "structured_input":
      return renderStructuredInput(item, ctx);
    default:
      return nothing;
  }
}
