import type { IncomingMessage, ServerResponse } from "node:http";
import type { ChatKitServer } from "../server.js";
/** Options of {@link createNodeHandler}. */
export interface CreateNodeHandlerOptions<TContext> {
    /** Builds the request context from the Node request. Throw an `HttpError` to refuse. */
    getContext(request: IncomingMessage): TContext | Promise<TContext>;
    /** Largest accepted body; larger gets 413. Default 1 MiB. */
    maxBodyBytes?: number;
    /** Idle time before a `: keep-alive` comment on SSE streams; 0 disables. Default 15 s. */
    heartbeatMs?: number;
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
export declare function createNodeHandler<TContext>(server: ChatKitServer<TContext>, options: CreateNodeHandlerOptions<TContext>): (req: IncomingMessage, res: ServerResponse) => void;
//# sourceMappingURL=node.d.ts.map