/**
 * A `structured_input` item (chatkit-python 1.6.4): while pending, a form with one group per
 * question (single choice as radios, multiple choice as checkboxes, both with an "Other" free
 * answer; free-text questions as a textarea) and Submit / Skip, answered with
 * `threads.add_structured_input`; once answered or skipped, a read-only summary.
 */
import type {
  StructuredInput,
  StructuredInputItem,
  StructuredInputSubmissionInput,
} from "@threadkit/core";
import { css, html, nothing, type TemplateResult } from "lit";
import type { I18n } from "../i18n/index.js";

/** Value of the "Other" radio/checkbox; the typed answer is in the `<name>::other` field. */
const OTHER = "\u0000other";

/** What {@link renderStructuredInput} needs from the element. */
export interface StructuredInputContext {
  i18n: I18n;
  /** A reply streams: the form is disabled. */
  responding: boolean;
  onSubmit(itemId: string, submission: StructuredInputSubmissionInput): void;
}

function optionLabel(option: { value: string } & Record<string, unknown>): string {
  return typeof option.label === "string" && option.label ? option.label : option.value;
}

/**
 * The answers in `form`, keyed by input id: chosen options (the typed text for "Other"), or the
 * trimmed free text. An input with no value is sent as skipped, as ChatKit records it anyway.
 */
export function collectAnswers(
  form: HTMLFormElement,
  inputs: readonly StructuredInput[],
): StructuredInputSubmissionInput {
  const data = new FormData(form);
  const answers: Record<string, { values: string[]; skipped: boolean }> = {};
  for (const input of inputs) {
    const values: string[] = [];
    for (const raw of data.getAll(input.id)) {
      const value = String(raw);
      if (value === OTHER) {
        const other = String(data.get(`${input.id}::other`) ?? "").trim();
        if (other) values.push(other);
      } else if (input.type === "freeform") {
        if (value.trim()) values.push(value.trim());
      } else values.push(value);
    }
    answers[input.id] = { values, skipped: values.length === 0 };
  }
  return { status: "answered", answers };
}

function choiceQuestion(
  input: Extract<StructuredInput, { type: "multiple_choice" }>,
  i18n: I18n,
): TemplateResult {
  const kind = input.multiple ? "checkbox" : "radio";
  const otherId = `${input.id}::other`;
  // Typing an "Other" answer selects the "Other" option, so the text is not lost on submit.
  const selectOther = (e: Event) => {
    const field = e.currentTarget as HTMLInputElement;
    const box = field.closest("fieldset")?.querySelector<HTMLInputElement>("input[data-other]");
    if (box && field.value.trim()) box.checked = true;
  };
  return html`<fieldset class="si-question">
    <legend dir="auto">${input.question}</legend>
    <div class="si-hint">${i18n.t(input.multiple ? "chooseAny" : "chooseOne")}</div>
    ${input.options.map(
      (option) => html`<label class="si-option">
        <input type=${kind} name=${input.id} .value=${option.value} />
        <span dir="auto">${optionLabel(option)}</span>
      </label>`,
    )}
    <label class="si-option si-other">
      <input type=${kind} name=${input.id} .value=${OTHER} data-other aria-label=${i18n.t("other")} />
      <span>${i18n.t("other")}</span>
      <input type="text" class="si-text" name=${otherId} dir="auto" autocomplete="off"
        aria-label=${`${input.question} — ${i18n.t("yourAnswer")}`}
        placeholder=${i18n.t("yourAnswer")} @input=${selectOther} />
    </label>
  </fieldset>`;
}

function freeformQuestion(
  input: Extract<StructuredInput, { type: "freeform" }>,
  i18n: I18n,
): TemplateResult {
  return html`<fieldset class="si-question">
    <legend dir="auto">${input.question}</legend>
    ${input.description ? html`<div class="si-hint" dir="auto">${input.description}</div>` : nothing}
    <textarea class="si-text" name=${input.id} rows="2" dir="auto" aria-label=${input.question}
      placeholder=${i18n.t("yourAnswer")}></textarea>
  </fieldset>`;
}

