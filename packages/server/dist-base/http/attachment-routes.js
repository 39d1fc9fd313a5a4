import { fileResponseHeaders } from "../attachments/mime.js";
import { JSON_HEADERS } from "./common.js";
/** Methods each route answers; anything else is 405. */
export const ROUTE_METHODS = {
    upload: ["PUT", "POST"],
    file: ["GET", "HEAD"],
};
function isUploading(store) {
    const s = store;
    return typeof s.handleUpload === "function" && typeof s.openFile === "function";
}
/** The path part of a base URL (absolute or path-only), without a trailing slash. */
function basePath(base) {
    if (!base)
        return null;
    try {
        return new URL(base, "http://localhost").pathname.replace(/\/+$/, "");
    }
    catch {
        return null;
    }
}
/**
 * Which attachment route `pathname` is, if the server's attachment store takes uploads and
 * declares `uploadBaseUrl` / `previewBaseUrl` (as `DiskAttachmentStore` does): the last path
 * segment after the base is the attachment id.
 *
 * @example
 * matchAttachmentRoute(server.attachmentStore, "/chatkit/uploads/atc_1"); // { kind: "upload", id: "atc_1", store }
 */
export function matchAttachmentRoute(store, pathname) {
    if (!store || !isUploading(store))
        return null;
    const bases = [
        ["upload", store.uploadBaseUrl],
        ["file", store.previewBaseUrl],
    ];
    for (const [kind, base] of bases) {
        const path = basePath(base);
        if (path === null || !pathname.startsWith(`${path}/`))
            continue;
        const rest = pathname.slice(path.length + 1);
        if (!rest || rest.includes("/"))
            continue;
        try {
            return { kind, id: decodeURIComponent(rest), store };
        }
        catch {
            return null;
        }
    }
    return null;
}
/** The 405 body and headers for a method a route does not answer. */
export function methodNotAllowed(method, allow) {
    return {
        json: JSON.stringify({
            error: { code: "method_not_allowed", message: `Method ${method} not allowed` },
        }),
        headers: { ...JSON_HEADERS, Allow: allow.join(", ") },
    };
}
/**
 * Answers an attachment route for a fetch handler: an upload streams the body to the store
 * (raw or multipart through `handleUploadRequest` when the store has it) and answers the
 * `UploadResult` as JSON; a file is served with `fileResponseHeaders`. Previews are capability
 * URLs (the id is an unguessable token), since `<img>` requests carry no custom auth headers.
 * Errors are thrown for the caller to map.
 */
export async function serveAttachmentRoute(route, request, getContext) {
    const allow = ROUTE_METHODS[route.kind];
    if (!allow.includes(request.method)) {
        const { json, headers } = methodNotAllowed(request.method, allow);
        return new Response(json, { status: 405, headers });
    }
    if (route.kind === "file") {
        const file = await route.store.openFile(route.id);
        const body = request.method === "HEAD" ? null : file.stream();
        return new Response(body, { status: 200, headers: fileResponseHeaders(file) });
    }
    const context = await getContext(request);
    const header = request.headers.get("content-length");
    const length = header !== null && /^\d+$/.test(header) ? Number(header) : undefined;
    const result = route.store.handleUploadRequest
        ? await route.store.handleUploadRequest(route.id, request, context)
        : await route.store.handleUpload(route.id, request.body ?? new Blob([]).stream(), length, context);
    return new Response(JSON.stringify(result), { status: 200, headers: JSON_HEADERS });
}
//# sourceMappingURL=attachment-routes.js.map