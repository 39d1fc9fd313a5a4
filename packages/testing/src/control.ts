/** One control of a mounted widget, acted on as a user would. */
import { submitsOnEnter } from "@threadkit/core";
import { isNumberText, sanitizeValue } from "./native.js";
import { closest, collapse, roleOf, type WidgetSession } from "./session.js";
import type { InteractionResult, Role } from "./types.js";
import type { El } from "./view.js";

/** A control (or a piece of text) of a mounted widget. Every action returns what the element would do. */
export class Control {
  /** @internal Controls are made by a mounted widget's queries. */
  constructor(
    /** @internal */ readonly session: WidgetSession,
    /** @internal */ readonly el: El,
  ) {}

  /** The control's role (`undefined` for plain text). */
  get role(): Role | undefined {
    return roleOf(this.el);
  }

  /** The control's accessible name (the text, for plain text). */
  get name(): string {
    return roleOf(this.el) === undefined
      ? collapse(this.el.text ?? "")
      : this.session.accessibleName(this.el);
  }

  /** The field's `name` (the key of its value in payloads), for fields. */
  get fieldName(): string | undefined {
    return this.el.kind === "field" || this.el.kind === "radiogroup" || this.el.kind === "radio"
      ? this.el.name
      : undefined;
  }

  /** The field's current value: text, the checked state of a Checkbox or radio, a RadioGroup's choice. */
  get value(): string | boolean {
    return this.session.valueOf(this.el);
  }

  /** Whether the control is disabled. */
  get disabled(): boolean {
    return this.el.disabled === true;
  }

  #field(what: string, ok: (el: El) => boolean): El {
    if (!ok(this.el)) throw new Error(`${what} does not apply to ${this.el.kind} "${this.name}"`);
    if (this.el.disabled) throw new Error(`${what}: "${this.name}" is disabled`);
    return this.el;
  }

  /** Types `text` into a text field (Input, Textarea, editable Text; a DatePicker takes `YYYY-MM-DD`). */
  fill(text: string): InteractionResult {
    const el = this.#field(
      "fill()",
      (e) => e.kind === "field" && !["checkbox", "select-one"].includes(e.type ?? ""),
    );
    if (el.type === "date") return this.pickDate(text);
    if (el.type === "number" && !isNumberText(text))
      throw new Error(`fill(): "${text}" is not a number`);
    // Typed or pasted into a single-line field, a line break becomes a space (as in Chromium).
    const typed = el.type === "textarea" ? text : text.replace(/\r\n|\r|\n/g, " ");
    return this.session.run(() =>
      this.session.setValue(el, sanitizeValue(el.type ?? "text", typed)),
    );
  }

  /** Picks the option with `value` in a Select, or the radio with `value` in a RadioGroup. */
  select(value: string): InteractionResult {
    if (this.el.kind === "radiogroup") {
      const radio = this.el.children
        .flatMap((c) => c.children)
        .find((r) => r.kind === "radio" && r.value === value);
      if (!radio) throw new Error(`select(): "${this.name}" has no option "${value}"`);
      return new Control(this.session, radio).check();
    }
    const el = this.#field("select()", (e) => e.kind === "field" && e.type === "select-one");
    const option = el.options?.find((o) => o.value === value);
    if (!option) throw new Error(`select(): "${this.name}" has no option "${value}"`);
    if (option.disabled) throw new Error(`select(): option "${value}" is disabled`);
    return this.session.run((d) => {
      if (this.session.valueOf(el) === value) return;
      this.session.setValue(el, value);
      this.session.change(d, el);
    });
  }

  /** Checks (or with `false` unchecks) a Checkbox, or checks a radio, by clicking it if needed. */
  check(checked = true): InteractionResult {
    const el = this.#field(
      "check()",
      (e) => e.kind === "radio" || (e.kind === "field" && e.type === "checkbox"),
    );
    if (el.kind === "radio" && !checked)
      throw new Error("check(false): a radio cannot be unchecked");
    return this.session.run((d) => {
      if (this.session.valueOf(el) !== checked) this.session.click(d, el);
    });
  }

  /** Picks a day (`YYYY-MM-DD`, or `""` to clear) in a DatePicker. */
  pickDate(date: string): InteractionResult {
    const el = this.#field("pickDate()", (e) => e.kind === "field" && e.type === "date");
    if (date !== "" && sanitizeValue("date", date) !== date)
      throw new Error(`pickDate(): "${date}" is not a YYYY-MM-DD day`);
    return this.session.run((d) => {
      if (this.session.valueOf(el) === date) return;
      this.session.setValue(el, date);
      this.session.change(d, el);
    });
  }

  /** Clicks: a button, a clickable list row, a Checkbox or radio, or text (which clicks what contains it). */
  click(): InteractionResult {
    for (let n: El | undefined = this.el; n; n = n.parent) {
      if ((n.kind === "button" || n.kind === "field" || n.kind === "radio") && n.disabled) {
        throw new Error(`click(): "${new Control(this.session, n).name}" is disabled`);
      }
    }
    return this.session.run((d) => this.session.click(d, this.el));
  }

  /** Presses Enter: in a single-line field this submits its form; on a button it clicks it. */
  submit(): InteractionResult {
    if (this.el.kind === "button" || this.el.kind === "listItem") return this.click();
    const el = this.el;
    if (el.kind !== "field" || !submitsOnEnter(el.type ?? "")) {
      throw new Error(`submit() presses Enter in a single-line field; "${this.name}" is not one`);
    }
    return this.session.run((d) => {
      const form = closest(el, "form");
      if (form) this.session.submitForm(d, form, undefined);
    });
  }
}
