/**
 * Renderers for interactive widgets: Button and the native form controls (Input, Textarea,
 * Select, Checkbox, RadioGroup, DatePicker). Every control carries `name`, `required` and
 * `pattern`, and gets an accessible name from a Label widget, its placeholder or its name.
 */
import { controlType, fieldDefaultValue, fieldOptions, isoDate } from "@threadkit/core";
import { html, nothing } from "lit";
import { classMap } from "lit/directives/class-map.js";
import { ifDefined } from "lit/directives/if-defined.js";
import { styleMap } from "lit/directives/style-map.js";
import type { RenderCtx } from "./context.js";
import { ariaErrorRef, ariaInvalid, fieldErrorText } from "./field-errors.js";
import { fieldValue } from "./field-memory.js";
import { icon } from "./icons.js";
import { flag, num, str, type WNode } from "./node.js";
import { humanize } from "./render-text.js";

const spinner = html`<span class="spinner" aria-hidden="true"></span>`;

/** `Button`: runs `onClickAction` (with the form's values), or submits its form when `submit`. */
export function renderButton(node: WNode, ctx: RenderCtx, path: string) {
  const busy = ctx.busy(path);
  const submit = flag(node.submit) && ctx.inForm;
  const label = str(node.label);
  const iconStart = str(node.iconStart);
  const iconEnd = str(node.iconEnd);
  const color = str(node.color) ?? (node.style === "secondary" ? "secondary" : "primary");
  const variant = str(node.variant) ?? "solid";
  const size = str(node.size);
  const iconSize = str(node.iconSize);
  const iconClass = `icon${iconSize ? ` size-${iconSize}` : ""}`;
  const classes = {
    btn: true,
    [`c-${color}`]: true,
    [`v-${variant}`]: true,
    [`s-${size}`]: !!size,
    pill: flag(node.pill),
    uniform: flag(node.uniform),
    block: flag(node.block),
  };
  const onClick = (e: Event) => {
    if (submit) return; // the form's submit handler runs the action after native validation
    ctx.act(node.onClickAction, "button", e.currentTarget as Element, path);
  };
  return html`<button
    type=${submit ? "submit" : "button"}
    class=${classMap(classes)}
    data-path=${path}
    .tkAction=${node.onClickAction}
    ?disabled=${flag(node.disabled) || busy}
    aria-busy=${busy ? "true" : nothing}
    aria-label=${!label ? (iconStart ?? iconEnd ?? ctx.i18n.t("button")) : nothing}
    @click=${onClick}
  >${busy ? spinner : iconStart ? icon(iconStart, iconClass) : nothing}${label ? html`<span>${label}</span>` : nothing}${iconEnd ? icon(iconEnd, iconClass) : nothing}</button>`;
}

function accessibleName(ctx: RenderCtx, name: string, placeholder?: string) {
  return ctx.labelled(name) ? nothing : (placeholder ?? humanize(name));
}

function fieldClasses(node: WNode, extra: Record<string, boolean> = {}) {
  const size = str(node.size);
  return classMap({
    field: true,
    [`v-${str(node.variant)}`]: !!str(node.variant),
    [`s-${size}`]: !!size,
    pill: flag(node.pill),
    ...extra,
  });
}

function selectOnFocus(e: Event) {
  const el = e.currentTarget as HTMLInputElement | HTMLTextAreaElement;
  if (el.dataset.autoselect !== undefined) el.select();
}

/** `Input`: a native single-line `<input>`. */
export function renderInput(node: WNode, ctx: RenderCtx) {
  const name = str(node.name) ?? "";
  const placeholder = str(node.placeholder);
  return html`<input
    class=${fieldClasses(node)}
    type=${controlType(node) ?? "text"}
    id=${ctx.fieldId(name)}
    name=${name}
    placeholder=${ifDefined(placeholder)}
    aria-label=${accessibleName(ctx, name, placeholder)}
    aria-invalid=${ariaInvalid(ctx, name)}
    aria-describedby=${ariaErrorRef(ctx, name)}
    data-error-message=${ifDefined(str(node.errorMessage))}
    pattern=${ifDefined(str(node.pattern))}
    autocomplete=${node.allowAutofillExtensions === false ? "off" : nothing}
    ?required=${flag(node.required)}
    ?disabled=${flag(node.disabled)}
    ?autofocus=${flag(node.autoFocus)}
    data-autoselect=${flag(node.autoSelect) ? "" : nothing}
    @focus=${selectOnFocus}
    ${fieldValue(ctx.memory, name, str(node.defaultValue) ?? "")}
  />${fieldErrorText(ctx, name)}`;
}

/** `Textarea`: a native `<textarea>` (`rows`, `autoResize` up to `maxRows`). */
export function renderTextarea(node: WNode, ctx: RenderCtx) {
  const name = str(node.name) ?? "";
  const placeholder = str(node.placeholder);
  const maxRows = num(node.maxRows);
  return html`<textarea
    class=${fieldClasses(node, { "auto-resize": flag(node.autoResize) })}
    id=${ctx.fieldId(name)}
    name=${name}
    rows=${num(node.rows) ?? 3}
    placeholder=${ifDefined(placeholder)}
    aria-label=${accessibleName(ctx, name, placeholder)}
    aria-invalid=${ariaInvalid(ctx, name)}
    aria-describedby=${ariaErrorRef(ctx, name)}
    data-error-message=${ifDefined(str(node.errorMessage))}
    ?required=${flag(node.required)}
    ?disabled=${flag(node.disabled)}
    ?autofocus=${flag(node.autoFocus)}
    data-pattern=${ifDefined(str(node.pattern))}
    data-pattern-message=${ctx.i18n.t("patternMismatch")}
    data-autoselect=${flag(node.autoSelect) ? "" : nothing}
    style=${styleMap({ "max-height": maxRows ? `calc(${maxRows} * 20px + 16px)` : undefined })}
    @focus=${selectOnFocus}
    ${fieldValue(ctx.memory, name, str(node.defaultValue) ?? "")}
  ></textarea>${fieldErrorText(ctx, name)}`;
}

