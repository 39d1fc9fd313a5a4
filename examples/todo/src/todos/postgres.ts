import {
  lazyOnce,
  type Migration,
  mapUnavailable,
  quoteSchema,
  runMigrations,
} from "@threadkit/postgres";
import type pg from "pg";
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

/** The todo table, a migration component (`todo`) of its own beside the store's tables. */
const TODO_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    sql: (s) => `
      CREATE TABLE ${s}.todo_items (
        seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        id text NOT NULL UNIQUE,
        user_id text NOT NULL,
        title text NOT NULL,
        description text NOT NULL DEFAULT '',
        due text,
        priority text NOT NULL DEFAULT 'normal',
        note text NOT NULL DEFAULT '',
        done boolean NOT NULL DEFAULT false,
        created_at text NOT NULL,
        completed_at text
      );
      CREATE INDEX todo_items_by_user ON ${s}.todo_items (user_id, seq);
    `,
  },
];

/**
 * The {@link TodoRepo} in PostgreSQL, in the schema of the app's `PostgresStore`, so every
 * instance of the app sees the same todos. Adding takes a per-user advisory lock for the count
 * check, so two instances never let a user past {@link MAX_TODOS}.
 *
 * @example
 * const todos = new PostgresTodoRepo(pool, "threadkit");
 * await todos.migrate();
 */
export class PostgresTodoRepo implements TodoRepo {
  readonly #pool: pg.Pool;
  readonly #s: string;
  readonly #ready: () => Promise<void>;

  constructor(pool: pg.Pool, schema?: string) {
    this.#pool = pool;
    this.#s = quoteSchema(schema);
    this.#ready = lazyOnce(() => runMigrations(pool, this.#s, "todo", TODO_MIGRATIONS));
  }

  /** Creates the table when missing (also done on first use). */
  async migrate(): Promise<void> {
    await this.#query("SELECT 1", []);
  }

  async list(userId: string): Promise<Todo[]> {
    const rows = await this.#query(
      `SELECT ${TODO_COLUMNS} FROM ${this.#s}.todo_items WHERE user_id = $1 ORDER BY seq`,
      [userId],
    );
    return rows.map(toTodo);
  }

  async get(userId: string, id: string): Promise<Todo | null> {
    const rows = await this.#query(
      `SELECT ${TODO_COLUMNS} FROM ${this.#s}.todo_items WHERE id = $1 AND user_id = $2`,
      [id, userId],
    );
    return rows[0] ? toTodo(rows[0]) : null;
  }

  async add(userId: string, todo: NewTodo): Promise<Todo> {
    const row = newTodoRow(todo);
    const inserted = await this.#transaction(async (client) => {
      await client.query("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", [
        `threadkit.todo:${userId}`,
      ]);
      // After the lock, one statement counts and inserts (a fresh snapshot sees every commit).
      const result = await client.query<TodoRow>(
        `INSERT INTO ${this.#s}.todo_items (id, user_id, title, description, due, priority, created_at)
         SELECT $1, $2, $3, $4, $5, $6, $7
         WHERE (SELECT count(*) FROM ${this.#s}.todo_items WHERE user_id = $2) < $8
         RETURNING ${TODO_COLUMNS}`,
        [
          row.id,
          userId,
          row.title,
          row.description,
          row.due,
          row.priority,
          row.created_at,
          MAX_TODOS,
        ],
      );
      if (result.rows.length === 0) throw new TodoLimitError();
      return result.rows[0] as TodoRow;
    });
    return toTodo(inserted);
  }

  async update(
    userId: string,
    id: string,
    fields: { title: string; description: string },
  ): Promise<Todo | null> {
    const { title, description } = editedFields(fields);
    return this.#change("title = $3, description = $4", [id, userId, title, description]);
  }

  async complete(userId: string, id: string): Promise<Todo | null> {
    const now = new Date().toISOString();
    return this.#change("done = true, completed_at = COALESCE(completed_at, $3)", [
      id,
      userId,
      now,
    ]);
  }

  async reopen(userId: string, id: string): Promise<Todo | null> {
    return this.#change("done = false, completed_at = NULL", [id, userId]);
  }

  async setNote(userId: string, id: string, note: string): Promise<Todo | null> {
    return this.#change("note = $3", [id, userId, boundedNote(note)]);
  }

  async setPriority(userId: string, id: string, priority: Priority): Promise<Todo | null> {
    return this.#change("priority = $3", [id, userId, priority]);
  }

  async deleteDone(userId: string): Promise<Todo[]> {
    const rows = await this.#query(
      `WITH gone AS (
         DELETE FROM ${this.#s}.todo_items WHERE user_id = $1 AND done RETURNING seq, ${TODO_COLUMNS}
       ) SELECT ${TODO_COLUMNS} FROM gone ORDER BY seq`,
      [userId],
    );
    return rows.map(toTodo);
  }

  /** Updates one of the user's todos (`$1` id, `$2` user) and returns it, or null. */
  async #change(set: string, values: unknown[]): Promise<Todo | null> {
    const rows = await this.#query(
      `UPDATE ${this.#s}.todo_items SET ${set} WHERE id = $1 AND user_id = $2
       RETURNING ${TODO_COLUMNS}`,
      values,
    );
    return rows[0] ? toTodo(rows[0]) : null;
  }

  async #query(text: string, values: unknown[]): Promise<TodoRow[]> {
    try {
      await this.#ready();
      return (await this.#pool.query<TodoRow>(text, values)).rows;
    } catch (error) {
      throw mapUnavailable(error);
    }
  }

  async #transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    try {
      await this.#ready();
    } catch (error) {
      throw mapUnavailable(error);
    }
    let client: pg.PoolClient;
    try {
      client = await this.#pool.connect();
    } catch (error) {
      throw mapUnavailable(error);
    }
    let broken = false;
    try {
      await client.query("BEGIN");
      const result = await work(client);
      await client.query("COMMIT");
      return result;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {
        broken = true;
      });
      throw mapUnavailable(error);
    } finally {
      client.release(broken);
    }
  }
}
