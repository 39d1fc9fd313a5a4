import { PayloadTooLargeError } from "../errors.js";
import type { ProcessResult } from "../results.js";
import { RESUME_HEADER, resumeQuery, wantsResume } from "../runs/http.js";
import type { ChatKitServer } from "../server.js";
import { logError } from "../util.js";
import {
  matchAttachmentRoute,
  methodNotAllowed,
  serveAttachmentRoute,
} from "./attachment-routes.js";
import {
  ClientLink,
  DEFAULT_HEARTBEAT_MS,
  DEFAULT_MAX_BODY_BYTES,
  errorPayload,
  JSON_HEADERS,
  type RequestAbort,
  RequestOptions,
  SSE_HEADERS,
  SsePump,
} from "./common.js";
import { drainReader } from "./drain.js";

/** Options of {@link createFetchHandler}. */
export interface CreateFetchHandlerOptions<TContext> {
  /** Builds the request context (e.g. the authenticated user). Throw an `HttpError` to refuse. */
  getContext(request: Request): TContext | Promise<TContext>;
  /** Largest accepted body; larger gets 413. Default 1 MiB. */
  maxBodyBytes?: number;
  /** Idle time before a `: keep-alive` comment on SSE streams; 0 disables. Default 15 s. */
  heartbeatMs?: number;
}

function pathnameOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return "";
  }
}

/** The answer when the client went away (e.g. mid-body): nobody reads it, so nothing is logged. */
function clientGone(): Response {
  return new Response(null, { status: 499 });
}

function errorResponse(error: unknown, extra: Record<string, string> = {}): Response {
  const { status, json, headers } = errorPayload(error);
  return new Response(json, { status, headers: { ...JSON_HEADERS, ...headers, ...extra } });
}

/**
 * The body; over `limit`, {@link PayloadTooLargeError} after the rest was read and discarded
 * (bounded, see `drainReader`), so that the client, done sending, reads the 413 instead of a reset.
 */
async function readBody(request: Request, limit: number): Promise<Uint8Array> {
  const declared = Number(request.headers.get("content-length") ?? Number.NaN);
  if (Number.isFinite(declared) && declared > limit) {
    if (request.body) await drainReader(request.body.getReader());
    throw new PayloadTooLargeError(limit);
  }
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await drainReader(reader);
      throw new PayloadTooLargeError(limit);
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/**
 * Serves a {@link ChatKitServer} as a fetch handler `(Request) => Promise<Response>` (Node, Bun,
 * Deno, workers, Hono, Next route handlers). When the attachment store takes uploads (e.g.
 * `DiskAttachmentStore`), its upload URLs (`PUT`/`POST`) and preview URLs (`GET`) are served
 * too, so route those paths here as well. Otherwise POST only (405 otherwise); bodies over
 * `maxBodyBytes` get 413; bad requests 400 `invalid_request`; missing or foreign threads 404
 * `not_found`; errors are `{"error":{"code","message"}}`. Streams are SSE with heartbeats,
 * pulled chunk by chunk (backpressure); cancelling the response body (client disconnect) or
 * aborting `request.signal` cancels the handler and runs the cancellation path.
 *
 * @example
 * const handler = createFetchHandler(server, { getContext: (req) => ({ userId: req.headers.get("x-user") ?? "anon" }) });
 * Bun.serve({ fetch: handler });
 */
export function createFetchHandler<TContext>(
  server: ChatKitServer<TContext>,
  options: CreateFetchHandlerOptions<TContext>,
): (request: Request) => Promise<Response> {
  const limit = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const heartbeatMs = options.heartbeatMs ?? DEFAULT_HEARTBEAT_MS;
  server.runs.listen();
  return async (request) => {
    const route = matchAttachmentRoute(server.attachmentStore, pathnameOf(request.url));
    if (route) {
      try {
        return await serveAttachmentRoute(route, request, options.getContext);
      } catch (error) {
        return request.signal.aborted ? clientGone() : errorResponse(error);
      }
    }
    const resumeGet =
      request.method === "GET"
        ? resumeQuery(request.url, request.headers.get("last-event-id"))
        : null;
    if (request.method !== "POST" && !resumeGet) {
      const { json, headers } = methodNotAllowed(request.method, ["POST"]);
      return new Response(json, { status: 405, headers });
    }
    const resume = !resumeGet && wantsResume(request.headers.get(RESUME_HEADER));
    // A plain request's client is linked to the server's handler directly (as in the node
    // handler); a resume's or a resumable request's signal goes to the run's reader.
    const controller = resumeGet || resume ? new AbortController() : new ClientLink();
    try {
      const signal = request.signal;
      if (signal.aborted) controller.abort();
      else signal.addEventListener("abort", () => controller.abort(), { once: true });
      if (resumeGet) {
        const context = await options.getContext(request);
        // A resume always has an AbortController (above).
        const reader = (controller as AbortController).signal;
        return toResponse(await server.resume(resumeGet, context, reader), controller);
      }
      const body = await readBody(request, limit);
      const context = await options.getContext(request);
      const processOptions = new RequestOptions(controller, () => new URL(request.url).origin, {
        resume,
        lastEventId: request.headers.get("last-event-id"),
        idempotencyKey: request.headers.get("idempotency-key"),
      });
      const result = await server.process(body, context, processOptions);
      return toResponse(result, controller);
    } catch (error) {
      return request.signal.aborted ? clientGone() : errorResponse(error);
    }
  };

  function toResponse(result: ProcessResult, controller: RequestAbort): Response {
    if (!result.streaming) {
      if (result.status === 204) {
        return new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });
      }
      const headers = result.headers ? { ...JSON_HEADERS, ...result.headers } : JSON_HEADERS;
      return new Response(result.json, { status: result.status, headers });
    }
    const pump = new SsePump(result, heartbeatMs);
    // Set when the body is cancelled: a pull still waiting on the pump must not touch `out`.
    let cancelled = false;
    const stream = new ReadableStream<Uint8Array>(
      {
        async pull(out) {
          try {
            const chunk = await pump.next();
            if (cancelled) return;
            if (chunk === null) out.close();
            else out.enqueue(chunk);
          } catch (error) {
            if (cancelled) return;
            logError("Stream failed", error);
            out.error(error);
          }
        },
        async cancel() {
          cancelled = true;
          controller.abort();
          await pump.close();
        },
      },
      { highWaterMark: 1 },
    );
    const headers = result.headers ? { ...SSE_HEADERS, ...result.headers } : SSE_HEADERS;
    return new Response(stream, { status: 200, headers });
  }
}
