import type { IncomingMessage, ServerResponse } from "node:http";
import { type AttachmentRoute } from "./attachment-routes.js";
/**
 * Answers an attachment route on `node:http` (see `serveAttachmentRoute` for the rules): the
 * upload body is streamed to the store without being buffered; errors answer
 * `{"error":{"code","message"}}` and close the connection when the body was not fully read.
 */
export declare function serveAttachmentNode<C>(route: AttachmentRoute<C>, req: IncomingMessage, res: ServerResponse, getContext: (req: IncomingMessage) => C | Promise<C>): Promise<void>;
//# sourceMappingURL=node-attachments.d.ts.map