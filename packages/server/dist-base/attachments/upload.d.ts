import type { Attachment } from "@threadkit/core";
import { AttachmentRejectedError } from "./errors.js";
import type { AttachmentCreateParams, AttachmentRequest, UploadBody } from "./types.js";
/** What an attachment store accepts. */
export interface AttachmentLimits {
    /** Largest accepted file in bytes. */
    maxBytes: number;
    /** Accepted MIME types: exact (`application/pdf`) or wildcard (`image/*`, `*\/*`). */
    allowedMimeTypes: readonly string[];
}
/** An upload the store expects: its id and the size declared at `attachments.create`. */
export interface DeclaredUpload {
    id: string;
    size: number;
}
/**
 * The declared name, size and normalised MIME type of an `attachments.create`, or an
 * {@link AttachmentRejectedError} (400 `invalid_request` / `unsupported_mime_type`, 413
 * `file_too_large`).
 *
 * @example
 * const { name, size, mimeType } = checkAttachmentParams(params, { maxBytes: 1 << 20, allowedMimeTypes: ["image/*"] });
 */
export declare function checkAttachmentParams(params: AttachmentCreateParams, limits: AttachmentLimits): {
    name: string;
    size: number;
    mimeType: string;
};
/** Where a store's upload and preview URLs live (bases may be paths or absolute URLs). */
export interface AttachmentUrls {
    uploadBaseUrl: string;
    previewBaseUrl: string;
    /** Absolute base that relative bases are resolved against (else the request's origin). */
    publicBaseUrl?: string | undefined;
}
/**
 * The attachment `attachments.create` answers: an `upload_descriptor` (`PUT ${uploadBaseUrl}/id`)
 * and, for images, a `preview_url` (`${previewBaseUrl}/id`). Both are absolute, as ChatKit's
 * models require: relative bases are resolved against `publicBaseUrl`, else the request's
 * origin; with neither, it throws (a configuration error, not a relative URL clients refuse).
 *
 * @example
 * pendingAttachment("atc_1", "cat.png", "image/png", { uploadBaseUrl: "/chatkit/uploads", previewBaseUrl: "/chatkit/files" }, { origin: "https://chat.example" });
 */
export declare function pendingAttachment(id: string, name: string, mimeType: string, urls: AttachmentUrls, request?: AttachmentRequest): Attachment;
/** What {@link newUpload} needs of an uploading attachment store. */
export interface UploadingStore<TContext> extends AttachmentLimits, AttachmentUrls {
    generateAttachmentId(mimeType: string, context: TContext): string;
}
/**
 * The first step of every uploading store's `createAttachment`: checks the request
 * ({@link checkAttachmentParams}), takes a new id from the store (refused unless it is a safe id,
 * since it becomes part of URLs and keys) and builds the attachment to answer
 * ({@link pendingAttachment}); the store then records the pending upload.
 */
export declare function newUpload<TContext>(store: UploadingStore<TContext>, params: AttachmentCreateParams, context: TContext, request?: AttachmentRequest): {
    attachment: Attachment;
    name: string;
    size: number;
    mimeType: string;
};
/**
 * `url` as an absolute http(s) base without a trailing slash (for a `publicBaseUrl` option);
 * throws a `TypeError` on anything else.
 *
 * @example
 * absoluteBase("https://chat.example/app/"); // "https://chat.example/app"
 */
export declare function absoluteBase(url: string): string;
/** 413 `file_too_large`: more bytes than declared. */
export declare function uploadTooLarge(upload: DeclaredUpload): AttachmentRejectedError;
/** 400 `size_mismatch`: fewer bytes than declared. */
export declare function uploadSizeMismatch(upload: DeclaredUpload, got: number): AttachmentRejectedError;
/**
 * Checks a `Content-Length` against the declared size before any byte is read: 413 when over
 * `min(size, maxBytes)`, 400 when under the declared size.
 */
export declare function checkContentLength(upload: DeclaredUpload, contentLength: number | undefined, maxBytes: number): void;
/**
 * The bytes of an upload body, refused as soon as they pass `min(size, maxBytes)` (413) or when
 * they end short of the declared size (400). For stores that keep the bytes in memory on their
 * way to a database.
 *
 * @example
 * const bytes = await readUploadBytes(record, req, 10 * 1024 * 1024);
 */
export declare function readUploadBytes(upload: DeclaredUpload, body: UploadBody, maxBytes: number): Promise<Buffer>;
/**
 * The upload carried by a web `Request`: its raw body, or the `file` field of a
 * `multipart/form-data` body (read with a byte cap of the declared size + 64 KiB for the
 * envelope; 413 past it, 400 when malformed or without a `file`).
 */
export declare function uploadOfRequest(upload: DeclaredUpload, request: Request, maxBytes: number): Promise<{
    body: UploadBody;
    length: number | undefined;
}>;
/** The chunks of a web stream or async iterable (cancelling the stream if the reader stops). */
export declare function chunksOf(body: UploadBody): AsyncGenerator<Uint8Array>;
//# sourceMappingURL=upload.d.ts.map