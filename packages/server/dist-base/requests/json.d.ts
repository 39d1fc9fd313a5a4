import type { ChatKitRequest } from "@threadkit/core";
import type { ChatKitServer } from "../server.js";
/**
 * Handles a non-streaming request and returns its JSON text (section 1.4 of the protocol).
 * Every thread-taking request loads the thread first, so another user's thread is a 404.
 * `from.origin` (the request's origin) is handed to `attachments.create` for absolute URLs.
 *
 * @example
 * const text = await handleJsonRequest(server, { type: "threads.list", params: {}, metadata: {} }, ctx);
 */
export declare function handleJsonRequest<C>(server: ChatKitServer<C>, request: ChatKitRequest, context: C, from?: {
    origin?: string;
}): Promise<string>;
//# sourceMappingURL=json.d.ts.map