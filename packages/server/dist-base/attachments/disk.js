import { createReadStream, mkdirSync } from "node:fs";
import { open, readFile, rename, rm, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { Readable } from "node:stream";
import { generateId, isSafeId, randomHex } from "../store/ids.js";
import { attachmentNotFound } from "../store/not-found.js";
import { AttachmentRejectedError } from "./errors.js";
import { absoluteBase, checkContentLength, chunksOf, newUpload, uploadOfRequest, uploadSizeMismatch, uploadTooLarge, } from "./upload.js";
/** Default `maxBytes`: 10 MiB. */
export const DEFAULT_MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
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
export class DiskAttachmentStore {
    directory;
    uploadBaseUrl;
    previewBaseUrl;
    publicBaseUrl;
    maxBytes;
    allowedMimeTypes;
    #userId;
    #inFlight = new Set();
    constructor(options) {
        this.directory = resolve(options.directory);
        this.uploadBaseUrl = (options.uploadBaseUrl ?? "/chatkit/uploads").replace(/\/+$/, "");
        this.previewBaseUrl = (options.previewBaseUrl ?? "/chatkit/files").replace(/\/+$/, "");
        this.publicBaseUrl = options.publicBaseUrl && absoluteBase(options.publicBaseUrl);
        this.maxBytes = options.maxBytes ?? DEFAULT_MAX_ATTACHMENT_BYTES;
        this.allowedMimeTypes = options.allowedMimeTypes ?? ["*/*"];
        this.#userId = options.userId ?? (() => "default");
        mkdirSync(this.directory, { recursive: true });
    }
    generateAttachmentId(_mimeType, _context) {
        return generateId("attachment");
    }
    async createAttachment(params, context, request) {
        const { attachment, name, size, mimeType } = newUpload(this, params, context, request);
        const id = attachment.id;
        await this.#writeRecord({
            id,
            name,
            mime_type: mimeType,
            size,
            user_id: this.#userId(context),
            uploaded: false,
        });
        return attachment;
    }
    /**
     * Streams an upload's raw bytes to disk. Refuses (and deletes what was written) when the body
     * or `contentLength` exceeds the declared size (413) or falls short of it (400); refuses a
     * second upload of the same id (409). Throws `NotFoundError` for an unknown or foreign id.
     */
    async handleUpload(attachmentId, body, contentLength, context) {
        const record = await this.#record(attachmentId, context);
        if (record.uploaded || this.#inFlight.has(record.id)) {
            throw new AttachmentRejectedError("already_uploaded", `${record.id} was already uploaded`);
        }
        const limit = Math.min(record.size, this.maxBytes);
        checkContentLength(record, contentLength, this.maxBytes);
        this.#inFlight.add(record.id);
        const temp = join(this.directory, `${record.id}.${randomHex(8)}.part`);
        try {
            const handle = await open(temp, "wx");
            let written = 0;
            try {
                for await (const chunk of chunksOf(body)) {
                    written += chunk.byteLength;
                    if (written > limit)
                        throw uploadTooLarge(record);
                    await handle.write(chunk);
                }
                await handle.sync();
            }
            finally {
                await handle.close();
            }
            if (written !== record.size)
                throw uploadSizeMismatch(record, written);
            await rename(temp, this.#bytesPath(record.id));
            await this.#writeRecord({ ...record, uploaded: true });
            return { id: record.id, size: written, mime_type: record.mime_type };
        }
        catch (error) {
            await rm(temp, { force: true });
            throw error;
        }
        finally {
            this.#inFlight.delete(record.id);
        }
    }
    /**
     * {@link handleUpload} for a web `Request` (fetch handlers): a raw body, or `multipart/form-data`
     * with the bytes in a `file` field (read with a byte cap of `maxBytes` + 64 KiB for the envelope).
     */
    async handleUploadRequest(attachmentId, request, context) {
        const record = await this.#record(attachmentId, context);
        const { body, length } = await uploadOfRequest(record, request, this.maxBytes);
        return this.handleUpload(attachmentId, body, length, context);
    }
    /**
     * An uploaded file, to serve. With a context, only its owner may open it. Throws
     * `NotFoundError` when the id is unknown, foreign or not uploaded yet.
     */
    async openFile(attachmentId, context) {
        const record = await this.#record(attachmentId, context);
        if (!record.uploaded)
            throw attachmentNotFound(attachmentId);
        const path = this.#bytesPath(record.id);
        return {
            id: record.id,
            name: record.name,
            mime_type: record.mime_type,
            size: record.size,
            path,
            stream: () => Readable.toWeb(createReadStream(path)),
        };
    }
    /** The bytes of an uploaded file with its name and MIME type (see {@link openFile}). */
    async readFile(attachmentId, context) {
        const file = await this.openFile(attachmentId, context);
        const data = new Uint8Array(await readFile(this.#bytesPath(file.id)));
        return { data, name: file.name, mime_type: file.mime_type, size: data.byteLength };
    }
    /** Deletes the bytes and record. A no-op for an unknown id; `NotFoundError` for another user's. */
    async deleteAttachment(attachmentId, context) {
        if (!isSafeId(attachmentId))
            return;
        const record = await this.#readRecord(attachmentId);
        if (!record)
            return;
        if (record.user_id !== this.#userId(context))
            throw attachmentNotFound(attachmentId);
        await rm(this.#bytesPath(attachmentId), { force: true });
        await rm(this.#recordPath(attachmentId), { force: true });
    }
    async #readRecord(id) {
        try {
            return JSON.parse(await readFile(this.#recordPath(id), "utf8"));
        }
        catch {
            return undefined;
        }
    }
    async #record(id, context) {
        if (!isSafeId(id)) {
            throw new AttachmentRejectedError("invalid_attachment_id", "Invalid attachment id");
        }
        const record = await this.#readRecord(id);
        if (!record || (context !== undefined && record.user_id !== this.#userId(context))) {
            throw attachmentNotFound(id);
        }
        return record;
    }
    async #writeRecord(record) {
        const temp = join(this.directory, `${record.id}.${randomHex(8)}.json.part`);
        await writeFile(temp, JSON.stringify(record), { flag: "wx" });
        await rename(temp, this.#recordPath(record.id));
    }
    #recordPath(id) {
        return join(this.directory, `${id}.json`);
    }
    #bytesPath(id) {
        return join(this.directory, `${id}.bin`);
    }
}
//# sourceMappingURL=disk.js.map