const STATUS = {
    invalid_request: 400,
    invalid_attachment_id: 400,
    unsupported_mime_type: 400,
    file_too_large: 413,
    size_mismatch: 400,
    already_uploaded: 409,
};
/**
 * An attachment (at `attachments.create`) or an upload (at the upload URL) was refused. Carries
 * an HTTP `status` (400, 409 or 413) and a machine-readable `code`, so HTTP adapters answer
 * `{"error":{"code","message"}}` with that status.
 *
 * @example
 * throw new AttachmentRejectedError("file_too_large", "report.pdf is 12 MiB; the limit is 10 MiB");
 */
export class AttachmentRejectedError extends Error {
    code;
    name = "AttachmentRejectedError";
    status;
    constructor(code, message) {
        super(message);
        this.code = code;
        this.status = STATUS[code];
    }
}
//# sourceMappingURL=errors.js.map