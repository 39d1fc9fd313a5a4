/**
 * `npm start`: the todo example. Reads the environment (see `config.ts`), starts the app and
 * prints where it listens; stops cleanly on SIGINT/SIGTERM.
 * @module
 */
import { startTodoApp } from "./app.js";
import { readConfig } from "./config.js";

const config = readConfig(process.env);
const app = await startTodoApp(config);
const mode = app.server.responder.name === "agent" ? "OpenAI Agents SDK" : "offline responder";
console.log(`Threadkit todo app on ${app.url}/ (${mode}, data in ${app.where})`);

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    app.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
