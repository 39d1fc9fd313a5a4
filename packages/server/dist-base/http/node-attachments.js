import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { fileResponseHeaders } from "../attachments/mime.js";
import { methodNotAllowed, ROUTE_METHODS } from "./attachment-routes.js";
import { errorPayload, JSON_HEADERS } from "./common.js";
function send(res, status, json, headers) {
    res.writeHead(status, { ...headers, "Content-Length": Buffer.byteLength(json) });
    res.end(json);
}
/** A web `Request` over a Node request's body, for stores that parse multipart uploads. */
function webRequest(req) {
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
        if (typeof value === "string")
            headers.set(name, value);
    }
    return new Request("http://localhost/upload", {
        method: "PUT",
        headers,
        body: Readable.toWeb(req),
        duplex: "half",
    });
}
/**
 * Answers an attachment route on `node:http` (see `serveAttachmentRoute` for the rules): the
 * upload body is streamed to the store without being buffered; errors answer
 * `{"error":{"code","message"}}` and close the connection when the body was not fully read.
 */
export async function serveAttachmentNode(route, req, res, getContext) {
    const method = req.method ?? "";
    const allow = ROUTE_METHODS[route.kind];
    try {
        if (!allow.includes(method)) {
            req.resume();
            const { json, headers } = methodNotAllowed(method, allow);
            send(res, 405, json, headers);
            return;
        }
        if (route.kind === "file") {
            req.resume();
            const file = await route.store.openFile(route.id);
            res.writeHead(200, fileResponseHeaders(file));
            if (method === "HEAD")
                res.end();
            else
                await pipeline(Readable.fromWeb(file.stream()), res);
            return;
        }
        const context = await getContext(req);
        const header = req.headers["content-length"];
        const length = header !== undefined && /^\d+$/.test(header) ? Number(header) : undefined;
        const multipart = /^multipart\/form-data/i.test(req.headers["content-type"] ?? "");
        const result = route.store.handleUploadRequest && multipart
            ? await route.store.handleUploadRequest(route.id, webRequest(req), context)
            : await route.store.handleUpload(route.id, req, length, context);
        send(res, 200, JSON.stringify(result), JSON_HEADERS);
    }
    catch (error) {
        // The client went away mid-upload: the store already dropped the partial file.
        if (res.destroyed || (req.destroyed && !req.complete))
            return;
        if (res.headersSent) {
            res.destroy();
            return;
        }
        const { status, json } = errorPayload(error);
        const unread = !req.readableEnded;
        if (unread)
            req.resume();
        send(res, status, json, unread ? { ...JSON_HEADERS, Connection: "close" } : JSON_HEADERS);
    }
}
//# sourceMappingURL=node-attachments.js.map