import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import { Readable } from "node:stream";

function waitForDrain(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    if (res.destroyed) return resolve();
    const done = () => {
      res.off("drain", done);
      res.off("close", done);
      resolve();
    };
    res.on("drain", done);
    res.on("close", done);
  });
}

/**
 * Hosts a fetch handler on node:http the way runtimes do (Bun, Deno, @hono/node-server): the
 * request body is a web stream, `request.signal` aborts and the response body is cancelled
 * when the socket closes, and the response body is read only as fast as the socket drains.
 */
export function serveFetch(handler: (request: Request) => Promise<Response>): RequestListener {
  return async (req: IncomingMessage, res: ServerResponse) => {
    const controller = new AbortController();
    res.on("close", () => {
      if (!res.writableFinished) controller.abort();
    });
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (typeof value === "string") headers.set(name, value);
      else if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    }
    const hasBody = req.method !== "GET" && req.method !== "HEAD";
    const response = await handler(
      new Request(`http://${req.headers.host ?? "localhost"}${req.url ?? "/"}`, {
        method: req.method,
        headers,
        body: hasBody ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : undefined,
        signal: controller.signal,
        duplex: "half",
      } as RequestInit),
    );
    res.writeHead(response.status, Object.fromEntries(response.headers));
    if (!response.body) {
      res.end();
      return;
    }
    res.flushHeaders();
    const reader = response.body.getReader();
    const cancel = () => reader.cancel().catch(() => undefined);
    res.on("close", () => {
      if (!res.writableFinished) cancel();
    });
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        if (res.destroyed) return void cancel();
        if (!res.write(value)) await waitForDrain(res);
      }
      res.end();
    } catch {
      res.destroy();
    }
  };
}
