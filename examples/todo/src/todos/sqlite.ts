import type Database from "better-sqlite3";
import {
  boundedNote,
  editedFields,
  newTodoRow,
  TODO_COLUMNS,
  TodoLimitError,
  type TodoRepo,
  type TodoRow,
  toTodo,
} from "./repo.js";
import { MAX_TODOS, type NewTodo, type Priority, type Todo } from "./todo.js";

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

/**
 * The {@link TodoRepo} in its own table of the app's SQLite file (next to the threads of
 * `SQLiteStore`, on the same connection).
 *
 * @example
 * const todos = new SQLiteTodoRepo(store.db);
 * const milk = await todos.add("user_1", { title: "Buy milk", priority: "high" });
 */
export class SQLiteTodoRepo implements TodoRepo {
  readonly #db: Database.Database;
  readonly #stmt: ReturnType<typeof prepare>;

  constructor(db: Database.Database) {
    this.#db = db;
    db.exec(SCHEMA);
    this.#stmt = prepare(db);
  }

  async list(userId: string): Promise<Todo[]> {
    return this.#list(userId);
  }

  async get(userId: string, id: string): Promise<Todo | null> {
    return this.#get(userId, id);
  }

  async add(userId: string, todo: NewTodo): Promise<Todo> {
    const row = newTodoRow(todo);
    return this.#db.transaction(() => {
      const { n } = this.#stmt.count.get(userId) as { n: number };
      if (n >= MAX_TODOS) throw new TodoLimitError();
      this.#stmt.insert.run({ ...row, user_id: userId });
      return this.#get(userId, row.id) as Todo;
    })();
  }

  async update(
    userId: string,
    id: string,
    fields: { title: string; description: string },
  ): Promise<Todo | null> {
    const { title, description } = editedFields(fields);
    this.#stmt.update.run(title, description, id, userId);
    return this.#get(userId, id);
  }

  async complete(userId: string, id: string): Promise<Todo | null> {
    this.#stmt.complete.run(new Date().toISOString(), id, userId);
    return this.#get(userId, id);
  }

  async reopen(userId: string, id: string): Promise<Todo | null> {
    this.#stmt.reopen.run(id, userId);
    return this.#get(userId, id);
  }

  async setNote(userId: string, id: string, note: string): Promise<Todo | null> {
    this.#stmt.note.run(boundedNote(note), id, userId);
    return this.#get(userId, id);
  }

  async setPriority(userId: string, id: string, priority: Priority): Promise<Todo | null> {
    this.#stmt.priority.run(priority, id, userId);
    return this.#get(userId, id);
  }

  async deleteDone(userId: string): Promise<Todo[]> {
    return this.#db.transaction(() => {
      const done = this.#list(userId).filter((t) => t.done);
      this.#stmt.deleteDone.run(userId);
      return done;
    })();
  }

  #list(userId: string): Todo[] {
    return (this.#stmt.list.all(userId) as TodoRow[]).map(toTodo);
  }

  #get(userId: string, id: string): Todo | null {
    const row = this.#stmt.get.get(id, userId) as TodoRow | undefined;
    return row ? toTodo(row) : null;
  }
}

function prepare(db: Database.Database) {
  return {
    list: db.prepare(`SELECT ${TODO_COLUMNS} FROM todo_items WHERE user_id = ? ORDER BY seq`),
    get: db.prepare(`SELECT ${TODO_COLUMNS} FROM todo_items WHERE id = ? AND user_id = ?`),
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
