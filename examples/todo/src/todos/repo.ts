import { randomBytes } from "node:crypto";
import type Database from "better-sqlite3";
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

interface Row {
  id: string;
  title: string;
  description: string;
  due: string | null;
  priority: string;
  note: string;
  done: number;
  created_at: string;
  completed_at: string | null;
}

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS todo_items (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    user_id TEXT NOT NULL,
    title TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    due TEXT,
    priority TEXT NOT NULL DEFAULT 'normal',
    note TEXT NOT NULL DEFAULT '',
    done INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    completed_at TEXT
  );
  CREATE INDEX IF NOT EXISTS todo_items_by_user ON todo_items (user_id, seq);
`;

const COLUMNS = "id, title, description, due, priority, note, done, created_at, completed_at";

function toTodo(row: Row): Todo {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    due: row.due,
    priority: PRIORITIES.includes(row.priority as Priority) ? (row.priority as Priority) : "normal",
    note: row.note,
    done: row.done === 1,
    createdAt: row.created_at,
    completedAt: row.completed_at,
  };
}

/** Trims `text` and cuts it to `max` characters (storage never holds more than the limits). */
function bounded(text: string, max: number): string {
  return text.trim().slice(0, max);
}

/**
 * The todos of every user, in their own table of the app's SQLite file (next to the threads of
 * `SQLiteStore`, on the same connection). Every method takes the user id first and touches only
 * that user's rows, so one user's id never reaches another user's todo.
 *
 * @example
 * const todos = new TodoRepo(store.db);
 * const milk = todos.add("user_1", { title: "Buy milk", priority: "high" });
 * todos.complete("user_1", milk.id);
 */
export class TodoRepo {
  readonly #db: Database.Database;
  readonly #stmt: ReturnType<typeof prepare>;

  constructor(db: Database.Database) {
    this.#db = db;
    db.exec(SCHEMA);
    this.#stmt = prepare(db);
  }

  /** The user's todos in the order they were added. */
  list(userId: string): Todo[] {
    return (this.#stmt.list.all(userId) as Row[]).map(toTodo);
  }

  /** One todo, or null when it does not exist or is another user's. */
  get(userId: string, id: string): Todo | null {
    const row = this.#stmt.get.get(id, userId) as Row | undefined;
    return row ? toTodo(row) : null;
  }

  /** Adds a todo (title required after trimming); throws {@link TodoLimitError} when full. */
  add(userId: string, todo: NewTodo): Todo {
    const title = bounded(todo.title, LIMITS.title);
    if (title === "") throw new Error("A todo needs a title");
    const due = todo.due && ISO_DATE.test(todo.due) ? todo.due : null;
    const id = `td_${randomBytes(8).toString("hex")}`;
    return this.#db.transaction(() => {
      const { n } = this.#stmt.count.get(userId) as { n: number };
      if (n >= MAX_TODOS) throw new TodoLimitError();
      this.#stmt.insert.run({
        id,
        user_id: userId,
        title,
        description: bounded(todo.description ?? "", LIMITS.description),
        due,
        priority: todo.priority ?? "normal",
        created_at: new Date().toISOString(),
      });
      return this.get(userId, id) as Todo;
    })();
  }

  /** Changes title and description; returns the todo, or null when not found. */
  update(userId: string, id: string, fields: { title: string; description: string }): Todo | null {
    const title = bounded(fields.title, LIMITS.title);
    if (title === "") throw new Error("A todo needs a title");
    const description = bounded(fields.description, LIMITS.description);
    this.#stmt.update.run(title, description, id, userId);
    return this.get(userId, id);
  }

  /** Marks the todo done (keeps the first completion time); null when not found. */
  complete(userId: string, id: string): Todo | null {
    this.#stmt.complete.run(new Date().toISOString(), id, userId);
    return this.get(userId, id);
  }

  /** Marks the todo open again; null when not found. */
  reopen(userId: string, id: string): Todo | null {
    this.#stmt.reopen.run(id, userId);
    return this.get(userId, id);
  }

  /** Replaces the todo's note; null when not found. */
  setNote(userId: string, id: string, note: string): Todo | null {
    this.#stmt.note.run(bounded(note, LIMITS.note), id, userId);
    return this.get(userId, id);
  }

  /** Changes the todo's priority; null when not found. */
  setPriority(userId: string, id: string, priority: Priority): Todo | null {
    this.#stmt.priority.run(priority, id, userId);
    return this.get(userId, id);
  }

  /** Deletes every done todo of the user; returns the deleted todos. */
  deleteDone(userId: string): Todo[] {
    return this.#db.transaction(() => {
      const done = this.list(userId).filter((t) => t.done);
      this.#stmt.deleteDone.run(userId);
      return done;
    })();
  }
}

function prepare(db: Database.Database) {
  return {
    list: db.prepare(`SELECT ${COLUMNS} FROM todo_items WHERE user_id = ? ORDER BY seq`),
    get: db.prepare(`SELECT ${COLUMNS} FROM todo_items WHERE id = ? AND user_id = ?`),
    count: db.prepare("SELECT COUNT(*) AS n FROM todo_items WHERE user_id = ?"),
    insert: db.prepare(
      `INSERT INTO todo_items (id, user_id, title, description, due, priority, created_at)
       VALUES (@id, @user_id, @title, @description, @due, @priority, @created_at)`,
    ),
    update: db.prepare(
      "UPDATE todo_items SET title = ?, description = ? WHERE id = ? AND user_id = ?",
    ),
    complete: db.prepare(
      "UPDATE todo_items SET done = 1, completed_at = COALESCE(completed_at, ?) WHERE id = ? AND user_id = ?",
    ),
    reopen: db.prepare(
      "UPDATE todo_items SET done = 0, completed_at = NULL WHERE id = ? AND user_id = ?",
    ),
    note: db.prepare("UPDATE todo_items SET note = ? WHERE id = ? AND user_id = ?"),
    priority: db.prepare("UPDATE todo_items SET priority = ? WHERE id = ? AND user_id = ?"),
    deleteDone: db.prepare("DELETE FROM todo_items WHERE user_id = ? AND done = 1"),
  };
}
