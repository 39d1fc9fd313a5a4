import { createServer, type IncomingMessage, request } from "node:http";
import type { AddressInfo } from "node:net";
import { type ChatKitServer, parseSseEvents } from "@threadkit/server";
import { serveFetch } from "./serve-fetch.js";
import { type Ctx, type Event, fetchHandler, listen, USER } from "./server.js";

export { serveFetch };

/** The two HTTP adapters under test. */
export type AdapterKind = "node" | "fetch";
export const ADAPTERS: AdapterKind[] = ["node", "fetch"];

export interface AdapterOptions {
  maxBodyBytes?: number;
  heartbeatMs?: number;
}

/** A running loopback server; `url` is the ChatKit endpoint, `origin` its scheme://host:port. */
export interface Running {
  url: string;
  origin: string;
  close(): Promise<void>;
}

/** Starts `kind`'s adapter for `server` on 127.0.0.1:0 (context from the `x-user` header). */
export async function startAdapter(
  kind: AdapterKind,
  server: ChatKitServer<Ctx>,
  options: AdapterOptions = {},
): Promise<Running> {
  if (kind === "node") {
    const running = await listen(server, options);
    return { url: running.url, origin: new URL(running.url).origin, close: running.close };
  }
  const http = createServer(serveFetch(fetchHandler(server, options)));
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  const { port } = http.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/chatkit`,
    origin,
    close: () =>
      new Promise<void>((resolve) => {
        http.closeAllConnections();
        http.close(() => resolve());
      }),
  };
}

/** A client for a running adapter, over real HTTP (global fetch). */
export function httpClient(running: Running) {
  const post = (body: unknown, user: Ctx = USER, init: RequestInit = {}) =>
    fetch(running.url, {
      method: "POST",
      headers: { "content-type": "application/json", "x-user": user.userId },
      body: typeof body === "string" ? body : JSON.stringify(body),
      ...init,
    });
  return {
    post,
    /** A streaming request's events, asserting 200 and the SSE headers. */
    async stream(type: string, params: Record<string, unknown>, user?: Ctx): Promise<Event[]> {
      const res = await post({ type, params }, user);
      const text = await res.text();
      if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${text}`);
      if (res.headers.get("content-type") !== "text/event-stream") throw new Error("not SSE");
      return parseSseEvents(text) as Event[];
    },
    /** A JSON request's body, asserting 200 and a JSON content type. */
    async json<T = Record<string, unknown>>(
      type: string,
      params: Record<string, unknown>,
      user?: Ctx,
    ): Promise<T> {
      const res = await post({ type, params }, user);
      const text = await res.text();
      if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${text}`);
      if (res.headers.get("content-type") !== "application/json") throw new Error("not JSON");
      return JSON.parse(text) as T;
    },
    /** Status and parsed error body of a request expected to fail. */
    async fail(body: unknown, user?: Ctx): Promise<{ status: number; body: unknown }> {
      const res = await post(body, user);
      const text = await res.text();
      return { status: res.status, body: JSON.parse(text) };
    },
  };
}

export type HttpClient = ReturnType<typeof httpClient>;

/**
 * A raw streaming POST with node:http, for tests that must control the socket: `chunks` are
 * collected as they arrive; `destroy()` closes the connection mid-stream; `pause()` stops reading
 * (the socket's receive window then fills up).
 */
export function openStream(url: string, body: unknown, user: Ctx = USER) {
  const chunks: string[] = [];
  let res: IncomingMessage | undefined;
  const text = typeof body === "string" ? body : JSON.stringify(body);
  const req = request(url, {
    method: "POST",
    headers: { "content-type": "application/json", "x-user": user.userId },
  });
  const response = new Promise<IncomingMessage>((resolve, reject) => {
    req.on("response", (r) => {
      res = r;
      r.setEncoding("utf8");
      r.on("data", (chunk: string) => chunks.push(chunk));
      r.on("error", () => undefined);
      resolve(r);
    });
    req.on("error", reject);
  });
  req.end(text);
  return {
    response,
    text: () => chunks.join(""),
    events: () => parseSseEvents(chunks.join("").replace(/[^\n]*$/, "")) as Event[],
    pause: () => res?.pause(),
    resume: () => res?.resume(),
    ended: () =>
      new Promise<void>((resolve) => {
        if (!res || res.readableEnded) resolve();
        else res.on("end", resolve);
      }),
    destroy: () => req.destroy(),
  };
}
