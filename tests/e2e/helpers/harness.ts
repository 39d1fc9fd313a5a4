import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { createMockChatKit, type MockChatKit } from "./mock-chatkit.js";

/** Absolute path of the bundled element (`node packages/client/scripts/bundle.mjs`). */
export const BUNDLE_PATH = fileURLToPath(
  new URL("../../../packages/client/dist/threadkit.js", import.meta.url),
);

/** Handles the ChatKit endpoint (mock or a real `createNodeHandler(server)`). */
export type ChatKitHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  body: Buffer,
) => void | Promise<void>;

/** Options for {@link startHarness}. */
export interface HarnessOptions {
  /** The mock server behind `POST /chatkit` (default: a fresh `createMockChatKit()`). */
  mock?: MockChatKit;
  /** A real handler for `/chatkit` instead of the mock; it gets the already-read body. */
  chatkit?: ChatKitHandler;
  /** Extra static files: path → body (`.html`, `.js`, `.css`, `.json` types are inferred). */
  files?: Record<string, string>;
  /** Extra routes; return true when handled. */
  route?: (req: IncomingMessage, res: ServerResponse, body: Buffer) => boolean | Promise<boolean>;
}

/** A running static + ChatKit server on 127.0.0.1. */
export interface Harness {
  /** `http://127.0.0.1:<port>` */
  baseUrl: string;
  /** `<baseUrl>/chatkit` */
  apiUrl: string;
  /** The mock (also when `chatkit` is given, unused then). */
  mock: MockChatKit;
  /** Every request path seen, in order (`"POST /chatkit"`). */
  log: string[];
  close(): Promise<void>;
}

/** The default page: a full-height container, the bundle loaded as a module. */
export const DEFAULT_PAGE = `<!doctype html>
<html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>threadkit test</title>
<style>html,body{margin:0;height:100%;background:#f4f4f5}#app{height:100vh}threadkit-chat{display:block;height:100%}</style>
<script type="module" src="/threadkit.js"></script></head>
<body><div id="app"></div></body></html>`;

const TYPES: Record<string, string> = {
  html: "text/html; charset=utf-8",
  js: "text/javascript; charset=utf-8",
  mjs: "text/javascript; charset=utf-8",
  css: "text/css",
  json: "application/json",
  png: "image/png",
};

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

/**
 * Starts the test server: `/` (DEFAULT_PAGE), `/threadkit.js` (the bundle, read on each request),
 * `POST /chatkit` (mock or real handler), `PUT|POST /upload/<id>` (two-phase uploads to the mock),
 * `GET /upload/<id>` (uploaded bytes), plus `files` and `route`.
 *
 * @example
 * const harness = await startHarness({ mock: createMockChatKit() });
 * await page.goto(harness.baseUrl);
 */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const mock = options.mock ?? createMockChatKit();
  const log: string[] = [];
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? "/", "http://x");
      log.push(`${req.method} ${url.pathname}`);
      const body = await readBody(req);
      if (options.route && (await options.route(req, res, body))) return;
      if (url.pathname === "/favicon.ico") {
        res.writeHead(204).end();
        return;
      }
      if (url.pathname === "/chatkit" && req.method === "POST") {
        await (options.chatkit ?? mock.handle)(req, res, body);
        return;
      }
      const upload = /^\/upload\/([^/]+)$/.exec(url.pathname);
      if (upload?.[1]) {
        if (req.method === "GET") {
          const bytes = mock.uploads.get(upload[1]);
          res.writeHead(bytes ? 200 : 404, { "content-type": "image/png" }).end(bytes ?? "");
        } else mock.handleUpload(upload[1], body, res);
        return;
      }
      const file =
        options.files?.[url.pathname] ??
        (url.pathname === "/" ? DEFAULT_PAGE : undefined) ??
        (url.pathname === "/threadkit.js" ? readFileSync(BUNDLE_PATH, "utf8") : undefined);
      if (file === undefined) {
        res.writeHead(404).end("not found");
        return;
      }
      const ext = url.pathname === "/" ? "html" : (url.pathname.split(".").pop() ?? "");
      res.writeHead(200, { "content-type": TYPES[ext] ?? "text/plain" }).end(file);
    } catch (err) {
      if (!res.headersSent) res.writeHead(500);
      res.end(String(err));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  mock.baseUrl = baseUrl;
  return {
    baseUrl,
    apiUrl: `${baseUrl}/chatkit`,
    mock,
    log,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
