import type { WidgetRoot } from "@threadkit/core";
import { CustomStreamError, FieldErrors } from "@threadkit/server";
import type { TodoAction } from "./actions.js";
import { TodoLimitError, type TodoRepo } from "./todos/repo.js";
import { type Filter, formatDue, type NewTodo, type Todo } from "./todos/todo.js";
import type { UserAction } from "./user-action.js";
import { deleteDoneCard } from "./widgets/confirm.js";
import { todoListCard } from "./widgets/list.js";
import type { ListState } from "./widgets/state.js";

/** What a handler works with. */
export interface ActionEnv {
  todos: TodoRepo;
  userId: string;
  /** The filter the sender widget shows ("all" when the action came from outside a list). */
  filter: Filter;
  /** Today, `YYYY-MM-DD`. */
  today: string;
  /** The reader's locale, for dates in the widget. */
  locale?: string | undefined;
  /** How long the deliberately slow "Delete all done" takes (about 1 s in the app). */
  slowMs: number;
  signal: AbortSignal;
}

/**
 * What a handled action produces: the widget's new root, and the note for the responder, or
 * null for a UI-only action (filter, Edit, Cancel, opening a form): those update the widget
 * quietly, without an assistant message that would bury the conversation.
 */
export interface ActionOutcome {
  widget: WidgetRoot;
  userAction: UserAction | null;
}

async function found(pending: Promise<Todo | null>): Promise<Todo> {
  const todo = await pending;
  if (!todo) throw new CustomStreamError("That todo no longer exists. It may have been deleted.");
  return todo;
}

/** Adds a todo; a full list is a user-facing error event rather than a server error. */
async function addTodo(todos: TodoRepo, userId: string, todo: NewTodo): Promise<Todo> {
  try {
    return await todos.add(userId, todo);
  } catch (error) {
    if (error instanceof TodoLimitError) throw new CustomStreamError(error.message);
    throw error;
  }
}

/**
 * Refuses a title already on the user's open list (another todo than `except`), as an error under
 * the form's `field`.
 */
async function uniqueTitle(
  todos: TodoRepo,
  userId: string,
  title: string,
  field: string,
  except?: string,
) {
  const wanted = title.trim().toLowerCase();
  const taken = (await todos.list(userId)).some(
    (t) => !t.done && t.id !== except && t.title.trim().toLowerCase() === wanted,
  );
  if (taken) throw new FieldErrors({ [field]: "Already on your list" });
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/**
 * Runs one parsed action against the user's todos and says what to show and what to tell the
 * responder. Ids are always looked up in the user's own todos; a missing one is a user-facing
 * `error` event, not a crash.
 */
export async function handleTodoAction(action: TodoAction, env: ActionEnv): Promise<ActionOutcome> {
  const { todos, userId } = env;
  const list = async (state: Partial<ListState> = {}) =>
    todoListCard(await todos.list(userId), { filter: env.filter, ...state }, env.today, env.locale);
  const note = (text: string): UserAction => ({ type: action.type, text });

  switch (action.type) {
    case "todo.complete": {
      const before = await found(todos.get(userId, action.payload.id));
      if (before.done)
        return { widget: await list(), userAction: note(`“${before.title}” was already done.`) };
      const todo = await found(todos.complete(userId, before.id));
      return { widget: await list(), userAction: note(`The user marked “${todo.title}” as done.`) };
    }
    case "todo.reopen": {
      const before = await found(todos.get(userId, action.payload.id));
      if (!before.done)
        return { widget: await list(), userAction: note(`“${before.title}” was already open.`) };
      const todo = await found(todos.reopen(userId, before.id));
      return { widget: await list(), userAction: note(`The user reopened “${todo.title}”.`) };
    }
    case "todo.clear_completed": {
      const removed = await todos.deleteDone(userId);
      const text =
        removed.length === 0
          ? "The user pressed “Clear completed” in the page, but nothing was completed."
          : `The user pressed “Clear completed” in the page and removed ${plural(removed.length, "completed todo")}.`;
      return { widget: await list(), userAction: note(text) };
    }
    case "todo.details":
      throw new CustomStreamError("“Details” opens in the page; it is not a server action.");
    case "todo.note": {
      const todo = await found(todos.setNote(userId, action.payload.id, action.payload.note));
      const text = todo.note
        ? `The user saved a note on “${todo.title}”: ${JSON.stringify(todo.note)}.`
        : `The user cleared the note on “${todo.title}”.`;
      return { widget: await list(), userAction: note(text) };
    }
    case "todo.edit": {
      const todo = await found(todos.get(userId, action.payload.id));
      return { widget: await list({ editing: todo.id }), userAction: null };
    }
    case "todo.update": {
      const before = await found(todos.get(userId, action.payload.id));
      await uniqueTitle(todos, userId, action.payload.title, "title", before.id);
      const todo = await found(todos.update(userId, before.id, action.payload));
      const text =
        before.title === todo.title
          ? `The user edited “${todo.title}”.`
          : `The user renamed “${before.title}” to “${todo.title}”.`;
      return { widget: await list(), userAction: note(text) };
    }
    case "todo.close_form":
      return { widget: await list(), userAction: null };
    case "todo.add_form":
      return { widget: await list({ adding: true }), userAction: null };
    case "todo.add": {
      const { title, due, priority } = action.payload.todo;
      await uniqueTitle(todos, userId, title, "todo.title");
      const todo = await addTodo(todos, userId, {
        title,
        due: due || null,
        priority: priority || "normal",
      });
      const extras = [
        todo.due ? `due ${formatDue(todo.due, env.today, env.locale)}` : "",
        todo.priority === "normal" ? "" : `${todo.priority} priority`,
      ].filter(Boolean);
      const text = `The user added “${todo.title}”${extras.length ? ` (${extras.join(", ")})` : ""}.`;
      return {
        widget: await list({ filter: env.filter === "done" ? "all" : env.filter }),
        userAction: note(text),
      };
    }
    case "todo.filter":
      return {
        widget: todoListCard(
          await todos.list(userId),
          { filter: action.payload.filter },
          env.today,
          env.locale,
        ),
        userAction: null,
      };
    case "todo.delete_done.ask":
      return {
        widget: deleteDoneCard((await todos.list(userId)).filter((t) => t.done)),
        userAction: null,
      };
    case "todo.delete_done": {
      await sleep(env.slowMs, env.signal);
      const removed = await todos.deleteDone(userId);
      return {
        widget: await list(),
        userAction: note(`The user confirmed and deleted ${plural(removed.length, "done todo")}.`),
      };
    }
    case "todo.delete_done.cancel":
      return { widget: await list(), userAction: null };
    case "todo.set_priority": {
      const before = await found(todos.get(userId, action.payload.id));
      const todo = await found(todos.setPriority(userId, before.id, action.payload.priority));
      const text =
        before.priority === todo.priority
          ? `The user submitted the priority form of “${todo.title}”, but the priority stayed ${todo.priority}: the form's field is named like a static payload key, so its value was ignored (payload collision).`
          : `The user set the priority of “${todo.title}” to ${todo.priority}.`;
      return { widget: await list({ editing: todo.id }), userAction: note(text) };
    }
    default: {
      const unknown: never = action;
      throw new Error(`Unhandled action ${JSON.stringify(unknown)}`);
    }
  }
}