function summary(item: StructuredInputItem, i18n: I18n): TemplateResult {
  return html`<dl class="si-summary">
    ${item.inputs.map((input) => {
      const answer = input.answer;
      const values = answer && !answer.skipped ? answer.values : [];
      return html`<dt dir="auto">${input.question}</dt>
        <dd>${
          values.length
            ? values.map((v) => html`<span class="si-answer" dir="auto">${v}</span>`)
            : html`<span class="si-skipped">${i18n.t("skipped")}</span>`
        }</dd>`;
    })}
  </dl>`;
}

/**
 * Renders a structured input item: the form while `pending`, the answers after.
 *
 * @example
 * ```ts
 * renderStructuredInput(item, { i18n, responding, onSubmit: (id, s) => answer(id, s) });
 * ```
 */
export function renderStructuredInput(
  item: StructuredInputItem,
  ctx: StructuredInputContext,
): TemplateResult {
  const { i18n } = ctx;
  if (item.status !== "pending")
    return html`<div class="structured done" data-item-id=${item.id}
      data-item-type="structured_input" data-status=${item.status}>
      ${summary(item, i18n)}
    </div>`;
  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    ctx.onSubmit(item.id, collectAnswers(form, item.inputs));
  };
  return html`<form class="structured" data-item-id=${item.id} data-item-type="structured_input"
    data-status="pending" @submit=${submit}>
    <fieldset class="si-body" ?disabled=${ctx.responding}>
      ${item.inputs.map((input) =>
        input.type === "multiple_choice"
          ? choiceQuestion(input, i18n)
          : freeformQuestion(input, i18n),
      )}
      <div class="si-actions">
        <button type="button" class="si-skip"
          @click=${() => ctx.onSubmit(item.id, { status: "skipped", answers: {} })}>
          ${i18n.t("skip")}</button>
        <button type="submit" class="si-submit">${i18n.t("submit")}</button>
      </div>
    </fieldset>
  </form>`;
}

/** Styles of structured input forms and summaries (logical properties: they mirror in RTL). */
export const structuredInputStyles = css`
  .structured {
    display: flex; flex-direction: column; gap: 14px; padding: 14px 16px;
    border: 1px solid var(--tk-border); border-radius: var(--tk-radius); background: var(--tk-bg);
  }
  .structured .si-body { border: 0; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 16px; min-width: 0; }
  .si-question { border: 0; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 6px; min-width: 0; }
  .si-question legend { font-weight: 600; padding: 0; margin-block-end: 2px; }
  .si-hint { font-size: 0.8em; color: var(--tk-muted); }
  .si-option {
    display: flex; align-items: center; gap: 10px; padding: 8px 12px; cursor: pointer;
    border: 1px solid var(--tk-border); border-radius: var(--tk-radius-control); font-size: 0.95em;
  }
  .si-option:has(input:checked) { border-color: var(--tk-accent); background: var(--tk-surface); }
  .si-option input[type="radio"], .si-option input[type="checkbox"] { margin: 0; accent-color: var(--tk-accent); }
  .si-other span { flex: none; }
  .si-text {
    flex: 1; min-width: 0; font: inherit; font-size: 0.95em; color: var(--tk-fg); background: var(--tk-bg);
    border: 1px solid var(--tk-border); border-radius: 8px; padding: 6px 10px; resize: vertical;
  }
  .si-other .si-text { padding: 4px 8px; }
  .si-actions { display: flex; justify-content: flex-end; gap: 8px; }
  .si-actions button {
    font: inherit; font-size: 0.9em; padding: 7px 16px; border-radius: var(--tk-radius-control); cursor: pointer;
    border: 1px solid var(--tk-border); background: transparent; color: var(--tk-fg);
  }
  .si-actions .si-submit { background: var(--tk-accent); color: var(--tk-accent-fg); border-color: transparent; }
  .si-body:disabled { opacity: 0.6; }
  .si-body:disabled button { cursor: default; }
  .si-summary { margin: 0; display: grid; gap: 4px 0; font-size: 0.9em; }
  .si-summary dt { color: var(--tk-muted); }
  .si-summary dd { margin: 0 0 6px; display: flex; flex-wrap: wrap; gap: 6px; }
  .si-answer { padding: 2px 10px; border-radius: 999px; background: var(--tk-surface); }
  .si-skipped { color: var(--tk-muted); font-style: italic; }
`;
