import type { IncomingMessage, ServerResponse } from "node:http";
import { createNodeHandler, toHttpError } from "@threadkit/server";
import type { TodoServer } from "../server.js";
import { localeOf } from "../todos/todo.js";
import type { Asset } from "./assets.js";
import { ensureUser, requestUser } from "./user.js";

const SECURITY_HEADERS = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
};

function send(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  type: string,
  body: string | Buffer,
): void {
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    "Content-Type": type,
    "Content-Length": Buffer.byteLength(body),
    "Cache-Control": "no-cache",
  });
  res.end(req.method === "HEAD" ? undefined : body);
}

/**
 * The app's request listener:
 * - `GET /` the page (and a `tk_user` cookie for a new browser), `GET /app.css`, `/app.js`,
 *   `/threadkit.js` (the client bundle), `/favicon.svg`;
 * - `GET /api/todos` the user's todos as JSON (the host page's pane reads it);
 * - `POST /chatkit` the ChatKit endpoint (`createNodeHandler`), in the user's context, and the
 *   attachment store's upload (`/chatkit/uploads/<id>`) and preview (`/chatkit/files/<id>`) URLs.
 */
export function createRoutes(
  server: TodoServer,
  assets: ReadonlyMap<string, Asset>,
): (req: IncomingMessage, res: ServerResponse) => void {
  const chatkit = createNodeHandler(server, {
    getContext: (req) => ({
      userId: requestUser(req),
      locale: localeOf(req.headers["accept-language"]),
    }),
  });
  return (req, res) => {
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    if (path === "/chatkit" || path.startsWith("/chatkit/")) return chatkit(req, res);
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.setHeader("Allow", "GET, HEAD");
      return send(req, res, 405, "text/plain; charset=utf-8", "Method not allowed");
    }
    if (path === "/api/todos") {
      server.todos.list(requestUser(req)).then(
        (todos) => send(req, res, 200, "application/json", JSON.stringify({ todos })),
        (error: unknown) => {
          // e.g. 503 store_unavailable while the database is down
          const { status, body } = toHttpError(error);
          send(req, res, status, "application/json", JSON.stringify(body));
        },
      );
      return;
    }
    const asset = assets.get(path === "/index.html" ? "/" : path);
    if (!asset) return send(req, res, 404, "text/plain; charset=utf-8", "Not found");
    if (path === "/" || path === "/index.html") ensureUser(req, res);
    send(req, res, 200, asset.type, asset.body);
  };
}
