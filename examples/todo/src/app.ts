import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { AppConfig } from "./config.js";
import { openData } from "./data.js";
import { loadAssets } from "./http/assets.js";
import { createRoutes } from "./http/routes.js";
import { OfflineResponder } from "./responder/offline.js";
import type { Responder } from "./responder/responder.js";
import { TodoServer } from "./server.js";

/** A running todo app. */
export interface TodoApp {
  /** `http://host:port` it listens on. */
  url: string;
  http: Server;
  server: TodoServer;
  /** Where the data is: the SQLite path, or "PostgreSQL (schema ...)". */
  where: string;
  /** Stops listening and closes the database. */
  close(): Promise<void>;
}

/**
 * Starts the app: opens (and migrates) its data (SQLite, or PostgreSQL with `DATABASE_URL`), serves the page, the client bundle and
 * `POST /chatkit`. The responder is the offline one unless `config.openai` is set.
 *
 * @example
 * const app = await startTodoApp(readConfig(process.env));
 * console.log(`Todo app on ${app.url}`);
 */
export async function startTodoApp(config: AppConfig): Promise<TodoApp> {
  const { store, attachments, runLog, todos, where, close } = await openData(config);
  const responder: Responder = config.openai
    ? await (await import("./responder/agent.js")).createAgentResponder(store, todos, config.openai)
    : new OfflineResponder(store, todos, { delayMs: config.replyDelayMs });
  const server = new TodoServer({
    store,
    attachmentStore: attachments,
    runLog,
    todos,
    responder,
    ...(config.rateLimit === null ? {} : { rateLimit: config.rateLimit }),
  });
  const http = createServer(createRoutes(server, await loadAssets()));
  await new Promise<void>((resolve, reject) => {
    http.once("error", reject);
    http.listen(config.port, config.host, () => resolve());
  });
  const { port } = http.address() as AddressInfo;
  const host = config.host.includes(":") ? `[${config.host}]` : config.host;
  return {
    url: `http://${host}:${port}`,
    http,
    server,
    where,
    async close() {
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
      await close();
    },
  };
}
