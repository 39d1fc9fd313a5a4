import { randomBytes } from "node:crypto";
import {
  ISO_DATE,
  LIMITS,
  MAX_TODOS,
  type NewTodo,
  PRIORITIES,
  type Priority,
  type Todo,
} from "./todo.js";

/** Raised when a user already has {@link MAX_TODOS} todos. */
export class TodoLimitError extends Error {
  override name = "TodoLimitError";
  constructor() {
    super(`You can keep at most ${MAX_TODOS} todos; delete some done ones first.`);
  }
}

/**
 * The todos of every user. Every method takes the user id first and touches only that user's
 * rows, so one user's id never reaches another user's todo. {@link SQLiteTodoRepo} keeps them in
 * the app's SQLite file, {@link PostgresTodoRepo} in PostgreSQL (for several instances).
 *
 * @example
 * const milk = await todos.add("user_1", { title: "Buy milk", priority: "high" });
 * await todos.complete("user_1", milk.id);
 */
export interface TodoRepo {
  /** The user's todos in the order they were added. */
  list(userId: string): Promise<Todo[]>;
  /** One todo, or null when it does not exist or is another user's. */
  get(userId: string, id: string): Promise<Todo | null>;
  /** Adds a todo (title required after trimming); rejects with {@link TodoLimitError} when full. */
  add(userId: string, todo: NewTodo): Promise<Todo>;
  /** Changes title and description; the todo, or null when not found. */
  update(
    userId: string,
    id: string,
    fields: { title: string; description: string },
  ): Promise<Todo | null>;
  /** Marks the todo done (keeps the first completion time); null when not found. */
  complete(userId: string, id: string): Promise<Todo | null>;
  /** Marks the todo open again; null when not found. */
  reopen(userId: string, id: string): Promise<Todo | null>;
  /** Replaces the todo's note; null when not found. */
  setNote(userId: string, id: string, note: string): Promise<Todo | null>;
  /** Changes the todo's priority; null when not found. */
  setPriority(userId: string, id: string, priority: Priority): Promise<Todo | null>;
  /** Deletes every done todo of the user; returns the deleted todos. */
  deleteDone(userId: string): Promise<Todo[]>;
}

/** A stored todo row (both engines use these column names). */
export interface TodoRow {
  id: string;
  title: string;
  description: string;
  due: string | null;
  priority: string;
  note: string;
  done: number | boolean;
  created_at: string;
  completed_at: string | null;
}

/** The columns every read selects. */
export const TODO_COLUMNS =
  "id, title, description, due, priority, note, done, created_at, completed_at";

/** A row as a {@link Todo} (an unknown priority reads as "normal"). */
export function toTodo(row: TodoRow): Todo {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    due: row.due,
    priority: PRIORITIES.includes(row.priority as Priority) ? (row.priority as Priority) : "normal",
    note: row.note,
    done: row.done === 1 || row.done === true,
    createdAt: row.created_at,
    completedAt: row.completed_at,
  };
}

/** Trims `text` and cuts it to `max` characters (storage never holds more than the limits). */
export function bounded(text: string, max: number): string {
  return text.trim().slice(0, max);
}

/** The fields of a new todo as stored: a fresh id, bounded text, a valid due date or null. */
export function newTodoRow(todo: NewTodo) {
  const title = bounded(todo.title, LIMITS.title);
  if (title === "") throw new Error("A todo needs a title");
  return {
    id: `td_${randomBytes(8).toString("hex")}`,
    title,
    description: bounded(todo.description ?? "", LIMITS.description),
    due: todo.due && ISO_DATE.test(todo.due) ? todo.due : null,
    priority: todo.priority ?? "normal",
    created_at: new Date().toISOString(),
  };
}

/** Title and description of an edit, bounded; throws when the title is empty. */
export function editedFields(fields: { title: string; description: string }) {
  const title = bounded(fields.title, LIMITS.title);
  if (title === "") throw new Error("A todo needs a title");
  return { title, description: bounded(fields.description, LIMITS.description) };
}

/** A note as stored: trimmed and cut to the limit. */
export function boundedNote(note: string): string {
  return bounded(note, LIMITS.note);
}
