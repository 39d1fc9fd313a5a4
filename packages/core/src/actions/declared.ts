import { opensForm } from "../forms/controls.js";
import type { FormNodeLike } from "../forms/fields.js";
import type { ActionSite } from "../forms/loading.js";
import type { ActionConfig } from "./config.js";

/**
 * Where a widget binds an action: a Button or ListViewItem click, a control's change
 * (Select, Checkbox, RadioGroup, DatePicker), a Form's submit, or a Card's confirm / cancel.
 */
export type DeclaredActionSite = ActionSite;

/** One {@link ActionConfig} a widget declares, with where it is bound and the form around it. */
export interface DeclaredAction {
  /** The action as declared (its `type` and static `payload`). */
  readonly config: ActionConfig;
  /** Where it is bound. */
  readonly site: DeclaredActionSite;
  /** The node that declares it (the Button, Form, Select, Card...). */
  readonly node: FormNodeLike;
  /**
   * The Form, or Card with `asForm`, whose fields the element merges into this action's payload:
   * the outermost one around the node (a nested Form renders as a group of the outer one).
   * `undefined` when the node is not inside a form.
   */
  readonly form: FormNodeLike | undefined;
  /**
   * Whether the element runs the form's validation before sending it: a Form's submit, a submit
   * Button's own click action, and the confirm of a Card with `asForm`.
   */
  readonly validated: boolean;
}

const CHANGE_TYPES: ReadonlySet<string> = new Set([
  "Select",
  "Checkbox",
  "RadioGroup",
  "DatePicker",
]);

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function actionConfig(value: unknown): ActionConfig | undefined {
  const config = record(value);
  return config && typeof config.type === "string" ? (config as ActionConfig) : undefined;
}

/**
 * Every action a widget declares, in document order, with its site and form scope: the list the
 * server checks an incoming `threads.custom_action` against. Children are followed as the element
 * renders them (`children` arrays, or a single node as in `Transition`).
 *
 * @example
 * ```ts
 * declaredActions(Card({ asForm: true, children: [Input({ name: "title" })],
 *   confirm: { label: "Add", action: { type: "todo.add" } } }));
 * // [{ config: { type: "todo.add" }, site: "confirm", node: <the Card>, form: <the Card>, validated: true }]
 * ```
 */
export function declaredActions(root: FormNodeLike): DeclaredAction[] {
  const found: DeclaredAction[] = [];
  const add = (
    value: unknown,
    site: DeclaredActionSite,
    node: FormNodeLike,
    form: FormNodeLike | undefined,
    validated: boolean,
  ) => {
    const config = actionConfig(value);
    if (config) found.push({ config, site, node, form, validated });
  };
  const visit = (value: unknown, form: FormNodeLike | undefined): void => {
    if (Array.isArray(value)) {
      for (const child of value) visit(child, form);
      return;
    }
    const props = record(value);
    if (!props || typeof props.type !== "string") return;
    const node = props as unknown as FormNodeLike;
    const type = props.type;
    // Only the outermost form is a <form>; inner ones join it.
    const scope = form ?? (opensForm(node, false) ? node : undefined);
    if (type === "Button") {
      add(props.onClickAction, "button", node, scope, scope !== undefined && props.submit === true);
    } else if (type === "ListViewItem") {
      add(props.onClickAction, "listItem", node, scope, false);
    } else if (type === "Form") {
      // A nested Form renders as a group of the outer one: its onSubmitAction is never sent.
      if (opensForm(node, form !== undefined))
        add(props.onSubmitAction, "submit", node, scope, true);
    } else if (CHANGE_TYPES.has(type)) {
      add(props.onChangeAction, "change", node, scope, false);
    } else if (type === "Card") {
      const asForm = scope === node;
      add(record(props.confirm)?.action, "confirm", node, scope, asForm);
      add(record(props.cancel)?.action, "cancel", node, scope, false);
    }
    visit(props.children, scope);
  };
  visit(root, undefined);
  return found;
}
