import type { IncomingMessage, ServerResponse } from "node:http";
import { PayloadTooLargeError } from "../errors.js";
import type { ProcessResult } from "../results.js";
import { RESUME_HEADER, resumeQuery, wantsResume } from "../runs/http.js";
import type { ChatKitServer } from "../server.js";
import { logError } from "../util.js";
import { matchAttachmentRoute, methodNotAllowed } from "./attachment-routes.js";
import {
  ClientLink,
  DEFAULT_HEARTBEAT_MS,
  DEFAULT_MAX_BODY_BYTES,
  errorPayload,
  JSON_HEADERS,
  type RequestAbort,
  RequestOptions,
  SSE_HEADERS,
} from "./common.js";
import { drainNode } from "./drain.js";
import { serveAttachmentNode } from "./node-attachments.js";
import { writeSse } from "./node-sse.js";

/** Options of {@link createNodeHandler}. */
export interface CreateNodeHandlerOptions<TContext> {
  /** Builds the request context from the Node request. Throw an `HttpError` to refuse. */
  getContext(request: IncomingMessage): TContext | Promise<TContext>;
  /** Largest accepted body; larger gets 413. Default 1 MiB. */
  maxBodyBytes?: number;
  /** Idle time before a `: keep-alive` comment on SSE streams; 0 disables. Default 15 s. */
  heartbeatMs?: number;
}

function sendJson(
  res: ServerResponse,
  status: number,
  json: string,
  extra: Readonly<Record<string, string>> = {},
): void {
  // As bytes: given a string, node would join the headers' text and the body into one string
  // and copy it whole before the write (a second copy of every answer, measured on a list).
  const body = Buffer.from(json);
  // Object.assign, not a spread: on Node 20, `{ ...a, ...b, key }` made a hidden class per answer
  // that the young generation's collections then kept (about 100 bytes promoted per answer).
  res.writeHead(status, Object.assign({ "Content-Length": body.length }, JSON_HEADERS, extra));
  res.end(body);
}

function headerText(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

async function sendResult(
  res: ServerResponse,
  result: ProcessResult,
  heartbeatMs: number,
  controller: RequestAbort,
): Promise<void> {
  if (!result.streaming) {
    if (result.status === 204) {
      res.writeHead(204, { "Cache-Control": "no-store" });
      res.end();
    } else sendJson(res, result.status, result.json, result.headers);
    return;
  }
  // No flushHeaders(): the headers go out with the first event (stream_options, sent at once),
  // in the same write, instead of costing a write of their own on every stream.
  res.writeHead(200, result.headers ? { ...SSE_HEADERS, ...result.headers } : SSE_HEADERS);
  // Returned, not awaited (here and in handle): a stream lives for minutes, and each awaiting
  // caller kept its suspended frame (and the request's body and URL) alive that long.
  return writeSse(res, result, heartbeatMs, controller);
}

/**
 * A body a framework middleware (e.g. `express.json()` or `express.text()`) already read into
 * `req.body`, as bytes; undefined when the stream has not been consumed.
 */
function preParsedBody(req: IncomingMessage): Uint8Array | undefined {
  const body = (req as IncomingMessage & { body?: unknown }).body;
  if (body === undefined || !req.readableEnded) return undefined;
  if (body instanceof Uint8Array) return body;
  return Buffer.from(typeof body === "string" ? body : JSON.stringify(body));
}

/**
 * The body, read with listeners rather than `for await` (leaving a `for await` early destroys the
 * request, and with it the socket, before the 413 can be sent). Over `limit`, it stops buffering
 * and throws {@link PayloadTooLargeError}; the rest is still unread.
 */
async function readBody(req: IncomingMessage, limit: number): Promise<Uint8Array> {
  const parsed = preParsedBody(req);
  if (parsed) {
    if (parsed.byteLength > limit) throw new PayloadTooLargeError(limit);
    return parsed;
  }
  const declared = Number(req.headers["content-length"] ?? Number.NaN);
  if (Number.isFinite(declared) && declared > limit) throw new PayloadTooLargeError(limit);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = () => {
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onError);
      req.off("close", onClose);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size > limit) {
        stop();
        req.pause();
        reject(new PayloadTooLargeError(limit));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      stop();
      resolve(Buffer.concat(chunks, size));
    };
    const onError = (error: Error) => {
      stop();
      reject(error);
    };
    const onClose = () => {
      stop();
      reject(new Error("The client closed the request before its end"));
    };
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("error", onError);
    req.on("close", onClose);
  });
}

