import type { UploadingAttachmentStore } from "../attachments/types.js";
import type { ServerAttachmentStore } from "../server.js";
/** A request for an attachment URL the server's attachment store handed out. */
export interface AttachmentRoute<TContext> {
    /** `upload`: bytes sent to `upload_descriptor.url`; `file`: a `preview_url` being fetched. */
    kind: "upload" | "file";
    id: string;
    store: UploadingAttachmentStore<TContext>;
}
/** Methods each route answers; anything else is 405. */
export declare const ROUTE_METHODS: Readonly<Record<AttachmentRoute<unknown>["kind"], string[]>>;
/**
 * Which attachment route `pathname` is, if the server's attachment store takes uploads and
 * declares `uploadBaseUrl` / `previewBaseUrl` (as `DiskAttachmentStore` does): the last path
 * segment after the base is the attachment id.
 *
 * @example
 * matchAttachmentRoute(server.attachmentStore, "/chatkit/uploads/atc_1"); // { kind: "upload", id: "atc_1", store }
 */
export declare function matchAttachmentRoute<C>(store: ServerAttachmentStore<C> | undefined, pathname: string): AttachmentRoute<C> | null;
/** The 405 body and headers for a method a route does not answer. */
export declare function methodNotAllowed(method: string, allow: readonly string[]): {
    json: string;
    headers: {
        Allow: string;
    };
};
/**
 * Answers an attachment route for a fetch handler: an upload streams the body to the store
 * (raw or multipart through `handleUploadRequest` when the store has it) and answers the
 * `UploadResult` as JSON; a file is served with `fileResponseHeaders`. Previews are capability
 * URLs (the id is an unguessable token), since `<img>` requests carry no custom auth headers.
 * Errors are thrown for the caller to map.
 */
export declare function serveAttachmentRoute<C>(route: AttachmentRoute<C>, request: Request, getContext: (request: Request) => C | Promise<C>): Promise<Response>;
//# sourceMappingURL=attachment-routes.d.ts.map