/** Why an attachment or its upload was refused. */
export type AttachmentRejectionCode = "invalid_request" | "invalid_attachment_id" | "unsupported_mime_type" | "file_too_large" | "size_mismatch" | "already_uploaded";
/**
 * An attachment (at `attachments.create`) or an upload (at the upload URL) was refused. Carries
 * an HTTP `status` (400, 409 or 413) and a machine-readable `code`, so HTTP adapters answer
 * `{"error":{"code","message"}}` with that status.
 *
 * @example
 * throw new AttachmentRejectedError("file_too_large", "report.pdf is 12 MiB; the limit is 10 MiB");
 */
export declare class AttachmentRejectedError extends Error {
    readonly code: AttachmentRejectionCode;
    name: string;
    readonly status: number;
    constructor(code: AttachmentRejectionCode, message: string);
}
//# sourceMappingURL=errors.d.ts.map