async function handle<TContext>(
  server: ChatKitServer<TContext>,
  options: CreateNodeHandlerOptions<TContext>,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  // Express strips its mount path from `url` but keeps it in `originalUrl`.
  const url = (req as IncomingMessage & { originalUrl?: string }).originalUrl ?? req.url ?? "/";
  const route = matchAttachmentRoute(server.attachmentStore, url.split("?")[0] ?? "/");
  if (route) {
    await serveAttachmentNode(route, req, res, options.getContext);
    return;
  }
  const heartbeatMs = options.heartbeatMs ?? DEFAULT_HEARTBEAT_MS;
  const resumeGet =
    req.method === "GET" ? resumeQuery(url, headerText(req.headers["last-event-id"])) : null;
  if (resumeGet) {
    req.resume();
    const controller = new AbortController();
    res.on("close", () => {
      if (!res.writableFinished) controller.abort();
    });
    const context = await options.getContext(req);
    const result = await server.resume(resumeGet, context, controller.signal);
    return sendResult(res, result, heartbeatMs, controller);
  }
  if (req.method !== "POST") {
    req.resume();
    const { json, headers } = methodNotAllowed(req.method ?? "?", ["POST"]);
    sendJson(res, 405, json, headers);
    return;
  }
  const resume = wantsResume(headerText(req.headers[RESUME_HEADER]));
  // A plain request's client is linked to the server's handler directly; a resumable one's
  // signal goes to the run's reader.
  const controller = resume ? new AbortController() : new ClientLink();
  res.on("close", () => {
    if (!res.writableFinished) controller.abort();
  });
  let body: Uint8Array;
  try {
    body = await readBody(req, options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES);
  } catch (error) {
    // The client went away mid-body: nobody to answer, and nothing worth logging.
    if (controller.signal.aborted || res.destroyed) return;
    // Answering while the client still sends makes it see a reset, not the answer: discard the
    // rest first (bounded), then answer and close.
    await drainNode(req);
    if (res.destroyed) return;
    const { status, json, headers } = errorPayload(error);
    sendJson(res, status, json, { ...headers, Connection: "close" });
    return;
  }
  const processOptions = new RequestOptions(controller, () => requestOrigin(req), {
    resume,
    lastEventId: headerText(req.headers["last-event-id"]),
    idempotencyKey: headerText(req.headers["idempotency-key"]),
  });
  const result = await server.process(body, await options.getContext(req), processOptions);
  return sendResult(res, result, heartbeatMs, controller);
}

/**
 * Serves a {@link ChatKitServer} on `node:http` or Express: `(req, res) => void`, with the same
 * rules as `createFetchHandler` (POST only, 413 over `maxBodyBytes`, 400/404 JSON errors, SSE with
 * heartbeats, and the attachment store's upload and preview URLs when it takes uploads). Behind
 * a body-parsing middleware (`express.json()`), the already-parsed `req.body` is used. Writes wait for `drain` (backpressure); a client disconnect aborts the handler's
 * signal and runs the cancellation path.
 *
 * @example
 * http.createServer(createNodeHandler(server, { getContext: (req) => ({ userId: String(req.headers["x-user"]) }) })).listen(8000);
 */
export function createNodeHandler<TContext>(
  server: ChatKitServer<TContext>,
  options: CreateNodeHandlerOptions<TContext>,
): (req: IncomingMessage, res: ServerResponse) => void {
  server.runs.listen();
  return (req, res) => {
    handle(server, options, req, res).catch((error: unknown) => {
      if (res.headersSent) {
        logError("Stream failed", error);
        res.destroy();
        return;
      }
      const { status, json, headers } = errorPayload(error);
      sendJson(res, status, json, headers);
    });
  };
}

/** `http(s)://host` of a Node request from its socket and Host header, if the host is valid. */
function requestOrigin(req: IncomingMessage): string | undefined {
  const host = req.headers.host;
  if (!host) return undefined;
  const secure = (req.socket as { encrypted?: boolean }).encrypted === true;
  try {
    const url = new URL(`${secure ? "https" : "http"}://${host}`);
    return url.host === host.toLowerCase() ? url.origin : undefined;
  } catch {
    return undefined;
  }
}
