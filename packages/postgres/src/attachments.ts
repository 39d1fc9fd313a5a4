import type { Attachment } from "@threadkit/core";
import {
  type AttachmentCreateParams,
  AttachmentRejectedError,
  type AttachmentRequest,
  absoluteBase,
  attachmentNotFound,
  checkContentLength,
  DEFAULT_MAX_ATTACHMENT_BYTES,
  generateId,
  isSafeId,
  newUpload,
  readUploadBytes,
  type StoredFile,
  type UploadBody,
  type UploadingAttachmentStore,
  type UploadResult,
  uploadOfRequest,
} from "@threadkit/server";
import type pg from "pg";
import {
  connect,
  type PoolHandle,
  type PostgresConnectionOptions,
  prepared,
  quoteSchema,
} from "./connection.js";
import { lazyOnce, runMigrations } from "./migrations.js";
import { STORE_MIGRATIONS } from "./schema.js";
import { mapUnavailable } from "./unavailable.js";

/** Options of {@link PostgresAttachmentStore}. */
export interface PostgresAttachmentStoreOptions<TContext> extends PostgresConnectionOptions {
  /** Owner of an upload; only that user can upload or delete it. Default `() => "default"`. */
  userId?: (context: TContext) => string;
  /** Largest accepted file in bytes. Default 10 MiB (the bytes pass through memory once). */
  maxBytes?: number;
  /** Accepted MIME types: exact (`application/pdf`) or wildcard (`image/*`). Default: any. */
  allowedMimeTypes?: readonly string[];
  /** Base of upload URLs (`${uploadBaseUrl}/${id}`). Default `/chatkit/uploads`. */
  uploadBaseUrl?: string;
  /** Base of image preview URLs (`${previewBaseUrl}/${id}`). Default `/chatkit/files`. */
  previewBaseUrl?: string;
  /**
   * Absolute base (`https://chat.example.com`) relative upload/preview bases are resolved
   * against, as ChatKit requires absolute URLs. Default: the `attachments.create` request's origin.
   */
  publicBaseUrl?: string;
}

/** A row of `attachment_files` without its bytes. */
interface FileRow {
  id: string;
  user_id: string;
  name: string;
  mime_type: string;
  size: string;
  uploaded: boolean;
}

/**
 * An attachment store whose records and bytes live in PostgreSQL, so an upload taken by one
 * server instance is served by any other: ChatKit's two-phase upload with the same URLs, limits
 * and errors as `DiskAttachmentStore`. It shares the schema of {@link PostgresStore} (deleting a
 * thread deletes the bytes of its attachments in the same transaction).
 *
 * @example
 * const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });
 * const store = new PostgresStore<Ctx>({ pool, userId: (ctx) => ctx.userId });
 * const attachments = new PostgresAttachmentStore<Ctx>({ pool, userId: (ctx) => ctx.userId, allowedMimeTypes: ["image/*"] });
 * const server = new MyServer(store, { attachmentStore: attachments });
 */
