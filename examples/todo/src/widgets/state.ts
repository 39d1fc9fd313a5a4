import type { WidgetItem } from "@threadkit/core";
import { FILTERS, type Filter } from "../todos/todo.js";

/** What the list widget shows besides the todos: the filter and at most one open form. */
export interface ListState {
  filter: Filter;
  /** The id of the todo whose row is the edit form. */
  editing?: string | undefined;
  /** Whether the add form is open. */
  adding?: boolean | undefined;
}

/** The `id` of the list widget's root Card: how the server finds the list in a thread. */
export const LIST_ROOT_ID = "todo-list";
/** The `id` of the delete-all-done confirmation Card. */
export const CONFIRM_ROOT_ID = "todo-delete-done";
/** The `name` of the filter Select. */
export const FILTER_FIELD = "filter";

function* walk(node: unknown): Generator<Record<string, unknown>> {
  if (typeof node !== "object" || node === null) return;
  const record = node as Record<string, unknown>;
  yield record;
  const children = record.children;
  if (Array.isArray(children)) for (const child of children) yield* walk(child);
  else if (children) yield* walk(children);
}

/**
 * The filter a rendered list widget shows, read back from its filter Select: the widget itself
 * is the state, so an action from the list re-renders it with the same filter.
 */
export function readFilter(widget: WidgetItem["widget"] | undefined): Filter {
  for (const node of walk(widget)) {
    if (node.type === "Select" && node.name === FILTER_FIELD) {
      const value = node.defaultValue;
      if (FILTERS.includes(value as Filter)) return value as Filter;
    }
  }
  return "all";
}

/** Whether `item` is a todo list widget (its root Card has {@link LIST_ROOT_ID}). */
export function isListWidget(item: { type: string; widget?: unknown }): item is WidgetItem {
  return (
    item.type === "widget" && (item.widget as { id?: unknown } | undefined)?.id === LIST_ROOT_ID
  );
}

/** Whether `item` is a todo app widget: the list or the delete confirmation. */
export function isTodoWidget(item: { type: string; widget?: unknown }): item is WidgetItem {
  const id = (item.widget as { id?: unknown } | undefined)?.id;
  return item.type === "widget" && (id === LIST_ROOT_ID || id === CONFIRM_ROOT_ID);
}
