import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { ThreadMetadata, ThreadStreamEvent, UserMessageItem } from "@threadkit/core";
import {
  ChatKitServer,
  createNodeHandler,
  type ServerAttachmentStore,
  type Store,
} from "@threadkit/server";

export type Ctx = { userId: string };

/** A server that answers every message with one assistant message echoing it. */
export class EchoServer extends ChatKitServer<Ctx> {
  async *respond(
    thread: ThreadMetadata,
    input: UserMessageItem | null,
    context: Ctx,
  ): AsyncIterable<ThreadStreamEvent> {
    const text = input?.content.map((part) => ("text" in part ? part.text : "")).join("") ?? "";
    yield* this.streamAssistantMessage(thread, `echo: ${text}`, context);
  }
}

/** A running node:http server for `store` (and attachments) on a free port; user from `x-user`. */
export async function listen(
  store: Store<Ctx>,
  attachmentStore?: ServerAttachmentStore<Ctx>,
): Promise<{ origin: string; close(): Promise<void> }> {
  const handler = createNodeHandler(new EchoServer(store, { attachmentStore }), {
    getContext: (req) => ({ userId: String(req.headers["x-user"] ?? "alice") }),
  });
  const server: Server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** POSTs a ChatKit request to `origin/chatkit` as `user`; returns status and parsed JSON (or SSE text). */
export async function post(
  origin: string,
  body: unknown,
  user = "alice",
): Promise<{ status: number; json: unknown; text: string }> {
  const response = await fetch(`${origin}/chatkit`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-user": user },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, json, text };
}
