/**
 * `mountWidget`: a widget held as `<threadkit-chat>` shows it, with controls found the way a user
 * finds them and interactions that report exactly what the element would do.
 */
import {
  type ActionConfig,
  type ActionSite,
  collectFields,
  type FieldControl,
  type FieldRule,
  formAction,
  type Loading,
  resolveLoading,
  submitsOnEnter,
  validateField,
  type WidgetItem,
} from "@threadkit/core";
import { isNumberText, sanitizeValue } from "./native.js";
import { asNode, buildView, type El, type View } from "./view.js";

/** The native validation failure that blocked a submission: the first invalid field. */
export interface Blocked {
  /** The field's name (its `name`, or `editable.name` of a Text). */
  name: string;
  /** The HTML validity rule that failed (`step` only for a non-whole number in a number Input). */
  rule: FieldRule;
  /** The field's `errorMessage`, else a message like the one the browser shows. */
  message: string;
}

/** What the element would do for one interaction. */
export interface InteractionResult {
  /** The action it would send (the first one when a click sends several), with form values merged. */
  action?: ActionConfig;
  /** Every action it would send, in order (a Button inside a clickable ListViewItem sends both). */
  actions: ActionConfig[];
  /** The native validation failure that blocks a submission (then nothing is sent). */
  blocked?: Blocked;
  /** What it reports as `chatkit.error`: bad field names and payload collisions. */
  errors: Error[];
  /** The loading state the (first) action shows: `auto` resolved by where it is bound. */
  loading: Loading;
}

/** Roles a control can be found by (as a browser's accessibility tree names them). */
export type Role =
  | "button"
  | "textbox"
  | "spinbutton"
  | "combobox"
  | "checkbox"
  | "radio"
  | "group"
  | "radiogroup";

/** How a text query matches: exactly (after collapsing whitespace), else case-insensitively as a substring. */
export interface MatchOptions {
  /** Only exact matches (after collapsing whitespace). */
  exact?: boolean;
}

const collapse = (text: string) => text.replace(/\s+/g, " ").trim();

function matcher(query: string | RegExp, options: MatchOptions = {}) {
  if (query instanceof RegExp) return { strict: (t: string) => query.test(t), loose: () => false };
  const q = collapse(query);
  return {
    strict: (t: string) => collapse(t) === q,
    loose: (t: string) => !options.exact && collapse(t).toLowerCase().includes(q.toLowerCase()),
  };
}

function asAction(value: unknown): ActionConfig | undefined {
  return typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    typeof (value as { type?: unknown }).type === "string"
    ? (value as ActionConfig)
    : undefined;
}

function closest(el: El | undefined, kind: El["kind"]): El | undefined {
  for (let n = el; n; n = n.parent) if (n.kind === kind) return n;
  return undefined;
}

function descendants(el: El): El[] {
  return el.children.flatMap((c) => [c, ...descendants(c)]);
}

function isItem(value: unknown): value is WidgetItem {
  const o = value as { type?: unknown; widget?: unknown } | null;
  return (
    typeof o === "object" && o !== null && o.type === "widget" && asNode(o.widget) !== undefined
  );
}

/** @internal One interaction in progress: the element's in-flight guard and what was sent. */
export class Dispatch {
  readonly actions: ActionConfig[] = [];
  readonly loadings: Loading[] = [];
  readonly errors: Error[] = [];
  blocked: Blocked | undefined;
  readonly inFlight = new Set<string>();
  containerBusy = false;
  readonly toggles: string[] = [];

  result(): InteractionResult {
    const out: InteractionResult = {
      actions: this.actions,
      errors: this.errors,
      loading: this.loadings[0] ?? "none",
    };
    if (this.actions[0]) out.action = this.actions[0];
    if (this.blocked) out.blocked = this.blocked;
    return out;
  }
}

/**
 * A widget mounted as the element shows it. Find controls with `getByRole`, `getByLabel`,
 * `getByName` and `getByText` (each throws unless exactly one matches; `getAllBy...` return every
 * match), then act on them. Typed values persist across interactions, as in the browser; each
 * action is taken to have finished before the next interaction.
 *
 * @example
 * ```ts
 * const w = mountWidget(editForm);
 * w.getByLabel("Title").fill("Buy oat milk");
 * const { action, blocked } = w.getByRole("button", { name: "Save" }).click();
 * ```
 */
