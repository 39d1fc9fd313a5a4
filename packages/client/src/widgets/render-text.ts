/**
 * Renderers for text and content widgets: Text (incl. editable and streaming), Title, Caption,
 * Markdown, Label, Badge, Icon, Image, Divider and Spacer.
 */
import { html, nothing } from "lit";
import { classMap } from "lit/directives/class-map.js";
import { ifDefined } from "lit/directives/if-defined.js";
import { styleMap } from "lit/directives/style-map.js";
import { unsafeHTML } from "lit/directives/unsafe-html.js";
import { markdownHtml } from "../markdown-lazy.js";
import type { RenderCtx } from "./context.js";
import { ariaErrorRef, ariaInvalid, fieldErrorText } from "./field-errors.js";
import { fieldValue } from "./field-memory.js";
import { icon } from "./icons.js";
import { blockStyles, type Styles } from "./layout.js";
import { flag, num, obj, str, type WNode } from "./node.js";
import { isSafeCssValue, length, spacing, textColor } from "./tokens.js";

const ALIGN: Record<string, string> = { start: "start", center: "center", end: "end" };

function textClasses(node: WNode, base: string) {
  const size = str(node.size);
  const weight = str(node.weight);
  const lines = num(node.maxLines);
  return {
    [base]: true,
    [`size-${size}`]: !!size,
    [`w-${weight}`]: !!weight,
    italic: flag(node.italic),
    strike: flag(node.lineThrough),
    truncate: flag(node.truncate) && !lines,
    clamp: !!lines,
    caret: flag(node.streaming),
  };
}

function textStyles(node: WNode): Styles {
  const lines = num(node.maxLines);
  const minLines = num(node.minLines);
  return {
    color: textColor(node.color),
    "text-align": ALIGN[str(node.textAlign) ?? ""],
    "-webkit-line-clamp": lines ? String(lines) : undefined,
    "min-height": minLines ? `${minLines}lh` : undefined,
    width: length(node.width),
  };
}

/** Human-readable fallback name for a field: `todo.due_date` → "Todo due date". */
export function humanize(name: string): string {
  const words = name.replace(/[._-]+/g, " ").trim();
  return words ? words[0]!.toUpperCase() + words.slice(1) : name;
}

function editableText(node: WNode, ctx: RenderCtx, editable: Record<string, unknown>) {
  const name = str(editable.name) ?? "";
  const placeholder = str(editable.placeholder);
  return html`<input
    class=${classMap({ ...textClasses(node, "text"), editable: true, caret: false })}
    style=${styleMap(textStyles(node))}
    type="text"
    id=${ctx.fieldId(name)}
    name=${name}
    placeholder=${ifDefined(placeholder)}
    aria-label=${ctx.labelled(name) ? nothing : (placeholder ?? humanize(name))}
    aria-invalid=${ariaInvalid(ctx, name)}
    aria-describedby=${ariaErrorRef(ctx, name)}
    data-error-message=${ifDefined(str(editable.errorMessage))}
    pattern=${ifDefined(str(editable.pattern))}
    autocomplete=${ifDefined(str(editable.autoComplete))}
    ?required=${flag(editable.required)}
    ?disabled=${flag(editable.disabled)}
    ?autofocus=${flag(editable.autoFocus)}
    data-autoselect=${flag(editable.autoSelect) ? "" : nothing}
    ${fieldValue(ctx.memory, name, str(node.value) ?? "")}
  />${fieldErrorText(ctx, name)}`;
}

/** `Text`: a paragraph, or an input-like field when `editable` is set. */
export function renderText(node: WNode, ctx: RenderCtx) {
  const editable = obj(node.editable);
  if (editable) return editableText(node, ctx, editable);
  return html`<p class=${classMap(textClasses(node, "text"))} style=${styleMap(textStyles(node))}>${str(node.value) ?? ""}</p>`;
}

/** `Title`: a heading-styled line (not a heading element: widgets sit inside a chat log). */
export function renderTitle(node: WNode) {
  return html`<p class=${classMap(textClasses(node, "title"))} style=${styleMap(textStyles(node))}>${str(node.value) ?? ""}</p>`;
}

/** `Caption`: small secondary text. */
export function renderCaption(node: WNode) {
  return html`<p class=${classMap(textClasses(node, "caption"))} style=${styleMap(textStyles(node))}>${str(node.value) ?? ""}</p>`;
}

