import type { ThreadStreamEvent } from "@threadkit/core";
import { parseSseEvents, SQLiteStore } from "@threadkit/server";
import type { RequestContext } from "../src/context.js";
import { OfflineResponder } from "../src/responder/offline.js";
import type { Responder } from "../src/responder/responder.js";
import { TodoServer } from "../src/server.js";
import type { TodoRepo } from "../src/todos/repo.js";
import { SQLiteTodoRepo } from "../src/todos/sqlite.js";

/** A todo server on an in-memory SQLite file, with the offline responder (no delays). */
export function makeServer(
  responder?: (store: SQLiteStore<RequestContext>, todos: TodoRepo) => Responder,
) {
  const store = new SQLiteStore<RequestContext>({ path: ":memory:", userId: (c) => c.userId });
  const todos = new SQLiteTodoRepo(store.db);
  const server = new TodoServer({
    store,
    todos,
    responder: responder?.(store, todos) ?? new OfflineResponder(store, todos, { delayMs: 0 }),
    slowMs: 0,
  });
  return { store, todos, server };
}

/** Sends one request body to `server` and returns its events (streaming) or JSON. */
export async function post(
  server: TodoServer,
  body: unknown,
  context: RequestContext = { userId: "alice" },
): Promise<ThreadStreamEvent[]> {
  const result = await server.process(JSON.stringify(body), context);
  if (!result.streaming) throw new Error(`expected a stream, got ${result.json}`);
  let text = "";
  const decoder = new TextDecoder();
  for await (const chunk of result) text += decoder.decode(chunk, { stream: true });
  return parseSseEvents(text) as ThreadStreamEvent[];
}

/** The text of every assistant message completed in `events`. */
export function replies(events: readonly ThreadStreamEvent[]): string[] {
  return events.flatMap((e) =>
    e.type === "thread.item.done" && e.item.type === "assistant_message"
      ? [e.item.content.map((c) => c.text).join("")]
      : [],
  );
}

/** Starts a thread with `text` and returns its id and events. */
export async function startThread(server: TodoServer, text: string, context?: RequestContext) {
  const events = await post(
    server,
    {
      type: "threads.create",
      params: {
        input: { content: [{ type: "input_text", text }], attachments: [], inference_options: {} },
      },
    },
    context,
  );
  const created = events.find((e) => e.type === "thread.created");
  if (created?.type !== "thread.created") throw new Error("no thread.created");
  return { threadId: created.thread.id, events };
}