export class MountedWidget {
  #item: WidgetItem;
  #view: View;
  /** What the user typed, by field path, with the field's name and the default it replaced. */
  readonly #values = new Map<
    string,
    { value: string | boolean; base: string | boolean | undefined; name: string }
  >();
  readonly #expanded = new Set<string>();

  constructor(widgetOrItem: unknown) {
    this.#item = isItem(widgetOrItem)
      ? { ...widgetOrItem }
      : ({
          type: "widget",
          id: "widget",
          thread_id: "thread",
          created_at: new Date(0).toISOString(),
          widget: widgetOrItem,
        } as WidgetItem);
    this.#view = buildView(this.#item.widget, this.#expanded);
  }

  /** The widget item shown (a plain widget gets the id `"widget"`). */
  get item(): WidgetItem {
    return this.#item;
  }

  /** The widget's root node. */
  get widget(): unknown {
    return this.#item.widget;
  }

  /**
   * Shows an updated widget (or widget item) in place, as the element does on `thread.item.updated`:
   * what the user typed stays unless the field's default changed or the field is gone.
   *
   * @example
   * ```ts
   * w.update(result.widgets[0]);
   * ```
   */
  update(widgetOrItem: unknown): void {
    this.#item = isItem(widgetOrItem)
      ? { ...widgetOrItem }
      : ({ ...this.#item, widget: widgetOrItem } as WidgetItem);
    this.#rebuild();
  }

  /**
   * Renders again, keeping typed values as the element's field memory does: a field keeps what was
   * typed while its default is unchanged (a field that moved finds it by name); a changed default
   * wins; a field that is gone is forgotten.
   */
  #rebuild(): void {
    this.#view = buildView(this.#item.widget, this.#expanded);
    const before = new Map(this.#values);
    const byName = new Map([...before.values()].map((typed) => [typed.name, typed]));
    this.#values.clear();
    for (const el of this.#view.all) {
      if (el.kind !== "field" && el.kind !== "radiogroup") continue;
      const typed = before.get(el.path) ?? byName.get(el.name ?? "");
      if (typed && typed.base === this.#view.defaults.get(el.path))
        this.#values.set(el.path, typed);
    }
  }

  /** Every control a user can act on, in document order. */
  controls(): Control[] {
    return this.#view.all
      .filter((el) => roleOf(el) !== undefined)
      .map((el) => new Control(this, el));
  }

  /** Controls of `role` whose accessible name matches `options.name` (all of them without a name). */
  getAllByRole(role: Role, options: MatchOptions & { name?: string | RegExp } = {}): Control[] {
    const want = role === "radiogroup" ? "group" : role;
    const candidates = this.#view.all.filter((el) => roleOf(el) === want);
    if (options.name === undefined) return candidates.map((el) => new Control(this, el));
    return this.#match(candidates, (el) => [this.accessibleName(el)], options.name, options);
  }

  /** The one control of `role` named `options.name`. */
  getByRole(role: Role, options: MatchOptions & { name?: string | RegExp } = {}): Control {
    return only(
      this.getAllByRole(role, options),
      `role ${role}${options.name ? ` named ${String(options.name)}` : ""}`,
    );
  }

  /** Fields whose label (a Label widget, the Checkbox/radio label, or `aria-label`) matches `text`. */
  getAllByLabel(text: string | RegExp, options: MatchOptions = {}): Control[] {
    const fields = this.#view.all.filter(
      (el) => el.kind === "field" || el.kind === "radio" || el.kind === "radiogroup",
    );
    return this.#match(fields, (el) => this.labels(el), text, options);
  }

  /** The one field labelled `text`. */
  getByLabel(text: string | RegExp, options: MatchOptions = {}): Control {
    return only(this.getAllByLabel(text, options), `label ${String(text)}`);
  }

  /** Fields whose `name` is `name` (a RadioGroup is one field). */
  getAllByName(name: string): Control[] {
    return this.#view.all
      .filter((el) => (el.kind === "field" || el.kind === "radiogroup") && el.name === name)
      .map((el) => new Control(this, el));
  }

  /** The one field named `name`. */
  getByName(name: string): Control {
    return only(this.getAllByName(name), `name ${name}`);
  }

  /** Elements showing `text` (Text, Title, Caption, Markdown, Badge, Label, button and option labels). */
  getAllByText(text: string | RegExp, options: MatchOptions = {}): Control[] {
    const texts = this.#view.all.filter((el) => el.text !== undefined && el.text !== "");
    return this.#match(texts, (el) => [el.text ?? ""], text, options);
  }

  /** The one element showing `text`; clicking it clicks what the user would hit. */
  getByText(text: string | RegExp, options: MatchOptions = {}): Control {
    return only(this.getAllByText(text, options), `text ${String(text)}`);
  }

  /**
   * Presses Enter in the widget's only form, as in one of its single-line fields: validates, then
   * sends the form's action (`onSubmitAction`, or a Card's `confirm.action`).
   */
  submit(): InteractionResult {
    const forms = this.#view.all.filter((el) => el.kind === "form");
    const form = only(
      forms.map((el) => new Control(this, el)),
      "form",
    ).el;
    return this.run((d) => this.submitForm(d, form, undefined));
  }

  #match(
    els: El[],
    texts: (el: El) => string[],
    query: string | RegExp,
    options: MatchOptions,
  ): Control[] {
    const m = matcher(query, options);
    let found = els.filter((el) => texts(el).some(m.strict));
    if (found.length === 0) found = els.filter((el) => texts(el).some(m.loose));
    return found.map((el) => new Control(this, el));
  }

  /** @internal The labels of a field: Label widgets pointing at it, its wrapping label, its aria-label. */
  labels(el: El): string[] {
    const out: string[] = [];
    if (el.domId !== undefined && this.#view.all.find((o) => o.domId === el.domId) === el) {
      for (const label of this.#view.all) {
        if (
          label.kind === "label" &&
          label.forName !== undefined &&
          `f-${label.forName.replace(/[^\w-]/g, "_")}` === el.domId
        ) {
          out.push(label.text ?? "");
        }
      }
    }
    if (el.parent?.kind === "label" && el.parent.wraps === el && el.parent.text)
      out.push(el.parent.text);
    if (el.ariaLabel !== undefined) out.push(el.ariaLabel);
    return out;
  }

  /** @internal The accessible name of an element. */
  accessibleName(el: El): string {
    if (el.ariaLabel !== undefined && el.kind !== "radiogroup") return el.ariaLabel;
    if (el.kind === "radiogroup") return el.ariaLabel ?? "";
    if (el.kind === "button") return collapse(el.text ?? "");
    if (el.kind === "listItem") {
      return collapse(
        descendants(el)
          .map((d) =>
            d.kind === "text" || d.kind === "label" || d.kind === "button" ? (d.text ?? "") : "",
          )
          .filter(Boolean)
          .join(" "),
      );
    }
    const labels = this.labels(el);
    if (labels.length) return collapse(labels.join(" "));
    return typeof el.node.placeholder === "string" ? el.node.placeholder : "";
  }

  /** @internal The current value of a field (a radio: whether it is checked). */
  valueOf(el: El): string | boolean {
    if (el.kind === "radio") return el.group ? this.valueOf(el.group) === el.value : false;
    const typed = this.#values.get(el.path);
    return typed ? typed.value : (this.#view.defaults.get(el.path) ?? "");
  }

  /** @internal Sets a field's value as the user did. */
  setValue(el: El, value: string | boolean): void {
    const target = el.kind === "radio" && el.group ? el.group : el;
    this.#values.set(target.path, {
      value,
      base: this.#view.defaults.get(target.path),
      name: target.name ?? "",
    });
  }

