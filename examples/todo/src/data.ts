import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import {
  connect,
  PostgresAttachmentStore,
  PostgresRunLog,
  PostgresStore,
} from "@threadkit/postgres";
import {
  DiskAttachmentStore,
  type RunLog,
  type ServerAttachmentStore,
  SQLiteStore,
  type Store,
} from "@threadkit/server";
import type { AppConfig } from "./config.js";
import type { RequestContext } from "./context.js";
import { PostgresTodoRepo } from "./todos/postgres.js";
import type { TodoRepo } from "./todos/repo.js";
import { SQLiteTodoRepo } from "./todos/sqlite.js";

/** Where the app keeps its data: threads and items, attachments, todos. */
export interface AppData {
  store: Store<RequestContext>;
  attachments: ServerAttachmentStore<RequestContext> | undefined;
  /** Shared by all instances on PostgreSQL (one reply per thread, stops and resumes reach it). */
  runLog: RunLog | undefined;
  todos: TodoRepo;
  /** For the start-up line: "PostgreSQL (schema threadkit)" or the SQLite path. */
  where: string;
  close(): Promise<void>;
}

/** Files the app accepts from the composer. */
const ATTACHMENTS = {
  maxBytes: 5 * 1024 * 1024,
  allowedMimeTypes: ["image/*", "text/plain", "application/pdf"],
  userId: (context: RequestContext) => context.userId,
};

/**
 * Opens the app's data: PostgreSQL when `config.databaseUrl` is set (one pool shared by the
 * store, the attachment store and the todos, all migrated before the app listens), else the
 * SQLite file with uploads in a directory beside it (none for `:memory:`).
 *
 * @example
 * const data = await openData(readConfig(process.env));
 */
export async function openData(config: AppConfig): Promise<AppData> {
  const userId = (context: RequestContext) => context.userId;
  if (config.databaseUrl) {
    const handle = connect({ connectionString: config.databaseUrl });
    const schema = config.databaseSchema;
    const store = new PostgresStore<RequestContext>({ pool: handle.pool, schema, userId });
    const attachments = new PostgresAttachmentStore<RequestContext>({
      pool: handle.pool,
      schema,
      ...ATTACHMENTS,
    });
    const todos = new PostgresTodoRepo(handle.pool, schema);
    const runLog = new PostgresRunLog({
      pool: handle.pool,
      schema,
      listenConnectionString: config.databaseUrl,
    });
    try {
      await store.migrate();
      await todos.migrate();
      await runLog.migrate();
    } catch (error) {
      await runLog.close();
      await handle.end();
      throw error;
    }
    const close = async () => {
      await runLog.close();
      await handle.end();
    };
    return { store, attachments, runLog, todos, where: `PostgreSQL (schema ${schema})`, close };
  }
  const memory = config.dbPath === ":memory:";
  if (!memory) mkdirSync(dirname(config.dbPath), { recursive: true });
  const store = new SQLiteStore<RequestContext>({ path: config.dbPath, userId });
  const attachments = memory
    ? undefined
    : new DiskAttachmentStore<RequestContext>({
        directory: join(dirname(config.dbPath), "uploads"),
        ...ATTACHMENTS,
      });
  return {
    store,
    attachments,
    runLog: undefined,
    todos: new SQLiteTodoRepo(store.db),
    where: config.dbPath,
    close: async () => store.close(),
  };
}
