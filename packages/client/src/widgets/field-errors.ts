/**
 * Field errors shown at the field: the server's `threadkit.field_errors` (or a form's own
 * `errorMessage`) under the control, linked with `aria-invalid` and `aria-describedby`.
 */
import { html, nothing } from "lit";
import type { RenderCtx } from "./context.js";

/** The DOM id of the message under the field named `name`. */
export function errorId(ctx: RenderCtx, name: string): string {
  return `${ctx.fieldId(name)}-error`;
}

/** `aria-invalid` of the control named `name`: `"true"` while it has a message. */
export function ariaInvalid(ctx: RenderCtx, name: string) {
  return ctx.fieldError(name) === undefined ? nothing : "true";
}

/** `aria-describedby` of the control named `name`: its message while it has one. */
export function ariaErrorRef(ctx: RenderCtx, name: string) {
  return ctx.fieldError(name) === undefined ? nothing : errorId(ctx, name);
}

/** The message under the control named `name`, or nothing. */
export function fieldErrorText(ctx: RenderCtx, name: string) {
  const message = ctx.fieldError(name);
  return message === undefined
    ? nothing
    : html`<span class="field-error" id=${errorId(ctx, name)}>${message}</span>`;
}

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/**
 * Applies a control's `errorMessage` prop (`data-error-message`) as its native validation message:
 * the browser shows it instead of its own while the control is invalid. Runs on every edit and
 * render, since the browser checks validity before any submit handler runs.
 *
 * @example
 * ```ts
 * syncErrorMessage(input); // input.validationMessage is now the errorMessage when invalid
 * ```
 */
export function syncErrorMessage(el: Element): void {
  if (
    !(el instanceof HTMLInputElement) &&
    !(el instanceof HTMLSelectElement) &&
    !(el instanceof HTMLTextAreaElement)
  ) {
    return;
  }
  const message = el.dataset.errorMessage;
  if (message === undefined) return;
  // Textareas keep the pattern check's custom validity; others start from the native state.
  if (!(el instanceof HTMLTextAreaElement)) el.setCustomValidity("");
  if (!el.validity.valid && message) el.setCustomValidity(message);
}

/** {@link syncErrorMessage} for every control under `root` that has an `errorMessage`. */
export function applyErrorMessages(root: ParentNode): void {
  for (const el of root.querySelectorAll<Control>("[data-error-message]")) syncErrorMessage(el);
}