  /** @internal Runs one interaction and reports what the element would do. */
  run(body: (d: Dispatch) => void): InteractionResult {
    const d = new Dispatch();
    body(d);
    if (d.toggles.length) {
      for (const path of d.toggles) if (!this.#expanded.delete(path)) this.#expanded.add(path);
      this.#rebuild();
    }
    return d.result();
  }

  /** @internal The element's `#act`: in-flight guard, form values merged, loading resolved. */
  act(d: Dispatch, raw: unknown, site: ActionSite, origin: El, path: string): void {
    const action = asAction(raw);
    if (!action) return;
    if (d.inFlight.has(path) || d.containerBusy) return;
    const form = closest(origin, "form");
    let sent: ActionConfig = action;
    if (form) {
      const built = formAction(action, collectFields(this.formControls(form)));
      d.errors.push(...built.errors);
      sent = built.action;
    }
    const loading = resolveLoading(action.loadingBehavior, site);
    if (loading !== "none") d.inFlight.add(path);
    if (loading === "container") d.containerBusy = true;
    d.actions.push(JSON.parse(JSON.stringify(sent)) as ActionConfig);
    d.loadings.push(loading);
  }

  /** @internal The form's native controls, as `form.elements` lists them. */
  formControls(form: El): FieldControl[] {
    return descendants(form).flatMap((el): FieldControl[] => {
      if (el.kind === "field") {
        const value = this.valueOf(el);
        return [
          typeof value === "boolean"
            ? {
                name: el.name ?? "",
                type: "checkbox",
                value: "on",
                checked: value,
                disabled: el.disabled,
              }
            : { name: el.name ?? "", type: el.type ?? "text", value, disabled: el.disabled },
        ];
      }
      if (el.kind === "radio") {
        return [
          {
            name: el.name ?? "",
            type: "radio",
            value: el.value ?? "",
            checked: this.valueOf(el) === true,
            disabled: el.disabled,
          },
        ];
      }
      return [];
    });
  }

  /** @internal Native constraint validation of a form: the first invalid field, if any. */
  validate(form: El): Blocked | undefined {
    for (const el of descendants(form)) {
      if (el.kind !== "field" && el.kind !== "radiogroup") continue;
      if (el.disabled) continue;
      const error = validateField(el.node as { type: string }, this.valueOf(el));
      if (!error) continue;
      // The field's own `errorMessage`, when set, is the message the element shows.
      const props =
        el.node.type === "Text" ? (el.node.editable as Record<string, unknown>) : el.node;
      const custom =
        typeof props.errorMessage === "string" && props.errorMessage
          ? props.errorMessage
          : undefined;
      return { name: el.name ?? "", rule: error.code, message: custom ?? error.message };
    }
    return undefined;
  }

  /** @internal A form submission (Enter, or a submit button as `submitter`). */
  submitForm(d: Dispatch, form: El, submitter: El | undefined): void {
    const blocked = this.validate(form);
    if (blocked) {
      d.blocked = blocked;
      return;
    }
    const own = submitter?.button?.kind === "submit" ? submitter.button.action : undefined;
    if (own && submitter) this.act(d, own, "button", submitter, submitter.path);
    else if (form.submission?.action) {
      this.act(
        d,
        form.submission.action,
        form.submission.site,
        submitter ?? form,
        submitter?.path ?? form.path,
      );
    }
  }

  /** @internal A click on `target`: its and its ancestors' click handlers, then its activation. */
  click(d: Dispatch, target: El): void {
    // A checkbox or radio changes before the click's handlers run; `change` fires after them.
    let changed: El | undefined;
    if (target.kind === "field" && target.type === "checkbox") {
      this.setValue(target, !this.valueOf(target));
      changed = target;
    } else if (target.kind === "radio" && this.valueOf(target) !== true) {
      this.setValue(target, target.value ?? "");
      changed = target;
    }
    for (let n: El | undefined = target; n; n = n.parent) {
      if (n.kind === "button" && n.button?.kind === "click")
        this.act(d, n.button.action, n.button.site, n, n.path);
      if (n.kind === "button" && n.button?.kind === "toggle") d.toggles.push(n.button.target);
      if (n.kind === "listItem") this.act(d, n.node.onClickAction, "listItem", n, n.path);
    }
    if (changed) {
      this.change(d, changed);
      return;
    }
    for (let n: El | undefined = target; n; n = n.parent) {
      if (n.kind === "button") {
        const form = closest(n, "form");
        if (n.button?.kind === "submit" && form) this.submitForm(d, form, n);
        return;
      }
      if (n.kind === "field" || n.kind === "radio") return;
      if (n.kind === "label") {
        const control = n.wraps ?? this.labelled(n);
        if (
          control &&
          !control.disabled &&
          (control.type === "checkbox" || control.kind === "radio")
        ) {
          this.click(d, control);
        }
        return;
      }
    }
  }

  /** @internal A field's `change` event: its `onChangeAction`, with the form's values. */
  change(d: Dispatch, el: El): void {
    const owner = el.kind === "radio" && el.group ? el.group : el;
    if (owner.node.onChangeAction) this.act(d, owner.node.onChangeAction, "change", el, owner.path);
  }

  labelled(label: El): El | undefined {
    if (label.forName === undefined) return undefined;
    const id = `f-${label.forName.replace(/[^\w-]/g, "_")}`;
    return this.#view.all.find((el) => el.domId === id);
  }
}

function roleOf(el: El): Role | undefined {
  switch (el.kind) {
    case "button":
    case "listItem":
      return "button";
    case "radio":
      return "radio";
    case "radiogroup":
      return "group";
    case "field":
      switch (el.type) {
        case "number":
          return "spinbutton";
        case "select-one":
          return "combobox";
        case "checkbox":
          return "checkbox";
        default:
          return "textbox";
      }
    default:
      return undefined;
  }
}

function only(found: Control[], what: string): Control {
  if (found.length === 1) return found[0] as Control;
  if (found.length === 0) throw new Error(`No control found by ${what}`);
  throw new Error(
    `${found.length} controls found by ${what}: ${found.map((c) => `${c.role ?? c.el.kind} "${c.name}"`).join(", ")}; use getAllBy... and pick one`,
  );
}

/** A control (or a piece of text) of a mounted widget. Every action returns what the element would do. */
export class Control {
  /** @internal */
  constructor(
    readonly widget: MountedWidget,
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
      : this.widget.accessibleName(this.el);
  }

