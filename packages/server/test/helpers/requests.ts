import type { ThreadStreamEvent } from "@threadkit/core";
import { FakeAttachmentStore } from "./attachments.js";
import {
  assistantMessage,
  type Ctx,
  fetchClient,
  makeStore,
  TestServer,
  userInput,
} from "./server.js";

/** A TestServer with `hooks` on a fresh store (and an attachment store when `withFiles`), plus a fetch client. */
export function setup(hooks: ConstructorParameters<typeof TestServer>[1] = {}, withFiles = false) {
  const store = makeStore();
  const files = new FakeAttachmentStore();
  const server = new TestServer(store, hooks, withFiles ? files : undefined);
  return { store, server, files, client: fetchClient(server) };
}

let replies = 0;
/** A responder answering "Response to: <text>" (or "continued" without input) in one item. */
export const echo = async function* (
  thread: { id: string },
  input: { content: Array<{ type: string; text?: string }> } | null,
): AsyncGenerator<ThreadStreamEvent> {
  const text = input?.content[0]?.text ?? "continued";
  yield {
    type: "thread.item.done",
    item: assistantMessage(thread.id, `msg_echo_${++replies}`, `Response to: ${text}`),
  } as ThreadStreamEvent;
};

/** Creates a thread with one user message through the client; returns its events and id. */
export async function createThread(
  client: ReturnType<typeof fetchClient>,
  text = "Hello",
  user?: Ctx,
) {
  const events = await client.stream("threads.create", { input: userInput(text) }, user);
  const thread = events[0]?.thread as { id: string };
  return { events, threadId: thread.id };
}
