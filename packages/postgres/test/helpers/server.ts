import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { ThreadMetadata, ThreadStreamEvent, UserMessageItem } from "@threadkit/core";
import {
  ChatKitServer,
  createFetchHandler,
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

/**
 * A running server for `store` (and attachments) on a free port, user from `x-user`: through
 * `createNodeHandler`, or `createFetchHandler` hosted on node:http (bodies buffered).
 */
export async function listen(
  store: Store<Ctx>,
  attachmentStore?: ServerAttachmentStore<Ctx>,
  adapter: "node" | "fetch" = "node",
): Promise<{ origin: string; close(): Promise<void> }> {
  const chat = new EchoServer(store, { attachmentStore });
  const user = (value: string | null | undefined) => ({ userId: value ?? "alice" });
  const handler =
    adapter === "node"
      ? createNodeHandler(chat, { getContext: (req) => user(req.headers["x-user"] as string) })
      : hostFetch(
          createFetchHandler(chat, { getContext: (req) => user(req.headers.get("x-user")) }),
        );
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

/** A fetch handler on node:http, with buffered bodies (enough for these tests). */
function hostFetch(handler: (request: Request) => Promise<Response>) {
  return async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (typeof value === "string") headers.set(name, value);
    }
    const body = req.method === "GET" || req.method === "HEAD" ? undefined : Buffer.concat(chunks);
    const response = await handler(
      new Request(`http://localhost${req.url ?? "/"}`, { method: req.method, headers, body }),
    );
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
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
