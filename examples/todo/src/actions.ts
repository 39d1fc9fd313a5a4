/**
 * Every action of the todo app, declared once. Widgets build their `ActionConfig`s with
 * `X.create(payload)`, the page parses the client-handled ones, and the server parses every
 * incoming action with {@link TodoActions} — so a widget, its handler and the parser always agree
 * on the payload. Payloads are untrusted: every string is bounded and every id has a shape.
 * @module
 */
import {
  type ActionDefinition,
  actionSet,
  type CreateActionOptions,
  defineAction,
  type InferAction,
  type TypedActionConfig,
  z,
} from "@threadkit/core";
import { FILTERS, ISO_DATE, LIMITS, PRIORITIES, TODO_ID } from "./todos/todo.js";

const id = z.string().regex(TODO_ID, "expected a todo id (td_ and 16 hex digits)");
const title = z.string().trim().min(1, "a title is required").max(LIMITS.title);
const description = z.string().max(LIMITS.description);
const filter = z.enum(FILTERS);
const priority = z.enum(PRIORITIES);

/** "Done" on a row: marks the todo done. */
export const CompleteTodo = defineAction("todo.complete", z.object({ id }));
/** "Reopen" on a done row. */
export const ReopenTodo = defineAction("todo.reopen", z.object({ id }));
/** The host page's "Clear completed" button (`chat.sendAction`): deletes every done todo. */
export const ClearCompleted = defineAction("todo.clear_completed", undefined, { imperative: true });
/** "Details" on a row: handled in the browser, which opens the host page's dialog. */
export const ShowDetails = defineAction("todo.details", z.object({ id }));
/** The Details dialog's "Save note" (`chat.sendAction` from the client handler). */
export const SaveNote = defineAction(
  "todo.note",
  z.object({ id, note: z.string().max(LIMITS.note) }),
  { imperative: true },
);
/** "Edit" on a row: replaces the row with the edit form. */
export const EditTodo = defineAction("todo.edit", z.object({ id }));
/** The edit form's submit: the seed's `update_todo`, with the form's `title` and `description`. */
export const UpdateTodo = defineAction(
  "todo.update",
  z.object({ id, title, description: description.default("") }),
);
/**
 * What a Cancel button inside a form receives: the form's fields, merged into its payload like
 * for every action that starts inside a form. Cancel ignores them.
 */
const ignoredFields = z.record(z.string(), z.unknown()).nullable();

/** "Cancel" in the edit or add form: back to the plain list (the form's fields are ignored). */
export const CloseForm = defineAction("todo.close_form", ignoredFields);
/** "Add todo": shows the add form under the list. */
export const OpenAddForm = defineAction("todo.add_form");
/** The add form's submit; its fields are named `todo.title`, `todo.due`, `todo.priority`. */
export const AddTodo = defineAction(
  "todo.add",
  z.object({
    todo: z.object({
      title,
      due: z.union([z.literal(""), z.string().regex(ISO_DATE, "expected YYYY-MM-DD")]).optional(),
      priority: z.union([z.literal(""), priority]).optional(),
    }),
  }),
);
/** The filter Select's change action (the Select's value arrives as `filter`). */
export const FilterTodos = defineAction("todo.filter", z.object({ filter }));
/** "Delete all done": replaces the list with the confirmation card. */
export const AskDeleteDone = defineAction("todo.delete_done.ask");
/** The confirmation card's confirm: the required checkbox arrives as `understand: true`. */
export const DeleteDone = defineAction(
  "todo.delete_done",
  z.object({ understand: z.literal(true, "tick “I understand” first") }),
);
/** The confirmation card's cancel (the card is a form, so its checkbox comes along, ignored). */
export const CancelDeleteDone = defineAction("todo.delete_done.cancel", ignoredFields);
/**
 * The priority form in the edit view. It deliberately names its Select `priority`, the same as a
 * key of its static payload, so the form value is ignored and the client reports the collision.
 */
export const SetPriority = defineAction("todo.set_priority", z.object({ id, priority }));

/**
 * The parser of every action the app declares; the server's `action()` runs it first. Given to
 * the server (`{ actions: TodoActions }`), it also says which actions the page may send without a
 * widget: those defined with `imperative: true`.
 */
export const TodoActions = actionSet(
  CompleteTodo,
  ReopenTodo,
  ClearCompleted,
  ShowDetails,
  SaveNote,
  EditTodo,
  UpdateTodo,
  CloseForm,
  OpenAddForm,
  AddTodo,
  FilterTodos,
  AskDeleteDone,
  DeleteDone,
  CancelDeleteDone,
  SetPriority,
);

/** Any parsed action of the app, narrowed by `type`. */
export type TodoAction = InferAction<typeof TodoActions>;

/**
 * The `ActionConfig` of an action sent from inside a form: only the static part of the payload
 * is given here (checked against the payload type); the form's fields fill in the rest when the
 * user submits, and the server parses the whole payload with {@link TodoActions}.
 *
 * @example
 * Form({ onSubmitAction: formAction(UpdateTodo, { id: todo.id }), children: [...] });
 */
export function formAction<T extends string, S extends z.ZodType>(
  definition: ActionDefinition<T, S>,
  payload: Partial<z.input<S>>,
  options: CreateActionOptions = {},
): TypedActionConfig<T> {
  const config: TypedActionConfig<T> = { type: definition.type, payload };
  if (options.handler !== undefined) config.handler = options.handler;
  if (options.loadingBehavior !== undefined) config.loadingBehavior = options.loadingBehavior;
  if (options.streaming !== undefined) config.streaming = options.streaming;
  return config;
}
