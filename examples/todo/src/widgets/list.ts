import {
  Button,
  Caption,
  Card,
  Col,
  Divider,
  Form,
  Icon,
  Row,
  Select,
  Spacer,
  Text,
  Title,
  type WidgetComponent,
} from "@threadkit/core";
import { AskDeleteDone, FilterTodos, formAction, OpenAddForm } from "../actions.js";
import { countTodos, type Filter, matchesFilter, type Todo } from "../todos/todo.js";
import { addTodoForm } from "./add-form.js";
import { editRow, todoRow } from "./row.js";
import { FILTER_FIELD, LIST_ROOT_ID, type ListState } from "./state.js";

const FILTER_LABEL: Record<Filter, string> = { all: "All", open: "Open", done: "Done" };
const EMPTY: Record<Filter, string> = {
  all: "No todos yet. Add one below, or type “add buy milk”.",
  open: "Nothing open. Nice work!",
  done: "Nothing done yet.",
};

/** "2 open · 1 done". */
export function summary(todos: readonly Todo[]): string {
  const { open, done } = countTodos(todos);
  return `${open} open · ${done} done`;
}

/**
 * The filter Select, alone in a Form so that its value travels with its change action
 * (`{ filter }`); `loadingBehavior` stays `auto`, which is `none` for a change action.
 */
function filterForm(filter: Filter): WidgetComponent {
  return Form({
    key: "filter-form",
    children: [
      Select({
        name: FILTER_FIELD,
        defaultValue: filter,
        size: "sm",
        variant: "outline",
        onChangeAction: formAction(FilterTodos, {}),
        options: (["all", "open", "done"] as const).map((f) => ({
          value: f,
          label: FILTER_LABEL[f],
        })),
      }),
    ],
  });
}

function footer(todos: readonly Todo[]): WidgetComponent {
  const { done } = countTodos(todos);
  return Row({
    key: "footer",
    gap: 2,
    children: [
      Button({
        label: "Add todo",
        iconStart: "plus",
        size: "sm",
        variant: "soft",
        onClickAction: OpenAddForm.create(),
      }),
      Spacer(),
      Button({
        label: "Delete all done",
        size: "sm",
        variant: "ghost",
        color: "danger",
        disabled: done === 0,
        onClickAction: AskDeleteDone.create(),
      }),
    ],
  });
}

/**
 * The todo list widget: a header with counts and the filter, one row per todo (or the edit
 * form in place of the row being edited), then "Add todo" (or the add form) and
 * "Delete all done".
 *
 * @example
 * yield* this.streamWidget(thread, todoListCard(todos.list(userId), { filter: "all" }, isoToday(), "en-GB"));
 */
export function todoListCard(
  todos: readonly Todo[],
  state: ListState,
  today: string,
  locale?: string,
): Card {
  const shown = todos.filter((t) => matchesFilter(t, state.filter));
  const rows = shown.map((t) => (t.id === state.editing ? editRow(t) : todoRow(t, today, locale)));
  return Card({
    id: LIST_ROOT_ID,
    size: "lg",
    children: [
      Row({
        key: "header",
        gap: 3,
        children: [
          Icon({ name: "check-circle", size: "xl", color: "primary" }),
          Col({
            gap: 0,
            children: [
              Title({ value: "Todos", size: "md" }),
              Caption({ value: summary(todos), color: "secondary" }),
            ],
          }),
          Spacer(),
          filterForm(state.filter),
        ],
      }),
      Divider({ spacing: 1 }),
      ...(rows.length > 0
        ? rows
        : [Text({ key: "empty", value: EMPTY[state.filter], color: "secondary", size: "sm" })]),
      Divider({ spacing: 1 }),
      state.adding ? addTodoForm(today) : footer(todos),
    ],
  });
}
