import type { Attachment } from "@threadkit/core";
import type { AttachmentCreateParams, AttachmentRequest, StoredFile, UploadBody, UploadingAttachmentStore, UploadResult } from "./types.js";
/** Options of {@link DiskAttachmentStore}. */
export interface DiskAttachmentStoreOptions<TContext> {
    /** Directory of the files (created if missing). Holds `<id>.json` (record) and `<id>.bin` (bytes). */
    directory: string;
    /** Base of upload URLs: `upload_descriptor.url` is `${uploadBaseUrl}/${id}`. Default `/chatkit/uploads`. */
    uploadBaseUrl?: string;
    /** Base of image preview URLs: `preview_url` is `${previewBaseUrl}/${id}`. Default `/chatkit/files`. */
    previewBaseUrl?: string;
    /**
     * Where the server is reached from browsers (`https://chat.example.com`, optionally with a path
     * prefix): relative `uploadBaseUrl`/`previewBaseUrl` are resolved against it, since ChatKit
     * requires absolute URLs. Default: the origin of the `attachments.create` request, which the
     * HTTP adapters pass on (set this behind a proxy that rewrites the host).
     */
    publicBaseUrl?: string;
    /** Largest accepted file in bytes. Default 10 MiB. */
    maxBytes?: number;
    /** Accepted MIME types: exact (`application/pdf`) or wildcard (`image/*`). Default: any (`*\/*`). */
    allowedMimeTypes?: readonly string[];
    /** Owner of an upload; only that user can upload, delete or (when a context is given) open it. Default `() => "default"`. */
    userId?: (context: TContext) => string;
}
/** Default `maxBytes`: 10 MiB. */
export declare const DEFAULT_MAX_ATTACHMENT_BYTES: number;
/**
 * An {@link UploadingAttachmentStore} on the local disk with ChatKit's two-phase upload:
 *
 * 1. `attachments.create` → {@link createAttachment} checks name, size (≤ `maxBytes`) and MIME
 *    type, records the declared values and returns the attachment with
 *    `upload_descriptor: { url: uploadBaseUrl/id, method: "PUT", headers: {} }` (images also get
 *    `preview_url: previewBaseUrl/id`), both absolute (relative bases resolved against
 *    `publicBaseUrl` or the request's origin). The server then saves it with `store.saveAttachment`.
 * 2. The client sends the bytes to the URL; the HTTP adapter calls {@link handleUpload} (raw body)
 *    or {@link handleUploadRequest} (a web `Request`, raw or multipart with a `file` field), which
 *    streams them to a temp file, aborting past the declared size, and renames it into place.
 * 3. Previews are served with {@link openFile} / {@link readFile} and `fileResponseHeaders`.
 *
 * Attachment ids double as unguessable URL tokens (64 random bits); `openFile` without a context
 * does no owner check, so pass the context when your preview route has one.
 *
 * @example
 * const attachments = new DiskAttachmentStore<Ctx>({
 *   directory: "./uploads",
 *   allowedMimeTypes: ["image/*", "application/pdf", "text/plain"],
 *   userId: (ctx) => ctx.userId,
 * });
 * const server = new MyServer(new SQLiteStore({ path: "chat.db" }), attachments);
 */
export declare class DiskAttachmentStore<TContext = unknown> implements UploadingAttachmentStore<TContext> {
    #private;
    readonly directory: string;
    readonly uploadBaseUrl: string;
    readonly previewBaseUrl: string;
    readonly publicBaseUrl: string | undefined;
    readonly maxBytes: number;
    readonly allowedMimeTypes: readonly string[];
    constructor(options: DiskAttachmentStoreOptions<TContext>);
    generateAttachmentId(_mimeType: string, _context: TContext): string;
    createAttachment(params: AttachmentCreateParams, context: TContext, request?: AttachmentRequest): Promise<Attachment>;
    /**
     * Streams an upload's raw bytes to disk. Refuses (and deletes what was written) when the body
     * or `contentLength` exceeds the declared size (413) or falls short of it (400); refuses a
     * second upload of the same id (409). Throws `NotFoundError` for an unknown or foreign id.
     */
    handleUpload(attachmentId: string, body: UploadBody, contentLength: number | undefined, context: TContext): Promise<UploadResult>;
    /**
     * {@link handleUpload} for a web `Request` (fetch handlers): a raw body, or `multipart/form-data`
     * with the bytes in a `file` field (read with a byte cap of `maxBytes` + 64 KiB for the envelope).
     */
    handleUploadRequest(attachmentId: string, request: Request, context: TContext): Promise<UploadResult>;
    /**
     * An uploaded file, to serve. With a context, only its owner may open it. Throws
     * `NotFoundError` when the id is unknown, foreign or not uploaded yet.
     */
    openFile(attachmentId: string, context?: TContext): Promise<StoredFile>;
    /** The bytes of an uploaded file with its name and MIME type (see {@link openFile}). */
    readFile(attachmentId: string, context?: TContext): Promise<{
        data: Uint8Array;
        name: string;
        mime_type: string;
        size: number;
    }>;
    /** Deletes the bytes and record. A no-op for an unknown id; `NotFoundError` for another user's. */
    deleteAttachment(attachmentId: string, context: TContext): Promise<void>;
}
//# sourceMappingURL=disk.d.ts.map