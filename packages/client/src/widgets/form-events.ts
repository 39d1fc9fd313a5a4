/**
 * Event handlers of a rendered `<form>` (a Form widget or a Card with `asForm`): native
 * constraint validation on submit (with each control's `errorMessage` as its message), Enter in a single-line field submits, the first invalid field
 * gets focus, and Textarea `pattern` (which HTML lacks) is enforced through custom validity.
 */
import { type ActionSite, compilePattern, submitsOnEnter } from "@threadkit/core";
import type { RenderCtx } from "./context.js";
import { applyErrorMessages } from "./field-errors.js";

const PATTERN_MESSAGE = "Please match the requested format.";

/**
 * Applies `data-pattern` of textareas as custom validity (whole-value match, like `pattern`),
 * with the localised `data-pattern-message` as the message.
 *
 * @example
 * ```ts
 * syncTextareaPattern(textarea); // textarea.validity.patternMismatch-like customError
 * ```
 */
export function syncTextareaPattern(el: HTMLTextAreaElement): void {
  const pattern = el.dataset.pattern;
  if (pattern === undefined) return;
  // Core's compilePattern: the same whole-value rule (and invalid-pattern handling) as `pattern`.
  const regex = el.value === "" ? null : compilePattern(pattern);
  el.setCustomValidity(
    regex && !regex.test(el.value) ? (el.dataset.patternMessage ?? PATTERN_MESSAGE) : "",
  );
}

/**
 * Validates `form` natively: when invalid, shows the browser's messages and focuses the first
 * invalid field. Returns whether the form is valid.
 *
 * @example
 * ```ts
 * if (!validateForm(form)) return; // nothing is sent
 * ```
 */
export function validateForm(form: HTMLFormElement): boolean {
  for (const t of form.querySelectorAll("textarea")) syncTextareaPattern(t);
  applyErrorMessages(form);
  if (form.checkValidity()) return true;
  form.reportValidity();
  focusFirstInvalid(form);
  return false;
}

function focusFirstInvalid(form: HTMLFormElement): void {
  const first = form.querySelector<HTMLElement>(":invalid:not(fieldset)");
  if (first && first.getRootNode() instanceof ShadowRoot) {
    if ((first.getRootNode() as ShadowRoot).activeElement !== first) first.focus();
  } else first?.focus();
}

/** The listeners to bind on a `<form>`, see {@link formHandlers}. */
export interface FormHandlers {
  submit(e: SubmitEvent): void;
  keydown(e: KeyboardEvent): void;
  invalid: { handleEvent(e: Event): void; capture: true };
}

/**
 * Handlers for a rendered form whose submission runs `action` (bound at `site`, at `path`).
 * A submit button with its own `onClickAction` runs that instead.
 *
 * @example
 * ```ts
 * const h = formHandlers(ctx, node.onSubmitAction, "submit", path);
 * html`<form @submit=${h.submit} @keydown=${h.keydown} @invalid=${h.invalid}>...</form>`;
 * ```
 */
export function formHandlers(
  ctx: RenderCtx,
  action: unknown,
  site: ActionSite,
  path: string,
): FormHandlers {
  let focusQueued = false;
  return {
    submit(e) {
      e.preventDefault();
      const form = e.currentTarget as HTMLFormElement;
      const submitter = e.submitter as (HTMLElement & { tkAction?: unknown }) | null;
      if (!validateForm(form)) return;
      if (submitter?.tkAction) {
        // A submit Button with its own onClickAction: a Button click ("auto" → self).
        ctx.act(submitter.tkAction, "button", submitter, submitter.dataset.path ?? path);
      } else if (action) {
        ctx.act(action, site, submitter ?? form, submitter?.dataset.path ?? path);
      }
    },
    keydown(e) {
      const t = e.target;
      if (e.key !== "Enter" || e.isComposing || e.shiftKey || e.altKey) return;
      if (!(t instanceof HTMLInputElement) || !submitsOnEnter(t.type)) return;
      e.preventDefault();
      for (const ta of (e.currentTarget as HTMLFormElement).querySelectorAll("textarea")) {
        syncTextareaPattern(ta);
      }
      (e.currentTarget as HTMLFormElement).requestSubmit();
    },
    invalid: {
      capture: true,
      handleEvent(e) {
        if (focusQueued) return;
        focusQueued = true;
        const form = e.currentTarget as HTMLFormElement;
        queueMicrotask(() => {
          focusQueued = false;
          focusFirstInvalid(form);
        });
      },
    },
  };
}
