import type { ChatKitServer } from "../server.js";
/** Options of {@link createFetchHandler}. */
export interface CreateFetchHandlerOptions<TContext> {
    /** Builds the request context (e.g. the authenticated user). Throw an `HttpError` to refuse. */
    getContext(request: Request): TContext | Promise<TContext>;
    /** Largest accepted body; larger gets 413. Default 1 MiB. */
    maxBodyBytes?: number;
    /** Idle time before a `: keep-alive` comment on SSE streams; 0 disables. Default 15 s. */
    heartbeatMs?: number;
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
export declare function createFetchHandler<TContext>(server: ChatKitServer<TContext>, options: CreateFetchHandlerOptions<TContext>): (request: Request) => Promise<Response>;
//# sourceMappingURL=fetch.d.ts.map