function onChange(node: WNode, ctx: RenderCtx, path: string) {
  return (e: Event) => {
    if (node.onChangeAction)
      ctx.act(node.onChangeAction, "change", e.currentTarget as Element, path);
  };
}

/** `Select`: a native `<select>` with an optional placeholder option. */
export function renderSelect(node: WNode, ctx: RenderCtx, path: string) {
  const name = str(node.name) ?? "";
  const placeholder = str(node.placeholder);
  const opts = fieldOptions(node);
  const initial = fieldDefaultValue(node) as string;
  const busy = ctx.busy(path);
  return html`<span class=${classMap({ "select-wrap": true, block: flag(node.block) })}>
    <select
      class=${fieldClasses(node)}
      id=${ctx.fieldId(name)}
      name=${name}
      aria-label=${accessibleName(ctx, name, placeholder)}
      aria-invalid=${ariaInvalid(ctx, name)}
      aria-describedby=${ariaErrorRef(ctx, name)}
      data-error-message=${ifDefined(str(node.errorMessage))}
      ?required=${flag(node.required)}
      ?disabled=${flag(node.disabled) || busy}
      aria-busy=${busy ? "true" : nothing}
      @change=${onChange(node, ctx, path)}
      ${fieldValue(ctx.memory, name, initial)}
    >
      ${placeholder !== undefined ? html`<option value="" disabled>${placeholder}</option>` : nothing}
      ${opts.map((o) => html`<option value=${o.value} ?disabled=${o.disabled}>${o.label}</option>`)}
    </select>
    ${busy ? html`<span class="chevron">${spinner}</span>` : icon("chevron-down", "chevron")}
  </span>${fieldErrorText(ctx, name)}`;
}

/** `Checkbox`: a native checkbox; its value in payloads is a boolean. */
export function renderCheckbox(node: WNode, ctx: RenderCtx, path: string) {
  const name = str(node.name) ?? "";
  const label = str(node.label);
  const busy = ctx.busy(path);
  return html`<label class="check">
    <input
      type="checkbox"
      id=${ctx.fieldId(name)}
      name=${name}
      aria-label=${label ? nothing : accessibleName(ctx, name)}
      aria-invalid=${ariaInvalid(ctx, name)}
      aria-describedby=${ariaErrorRef(ctx, name)}
      data-error-message=${ifDefined(str(node.errorMessage))}
      ?required=${flag(node.required)}
      ?disabled=${flag(node.disabled) || busy}
      aria-busy=${busy ? "true" : nothing}
      @change=${onChange(node, ctx, path)}
      ${fieldValue(ctx.memory, name, node.defaultChecked === true)}
    />${label ? html`<span>${label}</span>` : nothing}
  </label>${fieldErrorText(ctx, name)}`;
}

/** `RadioGroup`: a `<fieldset>` of native radios named `name`. */
export function renderRadioGroup(node: WNode, ctx: RenderCtx, path: string) {
  const name = str(node.name) ?? "";
  const legend = str(node.ariaLabel) ?? humanize(name);
  const busy = ctx.busy(path);
  const initial = str(node.defaultValue) ?? "";
  const change = onChange(node, ctx, path);
  return html`<fieldset
    class=${classMap({ "radio-group": true, row: node.direction === "row" })}
    aria-busy=${busy ? "true" : nothing}
    aria-invalid=${ariaInvalid(ctx, name)}
    aria-describedby=${ariaErrorRef(ctx, name)}
  >
    <legend class="visually-hidden">${legend}</legend>
    ${fieldOptions(node).map(
      (o, i) => html`<label class="check">
        <input
          type="radio"
          id=${ifDefined(i === 0 ? ctx.fieldId(name) : undefined)}
          name=${name}
          value=${o.value}
          data-error-message=${ifDefined(str(node.errorMessage))}
          ?required=${flag(node.required)}
          ?disabled=${flag(node.disabled) || o.disabled || busy}
          @change=${change}
          ${fieldValue(ctx.memory, name, initial)}
        /><span>${o.label}</span>
      </label>`,
    )}
  </fieldset>${fieldErrorText(ctx, name)}`;
}

/** `DatePicker`: a native `<input type="date">`; its value is an ISO date (`YYYY-MM-DD`). */
export function renderDatePicker(node: WNode, ctx: RenderCtx, path: string) {
  const name = str(node.name) ?? "";
  const placeholder = str(node.placeholder);
  const busy = ctx.busy(path);
  return html`<input
    class=${fieldClasses(node, { date: true, block: flag(node.block) })}
    type="date"
    id=${ctx.fieldId(name)}
    name=${name}
    min=${ifDefined(isoDate(node.min))}
    max=${ifDefined(isoDate(node.max))}
    aria-label=${accessibleName(ctx, name, placeholder)}
    aria-invalid=${ariaInvalid(ctx, name)}
    aria-describedby=${ariaErrorRef(ctx, name)}
    data-error-message=${ifDefined(str(node.errorMessage))}
    ?required=${flag(node.required)}
    ?disabled=${flag(node.disabled) || busy}
    aria-busy=${busy ? "true" : nothing}
    @change=${onChange(node, ctx, path)}
    ${fieldValue(ctx.memory, name, isoDate(node.defaultValue) ?? "")}
  />${fieldErrorText(ctx, name)}`;
}
