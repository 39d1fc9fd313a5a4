/**
 * The parts of ChatKit's two-phase upload every uploading attachment store shares: checking
 * `attachments.create`, the attachment it answers, and reading the bytes sent to the upload URL
 * (raw or multipart) within the declared size.
 * @module
 */
import { Readable } from "node:stream";
import { isSafeId } from "../store/ids.js";
import { AttachmentRejectedError } from "./errors.js";
import { mimeTypeAllowed, normalizeMimeType } from "./mime.js";
/**
 * The declared name, size and normalised MIME type of an `attachments.create`, or an
 * {@link AttachmentRejectedError} (400 `invalid_request` / `unsupported_mime_type`, 413
 * `file_too_large`).
 *
 * @example
 * const { name, size, mimeType } = checkAttachmentParams(params, { maxBytes: 1 << 20, allowedMimeTypes: ["image/*"] });
 */
export function checkAttachmentParams(params, limits) {
    const { name, size } = params;
    if (typeof name !== "string" || name.length === 0 || name.length > 1024) {
        throw new AttachmentRejectedError("invalid_request", "name must be a non-empty string");
    }
    if (typeof size !== "number" || !Number.isSafeInteger(size) || size < 0) {
        throw new AttachmentRejectedError("invalid_request", "size must be a non-negative integer");
    }
    if (size > limits.maxBytes) {
        throw new AttachmentRejectedError("file_too_large", `${name} is ${size} bytes; the limit is ${limits.maxBytes} bytes`);
    }
    const mimeType = normalizeMimeType(params.mime_type);
    if (!mimeType || !mimeTypeAllowed(mimeType, limits.allowedMimeTypes)) {
        throw new AttachmentRejectedError("unsupported_mime_type", `${String(params.mime_type)} is not an accepted file type (accepted: ${limits.allowedMimeTypes.join(", ")})`);
    }
    return { name, size, mimeType };
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
export function pendingAttachment(id, name, mimeType, urls, request) {
    const base = urls.publicBaseUrl ?? (request?.origin ? absoluteBase(request.origin) : undefined);
    const upload_descriptor = {
        url: absoluteUrl(`${urls.uploadBaseUrl}/${id}`, base),
        method: "PUT",
        headers: {},
    };
    const common = { id, name, mime_type: mimeType, upload_descriptor };
    return (mimeType.startsWith("image/")
        ? { ...common, type: "image", preview_url: absoluteUrl(`${urls.previewBaseUrl}/${id}`, base) }
        : { ...common, type: "file" });
}
/**
 * The first step of every uploading store's `createAttachment`: checks the request
 * ({@link checkAttachmentParams}), takes a new id from the store (refused unless it is a safe id,
 * since it becomes part of URLs and keys) and builds the attachment to answer
 * ({@link pendingAttachment}); the store then records the pending upload.
 */
export function newUpload(store, params, context, request) {
    const { name, size, mimeType } = checkAttachmentParams(params, store);
    const id = store.generateAttachmentId(mimeType, context);
    if (!isSafeId(id)) {
        throw new AttachmentRejectedError("invalid_attachment_id", `Invalid attachment id ${id}`);
    }
    // Built before anything is written: a missing public base fails first.
    const attachment = pendingAttachment(id, name, mimeType, store, request);
    return { attachment, name, size, mimeType };
}
/**
 * `url` as an absolute http(s) base without a trailing slash (for a `publicBaseUrl` option);
 * throws a `TypeError` on anything else.
 *
 * @example
 * absoluteBase("https://chat.example/app/"); // "https://chat.example/app"
 */
export function absoluteBase(url) {
    let parsed;
    try {
        parsed = new URL(url);
    }
    catch {
        throw new TypeError(`publicBaseUrl: ${JSON.stringify(url)} is not an absolute URL`);
    }
    if (parsed.protocol !== "http:" && parsed.protocol !== "https:")
        throw new TypeError(`publicBaseUrl: ${JSON.stringify(url)} is not an http(s) URL`);
    return `${parsed.origin}${parsed.pathname.replace(/\/+$/, "")}`;
}
/** `path` (a path, or already absolute) as an absolute URL under `base`. */
function absoluteUrl(path, base) {
    if (/^https?:\/\//i.test(path))
        return path;
    if (!base)
        throw new Error("Attachment URLs must be absolute: set publicBaseUrl on the attachment store, or serve attachments.create through an HTTP adapter (which passes the request origin)");
    return `${base}${path.startsWith("/") ? "" : "/"}${path}`;
}
/** 413 `file_too_large`: more bytes than declared. */
export function uploadTooLarge(upload) {
    return new AttachmentRejectedError("file_too_large", `Upload of ${upload.id} exceeds its declared size of ${upload.size} bytes`);
}
/** 400 `size_mismatch`: fewer bytes than declared. */
export function uploadSizeMismatch(upload, got) {
    return new AttachmentRejectedError("size_mismatch", `Upload of ${upload.id} has ${got} bytes; ${upload.size} were declared`);
}
/**
 * Checks a `Content-Length` against the declared size before any byte is read: 413 when over
 * `min(size, maxBytes)`, 400 when under the declared size.
 */
export function checkContentLength(upload, contentLength, maxBytes) {
    if (contentLength === undefined)
        return;
    if (contentLength > Math.min(upload.size, maxBytes))
        throw uploadTooLarge(upload);
    if (contentLength < upload.size)
        throw uploadSizeMismatch(upload, contentLength);
}
/**
 * The bytes of an upload body, refused as soon as they pass `min(size, maxBytes)` (413) or when
 * they end short of the declared size (400). For stores that keep the bytes in memory on their
 * way to a database.
 *
 * @example
 * const bytes = await readUploadBytes(record, req, 10 * 1024 * 1024);
 */
export async function readUploadBytes(upload, body, maxBytes) {
    const limit = Math.min(upload.size, maxBytes);
    const chunks = [];
    let total = 0;
    for await (const chunk of chunksOf(body)) {
        total += chunk.byteLength;
        if (total > limit)
            throw uploadTooLarge(upload);
        chunks.push(chunk);
    }
    if (total !== upload.size)
        throw uploadSizeMismatch(upload, total);
    return Buffer.concat(chunks, total);
}
/**
 * The upload carried by a web `Request`: its raw body, or the `file` field of a
 * `multipart/form-data` body (read with a byte cap of the declared size + 64 KiB for the
 * envelope; 413 past it, 400 when malformed or without a `file`).
 */
export async function uploadOfRequest(upload, request, maxBytes) {
    const type = request.headers.get("content-type") ?? "";
    const header = request.headers.get("content-length");
    const length = header !== null && /^\d+$/.test(header) ? Number(header) : undefined;
    const body = request.body ?? new Blob([]).stream();
    if (!type.toLowerCase().startsWith("multipart/form-data"))
        return { body, length };
    const cap = Math.min(upload.size, maxBytes) + 64 * 1024;
    if (length !== undefined && length > cap)
        throw uploadTooLarge(upload);
    let overflow = false;
    const capped = Readable.toWeb(Readable.from(capBytes(chunksOf(body), cap, () => {
        overflow = true;
    })));
    let form;
    try {
        form = await new Response(capped, { headers: { "content-type": type } }).formData();
    }
    catch {
        if (overflow)
            throw uploadTooLarge(upload);
        throw new AttachmentRejectedError("invalid_request", "Malformed multipart upload");
    }
    const file = form.get("file");
    if (!file || typeof file === "string") {
        throw new AttachmentRejectedError("invalid_request", "multipart upload has no file field");
    }
    return { body: file.stream(), length: file.size };
}
/** The chunks of a web stream or async iterable (cancelling the stream if the reader stops). */
export async function* chunksOf(body) {
    if (!("getReader" in body)) {
        for await (const chunk of body)
            yield typeof chunk === "string" ? Buffer.from(chunk) : chunk;
        return;
    }
    const reader = body.getReader();
    let done = false;
    try {
        while (true) {
            const next = await reader.read();
            if (next.done) {
                done = true;
                return;
            }
            yield next.value;
        }
    }
    finally {
        if (!done)
            await reader.cancel().catch(() => undefined);
        reader.releaseLock();
    }
}
/** Passes chunks through until more than `cap` bytes went by, then calls `onOverflow` and throws. */
async function* capBytes(chunks, cap, onOverflow) {
    let total = 0;
    for await (const chunk of chunks) {
        total += chunk.byteLength;
        if (total > cap) {
            onOverflow();
            throw new Error("upload over the byte cap");
        }
        yield chunk;
    }
}
//# sourceMappingURL=upload.js.map