  /** The field's `name` (the key of its value in payloads), for fields. */
  get fieldName(): string | undefined {
    return this.el.kind === "field" || this.el.kind === "radiogroup" || this.el.kind === "radio"
      ? this.el.name
      : undefined;
  }

  /** The field's current value: text, the checked state of a Checkbox or radio, a RadioGroup's choice. */
  get value(): string | boolean {
    return this.widget.valueOf(this.el);
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
    return this.widget.run(() => this.widget.setValue(el, sanitizeValue(el.type ?? "text", typed)));
  }

  /** Picks the option with `value` in a Select, or the radio with `value` in a RadioGroup. */
  select(value: string): InteractionResult {
    if (this.el.kind === "radiogroup") {
      const radio = this.el.children
        .flatMap((c) => c.children)
        .find((r) => r.kind === "radio" && r.value === value);
      if (!radio) throw new Error(`select(): "${this.name}" has no option "${value}"`);
      return new Control(this.widget, radio).check();
    }
    const el = this.#field("select()", (e) => e.kind === "field" && e.type === "select-one");
    const option = el.options?.find((o) => o.value === value);
    if (!option) throw new Error(`select(): "${this.name}" has no option "${value}"`);
    if (option.disabled) throw new Error(`select(): option "${value}" is disabled`);
    return this.widget.run((d) => {
      if (this.widget.valueOf(el) === value) return;
      this.widget.setValue(el, value);
      this.widget.change(d, el);
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
    return this.widget.run((d) => {
      if (this.widget.valueOf(el) !== checked) this.widget.click(d, el);
    });
  }

  /** Picks a day (`YYYY-MM-DD`, or `""` to clear) in a DatePicker. */
  pickDate(date: string): InteractionResult {
    const el = this.#field("pickDate()", (e) => e.kind === "field" && e.type === "date");
    if (date !== "" && sanitizeValue("date", date) !== date)
      throw new Error(`pickDate(): "${date}" is not a YYYY-MM-DD day`);
    return this.widget.run((d) => {
      if (this.widget.valueOf(el) === date) return;
      this.widget.setValue(el, date);
      this.widget.change(d, el);
    });
  }

  /** Clicks: a button, a clickable list row, a Checkbox or radio, or text (which clicks what contains it). */
  click(): InteractionResult {
    for (let n: El | undefined = this.el; n; n = n.parent) {
      if ((n.kind === "button" || n.kind === "field" || n.kind === "radio") && n.disabled) {
        throw new Error(`click(): "${new Control(this.widget, n).name}" is disabled`);
      }
    }
    return this.widget.run((d) => this.widget.click(d, this.el));
  }

  /** Presses Enter: in a single-line field this submits its form; on a button it clicks it. */
  submit(): InteractionResult {
    if (this.el.kind === "button" || this.el.kind === "listItem") return this.click();
    const el = this.el;
    if (el.kind !== "field" || !submitsOnEnter(el.type ?? "")) {
      throw new Error(`submit() presses Enter in a single-line field; "${this.name}" is not one`);
    }
    return this.widget.run((d) => {
      const form = closest(el, "form");
      if (form) this.widget.submitForm(d, form, undefined);
    });
  }
}

/**
 * Mounts a widget (a Card, ListView or Basic root) or a widget thread item for testing, as
 * `<threadkit-chat>` would show it.
 *
 * @example
 * ```ts
 * const w = mountWidget({ type: "Card", children: [{ type: "Button", label: "Go", onClickAction: { type: "go" } }] });
 * w.getByRole("button", { name: "Go" }).click().action; // { type: "go" }
 * ```
 */
export function mountWidget(widgetOrItem: unknown): MountedWidget {
  return new MountedWidget(widgetOrItem);
}
