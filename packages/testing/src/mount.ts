/**
 * `mountWidget`: a widget held as `<threadkit-chat>` shows it, with controls found the way a user
 * finds them and interactions that report exactly what the element would do.
 */
import type { WidgetItem } from "@threadkit/core";
import { Control } from "./control.js";
import { collapse, roleOf, WidgetSession } from "./session.js";
import type { InteractionResult, MatchOptions, Role } from "./types.js";
import type { El } from "./view.js";

function matcher(query: string | RegExp, options: MatchOptions = {}) {
  if (query instanceof RegExp) return { strict: (t: string) => query.test(t), loose: () => false };
  const q = collapse(query);
  return {
    strict: (t: string) => collapse(t) === q,
    loose: (t: string) => !options.exact && collapse(t).toLowerCase().includes(q.toLowerCase()),
  };
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
  readonly #session: WidgetSession;

  constructor(widgetOrItem: unknown) {
    this.#session = new WidgetSession(widgetOrItem);
  }

  /** The widget item shown (a plain widget gets the id `"widget"`). */
  get item(): WidgetItem {
    return this.#session.item;
  }

  /** The widget's root node. */
  get widget(): unknown {
    return this.#session.item.widget;
  }

  /**
   * Shows an updated widget (or widget item) in place, as the element does on `thread.item.updated`:
   * what the user typed stays unless the field's default changed or the field is gone (or the item
   * is another one).
   *
   * @example
   * ```ts
   * w.update(turn.widgets[0]);
   * ```
   */
  update(widgetOrItem: unknown): void {
    this.#session.update(widgetOrItem);
  }

  /** Every control a user can act on, in document order. */
  controls(): Control[] {
    return this.#session.all
      .filter((el) => roleOf(el) !== undefined)
      .map((el) => new Control(this.#session, el));
  }

  /** Controls of `role` whose accessible name matches `options.name` (all of them without a name). */
  getAllByRole(role: Role, options: MatchOptions & { name?: string | RegExp } = {}): Control[] {
    const want = role === "radiogroup" ? "group" : role;
    const candidates = this.#session.all.filter((el) => roleOf(el) === want);
    if (options.name === undefined) return candidates.map((el) => new Control(this.#session, el));
    return this.#match(
      candidates,
      (el) => [this.#session.accessibleName(el)],
      options.name,
      options,
    );
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
    const fields = this.#session.all.filter(
      (el) => el.kind === "field" || el.kind === "radio" || el.kind === "radiogroup",
    );
    return this.#match(fields, (el) => this.#session.labels(el), text, options);
  }

  /** The one field labelled `text`. */
  getByLabel(text: string | RegExp, options: MatchOptions = {}): Control {
    return only(this.getAllByLabel(text, options), `label ${String(text)}`);
  }

  /** Fields whose `name` is `name` (a RadioGroup is one field). */
  getAllByName(name: string): Control[] {
    return this.#session.all
      .filter((el) => (el.kind === "field" || el.kind === "radiogroup") && el.name === name)
      .map((el) => new Control(this.#session, el));
  }

  /** The one field named `name`. */
  getByName(name: string): Control {
    return only(this.getAllByName(name), `name ${name}`);
  }

  /** Elements showing `text` (Text, Title, Caption, Markdown, Badge, Label, button and option labels). */
  getAllByText(text: string | RegExp, options: MatchOptions = {}): Control[] {
    const texts = this.#session.all.filter((el) => el.text !== undefined && el.text !== "");
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
    const forms = this.#session.all.filter((el) => el.kind === "form");
    const form = only(
      forms.map((el) => new Control(this.#session, el)),
      "form",
    ).el;
    return this.#session.run((d) => this.#session.submitForm(d, form, undefined));
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
    return found.map((el) => new Control(this.#session, el));
  }
}

function only(found: Control[], what: string): Control {
  if (found.length === 1) return found[0] as Control;
  if (found.length === 0) throw new Error(`No control found by ${what}`);
  throw new Error(
    `${found.length} controls found by ${what}: ${found.map((c) => `${c.role ?? c.el.kind} "${c.name}"`).join(", ")}; use getAllBy... and pick one`,
  );
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
