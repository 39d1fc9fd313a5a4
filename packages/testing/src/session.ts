/**
 * The engine behind `mountWidget`: the widget as `<tk-widget>` shows it, the values the user typed,
 * and the element's event handling (click handlers bubbling, label activation, checkbox toggling,
 * change events, form submission with native validation), built on `@threadkit/core`'s rules.
 */
import {
  type ActionConfig,
  type ActionSite,
  collectFields,
  type FieldControl,
  formAction,
  type Loading,
  resolveLoading,
  validateField,
  type WidgetItem,
} from "@threadkit/core";
import type { Blocked, InteractionResult, Role } from "./types.js";
import { asNode, buildView, type El, type View } from "./view.js";

/** Collapses whitespace as accessible names and text matching do. */
export const collapse = (text: string) => text.replace(/\s+/g, " ").trim();

function asAction(value: unknown): ActionConfig | undefined {
  return typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    typeof (value as { type?: unknown }).type === "string"
    ? (value as ActionConfig)
    : undefined;
}

/** The nearest ancestor-or-self of `kind`. */
export function closest(el: El | undefined, kind: El["kind"]): El | undefined {
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
 * The state of a mounted widget and the element's behaviour over it: the rendered view, what the
 * user typed, expanded lists and cards, and how a click, a change or a submission turns into the
 * actions `<tk-widget>` sends.
 */
export class WidgetSession {
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

  /** Every element of the current view, in document order. */
  get all(): readonly El[] {
    return this.#view.all;
  }

  /** The widget item shown (a plain widget gets the id `"widget"`). */
  get item(): WidgetItem {
    return this.#item;
  }

  /**
   * Shows an updated widget (or widget item) in place, as the element does on `thread.item.updated`:
   * what the user typed stays unless the field's default changed or the field is gone (or the item
   * is another one).
   *
   * @example
   * ```ts
   * w.update(result.widgets[0]);
   * ```
   */
  update(widgetOrItem: unknown): void {
    if (isItem(widgetOrItem) && widgetOrItem.id !== this.#item.id) {
      // Another item: the element starts over (nothing typed, nothing expanded).
      this.#values.clear();
      this.#expanded.clear();
    }
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

  /** The labels of a field: Label widgets pointing at it, its wrapping label, its aria-label. */
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

  /** The accessible name of an element. */
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

  /** The current value of a field (a radio: whether it is checked). */
  valueOf(el: El): string | boolean {
    if (el.kind === "radio") return el.group ? this.valueOf(el.group) === el.value : false;
    const typed = this.#values.get(el.path);
    return typed ? typed.value : (this.#view.defaults.get(el.path) ?? "");
  }

  /** Sets a field's value as the user did. */
  setValue(el: El, value: string | boolean): void {
    const target = el.kind === "radio" && el.group ? el.group : el;
    this.#values.set(target.path, {
      value,
      base: this.#view.defaults.get(target.path),
      name: target.name ?? "",
    });
  }

  /** Runs one interaction and reports what the element would do. */
  run(body: (d: Dispatch) => void): InteractionResult {
    const d = new Dispatch();
    body(d);
    if (d.toggles.length) {
      for (const path of d.toggles) if (!this.#expanded.delete(path)) this.#expanded.add(path);
      this.#rebuild();
    }
    return d.result();
  }

  /** The element's `#act`: in-flight guard, form values merged, loading resolved. */
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

  /** The form's native controls, as `form.elements` lists them. */
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

  /** Native constraint validation of a form: the first invalid field, if any. */
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

  /** A form submission (Enter, or a submit button as `submitter`). */
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

  /** A click on `target`: its and its ancestors' click handlers, then its activation. */
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

  /** A field's `change` event: its `onChangeAction`, with the form's values. */
  change(d: Dispatch, el: El): void {
    const owner = el.kind === "radio" && el.group ? el.group : el;
    if (owner.node.onChangeAction) this.act(d, owner.node.onChangeAction, "change", el, owner.path);
  }

  /** The control a Label widget points at (its `for`), if rendered. */
  labelled(label: El): El | undefined {
    if (label.forName === undefined) return undefined;
    const id = `f-${label.forName.replace(/[^\w-]/g, "_")}`;
    return this.#view.all.find((el) => el.domId === id);
  }
}

/** The role a user finds an element by (`undefined` for plain text). */
export function roleOf(el: El): Role | undefined {
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