/** `Markdown`: sanitised HTML from `renderMarkdown` (see `markdownHtml`). */
export function renderMarkdownNode(node: WNode) {
  const value = str(node.value) ?? "";
  return html`<div class=${classMap({ markdown: true, caret: flag(node.streaming) })}>${unsafeHTML(markdownHtml(value))}</div>`;
}

/** `Label`: a real `<label for>` pointing at the control named `fieldName`. */
export function renderLabel(node: WNode, ctx: RenderCtx) {
  const field = str(node.fieldName);
  return html`<label
    class=${classMap(textClasses(node, "label"))}
    style=${styleMap(textStyles(node))}
    for=${ifDefined(field ? ctx.fieldId(field) : undefined)}
  >${str(node.value) ?? ""}</label>`;
}

const BADGE_COLORS: Record<string, string> = {
  secondary: "var(--tkw-text-secondary)",
  success: "var(--tkw-text-success)",
  danger: "var(--tkw-text-danger)",
  warning: "var(--tkw-text-warning)",
  caution: "var(--tkw-text-caution)",
  info: "var(--tkw-text-info)",
  discovery: "var(--tkw-text-discovery)",
};

/** `Badge`: a small colored label. */
export function renderBadge(node: WNode) {
  const variant = str(node.variant) ?? "soft";
  const size = str(node.size);
  return html`<span
    class=${classMap({ badge: true, [variant]: true, [`size-${size}`]: !!size, pill: flag(node.pill) })}
    style=${styleMap({ "--c": BADGE_COLORS[str(node.color) ?? ""] ?? textColor(node.color) })}
  >${str(node.label) ?? ""}</span>`;
}

/** `Icon`: an inline SVG icon (decorative). */
export function renderIcon(node: WNode) {
  const size = str(node.size);
  const color = textColor(node.color);
  return html`<span
    class="icon-wrap"
    style=${styleMap({ color, display: "inline-flex", flex: "none" })}
  >${icon(str(node.name) ?? "", `icon${size ? ` size-${size}` : " size-md"}`)}</span>`;
}

/**
 * Whether an image URL may be loaded: http(s), `data:image/` or relative.
 *
 * @example
 * ```ts
 * isSafeImageSrc("/pam.png"); // true
 * isSafeImageSrc("javascript:alert(1)"); // false
 * ```
 */
export function isSafeImageSrc(src: string): boolean {
  const s = src.trim();
  if (/^(https?:|data:image\/)/i.test(s)) return true;
  return s.length > 0 && !/^[a-z][a-z0-9+.-]*:/i.test(s) && !/[\s<>"]/.test(s);
}

const POSITIONS = /^(top|bottom|left|right|center)( (top|bottom|left|right|center))?$/;

/** `Image`: a sized `<img>`; unsafe sources render as an empty frame. */
export function renderImage(node: WNode) {
  const src = str(node.src) ?? "";
  const alt = str(node.alt) ?? "";
  const fit = str(node.fit);
  const position = str(node.position);
  const style: Styles = {
    ...blockStyles(node),
    "object-fit": fit && /^(cover|contain|fill|scale-down|none)$/.test(fit) ? fit : undefined,
    "object-position": position && POSITIONS.test(position) ? position : undefined,
  };
  if (typeof node.background === "string" && isSafeCssValue(node.background)) {
    style.background = textColor(node.background);
  }
  if (!style.height && !node.aspectRatio) style.height = "auto";
  const classes = classMap({ image: true, frame: flag(node.frame), flush: flag(node.flush) });
  if (!isSafeImageSrc(src)) {
    return html`<div class="image-missing" role="img" aria-label=${alt} style=${styleMap(style)}></div>`;
  }
  return html`<img class=${classes} src=${src} alt=${alt} loading="lazy" style=${styleMap(style)} />`;
}

/** `Divider`: a horizontal rule (`spacing` around it, `flush` to the card edges). */
export function renderDivider(node: WNode) {
  const gap = spacing(node.spacing);
  return html`<hr
    class=${classMap({ divider: true, flush: flag(node.flush) })}
    style=${styleMap({
      "border-top-color": textColor(node.color),
      "border-top-width": length(node.size),
      "margin-top": gap,
      "margin-bottom": gap,
    })}
  />`;
}

/** `Spacer`: flexible empty space (`minSize` keeps at least that much). */
export function renderSpacer(node: WNode) {
  const min = length(node.minSize);
  return html`<div class="spacer" aria-hidden="true" style=${styleMap({ "min-width": min, "min-height": min })}></div>`;
}