export class PostgresAttachmentStore<TContext = unknown>
  implements UploadingAttachmentStore<TContext>
{
  readonly pool: pg.Pool;
  readonly schema: string;
  readonly uploadBaseUrl: string;
  readonly previewBaseUrl: string;
  readonly publicBaseUrl: string | undefined;
  readonly maxBytes: number;
  readonly allowedMimeTypes: readonly string[];
  readonly #handle: PoolHandle;
  readonly #userId: (context: TContext) => string;
  readonly #ready: () => Promise<void>;
  readonly #sql: ReturnType<typeof fileStatements>;

  constructor(options: PostgresAttachmentStoreOptions<TContext>) {
    this.schema = quoteSchema(options.schema);
    this.#handle = connect(options);
    this.pool = this.#handle.pool;
    this.uploadBaseUrl = (options.uploadBaseUrl ?? "/chatkit/uploads").replace(/\/+$/, "");
    this.previewBaseUrl = (options.previewBaseUrl ?? "/chatkit/files").replace(/\/+$/, "");
    this.publicBaseUrl = options.publicBaseUrl && absoluteBase(options.publicBaseUrl);
    this.maxBytes = options.maxBytes ?? DEFAULT_MAX_ATTACHMENT_BYTES;
    this.allowedMimeTypes = options.allowedMimeTypes ?? ["*/*"];
    this.#userId = options.userId ?? (() => "default");
    this.#sql = fileStatements(this.schema);
    this.#ready = lazyOnce(() => runMigrations(this.pool, this.schema, "store", STORE_MIGRATIONS));
  }

  /** Creates or upgrades the tables (idempotent; also done on first use). */
  async migrate(): Promise<void> {
    await this.#run(async () => undefined);
  }

  /** Ends the pool when the store created it. */
  async close(): Promise<void> {
    await this.#handle.end();
  }

  generateAttachmentId(_mimeType: string, _context: TContext): string {
    return generateId("attachment");
  }

  async createAttachment(
    params: AttachmentCreateParams,
    context: TContext,
    request?: AttachmentRequest,
  ): Promise<Attachment> {
    const { attachment, name, size, mimeType } = newUpload(this, params, context, request);
    const id = attachment.id;
    await this.#run((pool) =>
      pool.query({
        ...this.#sql.create,
        values: [id, this.#userId(context), name, mimeType, size],
      }),
    );
    return attachment;
  }

  /**
   * Takes an upload's raw bytes (at most the declared size, and `maxBytes`) and stores them.
   * 413 past the declared size, 400 short of it, 409 for a second upload (also when two
   * instances receive one at the same moment: the first to commit wins).
   */
  async handleUpload(
    attachmentId: string,
    body: UploadBody,
    contentLength: number | undefined,
    context: TContext,
  ): Promise<UploadResult> {
    const record = await this.#record(attachmentId, context);
    if (record.uploaded) throw alreadyUploaded(record.id);
    const upload = { id: record.id, size: Number(record.size) };
    checkContentLength(upload, contentLength, this.maxBytes);
    const bytes = await readUploadBytes(upload, body, this.maxBytes);
    const { rowCount } = await this.#run((pool) =>
      pool.query({ ...this.#sql.upload, values: [record.id, bytes] }),
    );
    if (rowCount === 0) throw alreadyUploaded(record.id);
    return { id: record.id, size: bytes.byteLength, mime_type: record.mime_type };
  }

  /** {@link handleUpload} for a web `Request`: a raw body or multipart with a `file` field. */
  async handleUploadRequest(
    attachmentId: string,
    request: Request,
    context: TContext,
  ): Promise<UploadResult> {
    const record = await this.#record(attachmentId, context);
    const upload = { id: record.id, size: Number(record.size) };
    const { body, length } = await uploadOfRequest(upload, request, this.maxBytes);
    return this.handleUpload(attachmentId, body, length, context);
  }

  /**
   * An uploaded file, to serve (its bytes are read into memory). With a context, only its owner
   * may open it; without one the id is the capability (as preview URLs are). `NotFoundError` when
   * unknown, foreign or not uploaded yet.
   */
  async openFile(attachmentId: string, context?: TContext): Promise<StoredFile> {
    if (!isSafeId(attachmentId)) throw attachmentNotFound(attachmentId);
    const { rows } = await this.#run((pool) =>
      pool.query<FileRow & { bytes: Buffer }>({ ...this.#sql.file, values: [attachmentId] }),
    );
    const row = rows[0];
    if (!row || (context !== undefined && row.user_id !== this.#userId(context))) {
      throw attachmentNotFound(attachmentId);
    }
    const bytes = new Uint8Array(row.bytes);
    return {
      id: row.id,
      name: row.name,
      mime_type: row.mime_type,
      size: bytes.byteLength,
      stream: () =>
        new ReadableStream<Uint8Array>({
          start(controller) {
            controller.enqueue(bytes);
            controller.close();
          },
        }),
    };
  }

  /** Deletes the record and bytes. A no-op for an unknown id; `NotFoundError` for another user's. */
  async deleteAttachment(attachmentId: string, context: TContext): Promise<void> {
    if (!isSafeId(attachmentId)) return;
    const { rows } = await this.#run((pool) =>
      pool.query<{ user_id: string }>({
        ...this.#sql.delete,
        values: [attachmentId, this.#userId(context)],
      }),
    );
    // The statement deletes the user's row, and reports a row of another user without touching it.
    if (rows.some((row) => row.user_id !== this.#userId(context))) {
      throw attachmentNotFound(attachmentId);
    }
  }

  async #record(id: string, context: TContext): Promise<FileRow> {
    if (!isSafeId(id)) {
      throw new AttachmentRejectedError("invalid_attachment_id", "Invalid attachment id");
    }
    const { rows } = await this.#run((pool) =>
      pool.query<FileRow>({ ...this.#sql.record, values: [id, this.#userId(context)] }),
    );
    const row = rows[0];
    if (!row) throw attachmentNotFound(id);
    return row;
  }

  /** Runs `work` after the migrations, reporting an unreachable database as 503. */
  async #run<T>(work: (pool: pg.Pool) => Promise<T>): Promise<T> {
    try {
      await this.#ready();
      return await work(this.pool);
    } catch (error) {
      throw mapUnavailable(error);
    }
  }
}

function alreadyUploaded(id: string): AttachmentRejectedError {
  return new AttachmentRejectedError("already_uploaded", `${id} was already uploaded`);
}

function fileStatements(s: string) {
  return {
    create: prepared(
      `INSERT INTO ${s}.attachment_files (id, user_id, name, mime_type, size)
       VALUES ($1, $2, $3, $4, $5)`,
    ),
    record: prepared(
      `SELECT id, user_id, name, mime_type, size, uploaded FROM ${s}.attachment_files
       WHERE id = $1 AND user_id = $2`,
    ),
    // Only the first upload sets the bytes: a concurrent second one finds `uploaded` true.
    upload: prepared(
      `UPDATE ${s}.attachment_files SET bytes = $2, uploaded = true
       WHERE id = $1 AND NOT uploaded`,
    ),
    file: prepared(
      `SELECT id, user_id, name, mime_type, size, bytes FROM ${s}.attachment_files
       WHERE id = $1 AND uploaded`,
    ),
    delete: prepared(
      `WITH gone AS (
         DELETE FROM ${s}.attachment_files WHERE id = $1 AND user_id = $2 RETURNING user_id
       )
       SELECT user_id FROM gone
       UNION ALL SELECT user_id FROM ${s}.attachment_files WHERE id = $1 AND user_id <> $2`,
    ),
  };
}
