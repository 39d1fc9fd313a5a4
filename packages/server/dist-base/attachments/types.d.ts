import type { Attachment } from "@threadkit/core";
/** What `attachments.create` asks for (ChatKit's `AttachmentCreateParams`). */
export interface AttachmentCreateParams {
    name: string;
    /** Size in bytes, as declared by the client. */
    size: number;
    mime_type: string;
}
/**
 * The HTTP request an `attachments.create` came in on, as far as a store needs it: its origin
 * (`https://chat.example`), so relative upload and preview URLs can be made absolute.
 */
export interface AttachmentRequest {
    origin?: string;
}
/**
 * Where attachment *bytes* live (ChatKit's `AttachmentStore`). The attachment *record* is saved
 * separately through `Store.saveAttachment` by the server: `attachments.create` calls
 * `attachmentStore.createAttachment(params, ctx)` then `store.saveAttachment(attachment, ctx)`,
 * and `attachments.delete` calls `attachmentStore.deleteAttachment` then `store.deleteAttachment`.
 *
 * @example
 * class S3Attachments implements AttachmentStore<Ctx> {
 *   generateAttachmentId() { return generateId("attachment"); }
 *   async createAttachment(params, ctx) { ... return { type: "file", id, name, mime_type, upload_descriptor }; }
 *   async deleteAttachment(id, ctx) { await s3.deleteObject(...); }
 * }
 */
export interface AttachmentStore<TContext = unknown> {
    /**
     * Starts a two-phase upload: checks the declared name, size and MIME type and returns the
     * attachment with an `upload_descriptor` ({ url, method, headers }) the client sends the bytes to.
     */
    createAttachment(params: AttachmentCreateParams, context: TContext, request?: AttachmentRequest): Promise<Attachment>;
    /** Deletes the bytes of an attachment (a no-op when there are none). */
    deleteAttachment(attachmentId: string, context: TContext): Promise<void>;
    /** A new attachment id (default `atc_` + random hex). */
    generateAttachmentId(mimeType: string, context: TContext): string;
}
/** Bytes of an upload, as HTTP adapters have them: a Node request, or a web `ReadableStream`. */
export type UploadBody = AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>;
/** The outcome of a completed upload. */
export interface UploadResult {
    id: string;
    /** Bytes written. */
    size: number;
    mime_type: string;
}
/** An uploaded file, ready to serve (e.g. as an image preview). */
export interface StoredFile {
    id: string;
    name: string;
    mime_type: string;
    size: number;
    /** Absolute path of the bytes, for stores that keep them on a local disk. */
    path?: string;
    /** The bytes as a web stream (for `new Response(file.stream())`). */
    stream(): ReadableStream<Uint8Array>;
}
/**
 * An attachment store that receives the bytes itself, so HTTP adapters can serve the upload URL
 * and the preview URL. {@link DiskAttachmentStore} is one.
 */
export interface UploadingAttachmentStore<TContext = unknown> extends AttachmentStore<TContext> {
    /**
     * Base of the upload URLs this store hands out (`${uploadBaseUrl}/<id>`). When set, the HTTP
     * adapters answer `PUT`/`POST` on that path with {@link handleUpload}.
     */
    readonly uploadBaseUrl?: string;
    /**
     * Base of the preview URLs this store hands out (`${previewBaseUrl}/<id>`). When set, the HTTP
     * adapters answer `GET`/`HEAD` on that path with {@link openFile}.
     */
    readonly previewBaseUrl?: string;
    handleUpload(attachmentId: string, body: UploadBody, contentLength: number | undefined, context: TContext): Promise<UploadResult>;
    openFile(attachmentId: string, context?: TContext): Promise<StoredFile>;
    /** Optional: an upload as a web `Request` (raw or multipart); preferred over `handleUpload`. */
    handleUploadRequest?(attachmentId: string, request: Request, context: TContext): Promise<UploadResult>;
}
/**
 * True when `store` can receive uploads and serve files (has `handleUpload` and `openFile`).
 *
 * @example
 * if (attachmentStore && isUploadingAttachmentStore(attachmentStore)) mountUploadRoutes(attachmentStore);
 */
export declare function isUploadingAttachmentStore<TContext>(store: AttachmentStore<TContext>): store is UploadingAttachmentStore<TContext>;
//# sourceMappingURL=types.d.ts.map