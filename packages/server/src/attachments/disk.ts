import { createReadStream, mkdirSync } from "node:fs";
import { open, readFile, rename, rm, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { Readable } from "node:stream";
import type { Attachment } from "@threadkit/core";
import { generateId, isSafeId, randomHex } from "../store/ids.js";
import { attachmentNotFound } from "../store/not-found.js";
import { AttachmentRejectedError } from "./errors.js";
import { mimeTypeAllowed, normalizeMimeType } from "./mime.js";
import type {
  AttachmentCreateParams,
  AttachmentRequest,
  StoredFile,
  UploadBody,
  UploadingAttachmentStore,
  UploadResult,
} from "./types.js";

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

/** What `<id>.json` holds. */
interface FileRecord {
  id: string;
  name: string;
  mime_type: string;
  size: number;
  user_id: string;
  uploaded: boolean;
}

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
export class DiskAttachmentStore<TContext = unknown> implements UploadingAttachmentStore<TContext> {
  readonly directory: string;
  readonly uploadBaseUrl: string;
  readonly previewBaseUrl: string;
  readonly publicBaseUrl: string | undefined;
  readonly maxBytes: number;
  readonly allowedMimeTypes: readonly string[];
  readonly #userId: (context: TContext) => string;
  readonly #inFlight = new Set<string>();

  constructor(options: DiskAttachmentStoreOptions<TContext>) {
    this.directory = resolve(options.directory);
    this.uploadBaseUrl = (options.uploadBaseUrl ?? "/chatkit/uploads").replace(/\/+$/, "");
    this.previewBaseUrl = (options.previewBaseUrl ?? "/chatkit/files").replace(/\/+$/, "");
    this.publicBaseUrl = options.publicBaseUrl && absoluteBase(options.publicBaseUrl);
    this.maxBytes = options.maxBytes ?? DEFAULT_MAX_ATTACHMENT_BYTES;
    this.allowedMimeTypes = options.allowedMimeTypes ?? ["*/*"];
    this.#userId = options.userId ?? (() => "default");
    mkdirSync(this.directory, { recursive: true });
  }

  generateAttachmentId(_mimeType: string, _context: TContext): string {
    return generateId("attachment");
  }

  async createAttachment(
    params: AttachmentCreateParams,
    context: TContext,
    request?: AttachmentRequest,
  ): Promise<Attachment> {
    const { name, size } = params;
    if (typeof name !== "string" || name.length === 0 || name.length > 1024) {
      throw new AttachmentRejectedError("invalid_request", "name must be a non-empty string");
    }
    if (typeof size !== "number" || !Number.isSafeInteger(size) || size < 0) {
      throw new AttachmentRejectedError("invalid_request", "size must be a non-negative integer");
    }
    if (size > this.maxBytes) {
      throw new AttachmentRejectedError(
        "file_too_large",
        `${name} is ${size} bytes; the limit is ${this.maxBytes} bytes`,
      );
    }
    const mimeType = normalizeMimeType(params.mime_type);
    if (!mimeType || !mimeTypeAllowed(mimeType, this.allowedMimeTypes)) {
      throw new AttachmentRejectedError(
        "unsupported_mime_type",
        `${String(params.mime_type)} is not an accepted file type (accepted: ${this.allowedMimeTypes.join(", ")})`,
      );
    }
    const id = this.generateAttachmentId(mimeType, context);
    if (!isSafeId(id)) {
      throw new AttachmentRejectedError("invalid_attachment_id", `Invalid attachment id ${id}`);
    }
    const publicBase =
      this.publicBaseUrl ?? (request?.origin ? absoluteBase(request.origin) : undefined);
    const upload_descriptor = {
      url: absoluteUrl(`${this.uploadBaseUrl}/${id}`, publicBase),
      method: "PUT" as const,
      headers: {},
    };
    const previewUrl = absoluteUrl(`${this.previewBaseUrl}/${id}`, publicBase);
    await this.#writeRecord({
      id,
      name,
      mime_type: mimeType,
      size,
      user_id: this.#userId(context),
      uploaded: false,
    });
    const base = { id, name, mime_type: mimeType, upload_descriptor };
    return (
      mimeType.startsWith("image/")
        ? { ...base, type: "image", preview_url: previewUrl }
        : { ...base, type: "file" }
    ) as Attachment;
  }

  /**
   * Streams an upload's raw bytes to disk. Refuses (and deletes what was written) when the body
   * or `contentLength` exceeds the declared size (413) or falls short of it (400); refuses a
   * second upload of the same id (409). Throws `NotFoundError` for an unknown or foreign id.
   */
  async handleUpload(
    attachmentId: string,
    body: UploadBody,
    contentLength: number | undefined,
    context: TContext,
  ): Promise<UploadResult> {
    const record = await this.#record(attachmentId, context);
    if (record.uploaded || this.#inFlight.has(record.id)) {
      throw new AttachmentRejectedError("already_uploaded", `${record.id} was already uploaded`);
    }
    const limit = Math.min(record.size, this.maxBytes);
    if (contentLength !== undefined && contentLength > limit) throw tooLarge(record);
    if (contentLength !== undefined && contentLength < record.size)
      throw shortBody(record, contentLength);
    this.#inFlight.add(record.id);
    const temp = join(this.directory, `${record.id}.${randomHex(8)}.part`);
    try {
      const handle = await open(temp, "wx");
      let written = 0;
      try {
        for await (const chunk of chunksOf(body)) {
          written += chunk.byteLength;
          if (written > limit) throw tooLarge(record);
          await handle.write(chunk);
        }
        await handle.sync();
      } finally {
        await handle.close();
      }
      if (written !== record.size) throw shortBody(record, written);
      await rename(temp, this.#bytesPath(record.id));
      await this.#writeRecord({ ...record, uploaded: true });
      return { id: record.id, size: written, mime_type: record.mime_type };
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    } finally {
      this.#inFlight.delete(record.id);
    }
  }

  /**
   * {@link handleUpload} for a web `Request` (fetch handlers): a raw body, or `multipart/form-data`
   * with the bytes in a `file` field (read with a byte cap of `maxBytes` + 64 KiB for the envelope).
   */
  async handleUploadRequest(
    attachmentId: string,
    request: Request,
    context: TContext,
  ): Promise<UploadResult> {
    const record = await this.#record(attachmentId, context);
    const type = request.headers.get("content-type") ?? "";
    const header = request.headers.get("content-length");
    const length = header !== null && /^\d+$/.test(header) ? Number(header) : undefined;
    const body = request.body ?? new Blob([]).stream();
    if (!type.toLowerCase().startsWith("multipart/form-data")) {
      return this.handleUpload(attachmentId, body, length, context);
    }
    const cap = Math.min(record.size, this.maxBytes) + 64 * 1024;
    if (length !== undefined && length > cap) throw tooLarge(record);
    let overflow = false;
    const capped = Readable.toWeb(
      Readable.from(
        capBytes(chunksOf(body), cap, () => {
          overflow = true;
        }),
      ),
    ) as ReadableStream<Uint8Array>;
    let form: FormData;
    try {
      form = await new Response(capped, { headers: { "content-type": type } }).formData();
    } catch {
      if (overflow) throw tooLarge(record);
      throw new AttachmentRejectedError("invalid_request", "Malformed multipart upload");
    }
    const file = form.get("file");
    if (!file || typeof file === "string") {
      throw new AttachmentRejectedError("invalid_request", "multipart upload has no file field");
    }
    return this.handleUpload(attachmentId, file.stream(), file.size, context);
  }

  /**
   * An uploaded file, to serve. With a context, only its owner may open it. Throws
   * `NotFoundError` when the id is unknown, foreign or not uploaded yet.
   */
  async openFile(attachmentId: string, context?: TContext): Promise<StoredFile> {
    const record = await this.#record(attachmentId, context);
    if (!record.uploaded) throw attachmentNotFound(attachmentId);
    const path = this.#bytesPath(record.id);
    return {
      id: record.id,
      name: record.name,
      mime_type: record.mime_type,
      size: record.size,
      path,
      stream: () => Readable.toWeb(createReadStream(path)) as ReadableStream<Uint8Array>,
    };
  }

  /** The bytes of an uploaded file with its name and MIME type (see {@link openFile}). */
  async readFile(
    attachmentId: string,
    context?: TContext,
  ): Promise<{ data: Uint8Array; name: string; mime_type: string; size: number }> {
    const file = await this.openFile(attachmentId, context);
    const data = new Uint8Array(await readFile(file.path));
    return { data, name: file.name, mime_type: file.mime_type, size: data.byteLength };
  }

  /** Deletes the bytes and record. A no-op for an unknown id; `NotFoundError` for another user's. */
  async deleteAttachment(attachmentId: string, context: TContext): Promise<void> {
    if (!isSafeId(attachmentId)) return;
    const record = await this.#readRecord(attachmentId);
    if (!record) return;
    if (record.user_id !== this.#userId(context)) throw attachmentNotFound(attachmentId);
    await rm(this.#bytesPath(attachmentId), { force: true });
    await rm(this.#recordPath(attachmentId), { force: true });
  }

  async #readRecord(id: string): Promise<FileRecord | undefined> {
    try {
      return JSON.parse(await readFile(this.#recordPath(id), "utf8")) as FileRecord;
    } catch {
      return undefined;
    }
  }

  async #record(id: string, context: TContext | undefined): Promise<FileRecord> {
    if (!isSafeId(id)) {
      throw new AttachmentRejectedError("invalid_attachment_id", "Invalid attachment id");
    }
    const record = await this.#readRecord(id);
    if (!record || (context !== undefined && record.user_id !== this.#userId(context))) {
      throw attachmentNotFound(id);
    }
    return record;
  }

  async #writeRecord(record: FileRecord): Promise<void> {
    const temp = join(this.directory, `${record.id}.${randomHex(8)}.json.part`);
    await writeFile(temp, JSON.stringify(record), { flag: "wx" });
    await rename(temp, this.#recordPath(record.id));
  }

  #recordPath(id: string): string {
    return join(this.directory, `${id}.json`);
  }

  #bytesPath(id: string): string {
    return join(this.directory, `${id}.bin`);
  }
}

function tooLarge(record: FileRecord): AttachmentRejectedError {
  return new AttachmentRejectedError(
    "file_too_large",
    `Upload of ${record.id} exceeds its declared size of ${record.size} bytes`,
  );
}

function shortBody(record: FileRecord, got: number): AttachmentRejectedError {
  return new AttachmentRejectedError(
    "size_mismatch",
    `Upload of ${record.id} has ${got} bytes; ${record.size} were declared`,
  );
}

/** The chunks of a web stream or async iterable (cancelling the stream if the reader stops). */
async function* chunksOf(body: UploadBody): AsyncGenerator<Uint8Array> {
  if (!("getReader" in body)) {
    for await (const chunk of body) yield typeof chunk === "string" ? Buffer.from(chunk) : chunk;
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
  } finally {
    if (!done) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}

/** Passes chunks through until more than `cap` bytes went by, then calls `onOverflow` and throws. */
async function* capBytes(
  chunks: AsyncIterable<Uint8Array>,
  cap: number,
  onOverflow: () => void,
): AsyncGenerator<Uint8Array> {
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

/** `url` as an absolute http(s) base ending without a slash; throws on anything else. */
function absoluteBase(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new TypeError(`DiskAttachmentStore: ${JSON.stringify(url)} is not an absolute URL`);
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:")
    throw new TypeError(`DiskAttachmentStore: ${JSON.stringify(url)} is not an http(s) URL`);
  return `${parsed.origin}${parsed.pathname.replace(/\/+$/, "")}`;
}

/**
 * `path` (already absolute, or a path) as an absolute URL under `base`. ChatKit's models require
 * absolute URLs, so a relative path with no known base is a configuration error.
 */
function absoluteUrl(path: string, base: string | undefined): string {
  if (/^https?:\/\//i.test(path)) return path;
  if (!base)
    throw new Error(
      "DiskAttachmentStore: upload and preview URLs must be absolute; set publicBaseUrl or serve attachments.create through an HTTP adapter (which passes the request origin)",
    );
  return `${base}${path.startsWith("/") ? "" : "/"}${path}`;
}
