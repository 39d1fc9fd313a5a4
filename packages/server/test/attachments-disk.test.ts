import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { schemas } from "@threadkit/core";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { DiskAttachmentStore } from "../src/attachments/disk.js";
import { AttachmentRejectedError } from "../src/attachments/errors.js";
import {
  fileResponseHeaders,
  mimeTypeAllowed,
  normalizeMimeType,
} from "../src/attachments/mime.js";
import { isUploadingAttachmentStore } from "../src/attachments/types.js";
import { MemoryStore } from "../src/store/memory.js";

type Ctx = { userId: string };
const alice: Ctx = { userId: "alice" };
const bob: Ctx = { userId: "bob" };
const root = mkdtempSync(join(tmpdir(), "threadkit-attachments-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let dir = "";
let store: DiskAttachmentStore<Ctx>;
let n = 0;
beforeEach(() => {
  dir = join(root, `d${++n}`);
  store = new DiskAttachmentStore<Ctx>({
    directory: dir,
    uploadBaseUrl: "/chatkit/uploads/",
    previewBaseUrl: "https://files.example/p",
    publicBaseUrl: "https://chat.example/app/",
    maxBytes: 1000,
    allowedMimeTypes: ["image/*", "application/pdf", "text/plain"],
    userId: (ctx) => ctx.userId,
  });
});

const bytes = (count: number, fill = 7) => new Uint8Array(count).fill(fill);
async function* chunks(...parts: Uint8Array[]): AsyncGenerator<Uint8Array> {
  for (const part of parts) yield part;
}
async function rejection(
  promise: Promise<unknown>,
): Promise<{ name: string; code?: string; status?: number }> {
  return promise.then(
    () => {
      throw new Error("expected a rejection");
    },
    (error: { name: string; code?: string; status?: number }) => error,
  );
}
const files = () => readdirSync(dir).sort();

describe("DiskAttachmentStore.createAttachment", () => {
  it("returns a file attachment with a PUT upload descriptor", async () => {
    const attachment = await store.createAttachment(
      { name: "a.pdf", size: 10, mime_type: "application/pdf" },
      alice,
    );
    expect(attachment).toEqual({
      type: "file",
      id: attachment.id,
      name: "a.pdf",
      mime_type: "application/pdf",
      upload_descriptor: {
        url: `https://chat.example/app/chatkit/uploads/${attachment.id}`,
        method: "PUT",
        headers: {},
      },
    });
    expect(attachment.id).toMatch(/^atc_[0-9a-f]{16}$/);
    expect(schemas.Attachment.safeParse(attachment).success).toBe(true);
  });

  it("makes relative URLs absolute from the request origin when no publicBaseUrl is set", async () => {
    const bare = new DiskAttachmentStore<Ctx>({ directory: join(dir, "bare") });
    const params = { name: "p.png", size: 3, mime_type: "image/png" };
    const made = await bare.createAttachment(params, alice, { origin: "http://localhost:5173" });
    expect(made).toMatchObject({
      preview_url: `http://localhost:5173/chatkit/files/${made.id}`,
      upload_descriptor: { url: `http://localhost:5173/chatkit/uploads/${made.id}` },
    });
    expect(schemas.Attachment.safeParse(made).success).toBe(true);
    // The configured base wins over the request's host (a proxy may rewrite it).
    const fixed = await store.createAttachment(params, alice, { origin: "http://evil.example" });
    expect(fixed.upload_descriptor?.url).toBe(
      `https://chat.example/app/chatkit/uploads/${fixed.id}`,
    );
    // Neither: a configuration error rather than a relative URL ChatKit would refuse; no record left.
    const before = readdirSync(join(dir, "bare")).length;
    await expect(bare.createAttachment(params, alice)).rejects.toThrow(/publicBaseUrl/);
    expect(readdirSync(join(dir, "bare")).length).toBe(before);
    expect(() => new DiskAttachmentStore({ directory: dir, publicBaseUrl: "/relative" })).toThrow(
      /absolute/,
    );
    expect(
      () => new DiskAttachmentStore({ directory: dir, publicBaseUrl: "ftp://x.example" }),
    ).toThrow(/http/);
  });

  it("gives images a preview_url, and the record round-trips through a Store", async () => {
    const attachment = await store.createAttachment(
      { name: "cat.png", size: 3, mime_type: "Image/PNG; q=1" },
      alice,
    );
    expect(attachment).toMatchObject({
      type: "image",
      mime_type: "image/png",
      preview_url: `https://files.example/p/${attachment.id}`,
    });
    const records = new MemoryStore<Ctx>({ userId: (ctx) => ctx.userId });
    await records.saveAttachment(attachment, alice);
    expect(await records.loadAttachment(attachment.id, alice)).toEqual(attachment);
  });

  it("rejects files over maxBytes with 413 and other types with 400", async () => {
    const big = await rejection(
      store.createAttachment({ name: "x", size: 1001, mime_type: "text/plain" }, alice),
    );
    expect(big).toMatchObject({
      name: "AttachmentRejectedError",
      code: "file_too_large",
      status: 413,
    });
    for (const mime_type of ["application/zip", "text/html", "nonsense", ""]) {
      const bad = await rejection(store.createAttachment({ name: "x", size: 1, mime_type }, alice));
      expect(bad).toMatchObject({ code: "unsupported_mime_type", status: 400 });
    }
    for (const params of [
      { name: "", size: 1, mime_type: "text/plain" },
      { name: "x", size: -1, mime_type: "text/plain" },
      { name: "x", size: 1.5, mime_type: "text/plain" },
    ]) {
      expect(await rejection(store.createAttachment(params, alice))).toMatchObject({
        code: "invalid_request",
        status: 400,
      });
    }
    expect(files()).toEqual([]);
  });
});

describe("DiskAttachmentStore uploads", () => {
  const create = (size: number, mime_type = "text/plain") =>
    store.createAttachment({ name: "notes.txt", size, mime_type }, alice);

  it("streams chunks to disk and serves them back with their type", async () => {
    const { id } = await create(6);
    const result = await store.handleUpload(id, chunks(bytes(2, 1), bytes(4, 2)), 6, alice);
    expect(result).toEqual({ id, size: 6, mime_type: "text/plain" });
    expect(files()).toEqual([`${id}.bin`, `${id}.json`]);
    const read = await store.readFile(id);
    expect([...read.data]).toEqual([1, 1, 2, 2, 2, 2]);
    expect(read).toMatchObject({ name: "notes.txt", mime_type: "text/plain", size: 6 });
    const file = await store.openFile(id, alice);
    const streamed = new Uint8Array(await new Response(file.stream()).arrayBuffer());
    expect([...streamed]).toEqual([...read.data]);
  });

  it("accepts a web ReadableStream body", async () => {
    const { id } = await create(3);
    await store.handleUpload(id, new Blob([bytes(3, 9)]).stream(), undefined, alice);
    expect([...(await store.readFile(id)).data]).toEqual([9, 9, 9]);
  });

  it("aborts past the declared size and deletes the partial file", async () => {
    const { id } = await create(5);
    let pulled = 0;
    async function* endless(): AsyncGenerator<Uint8Array> {
      while (true) {
        pulled++;
        yield bytes(2);
      }
    }
    const error = await rejection(store.handleUpload(id, endless(), undefined, alice));
    expect(error).toMatchObject({ code: "file_too_large", status: 413 });
    expect(pulled).toBe(3);
    expect(files()).toEqual([`${id}.json`]);
    expect((await rejection(store.openFile(id))).name).toBe("NotFoundError");
    // the attachment can still be uploaded correctly afterwards
    await store.handleUpload(id, chunks(bytes(5)), 5, alice);
    expect((await store.readFile(id)).size).toBe(5);
  });

  it("rejects a short body, a body that fails, and a wrong Content-Length up front", async () => {
    const { id } = await create(5);
    expect(
      await rejection(store.handleUpload(id, chunks(bytes(4)), undefined, alice)),
    ).toMatchObject({
      code: "size_mismatch",
      status: 400,
    });
    async function* failing(): AsyncGenerator<Uint8Array> {
      yield bytes(2);
      throw new Error("client went away");
    }
    await expect(store.handleUpload(id, failing(), undefined, alice)).rejects.toThrow(
      "client went away",
    );
    const untouchable = (): AsyncIterable<Uint8Array> => ({
      [Symbol.asyncIterator]() {
        throw new Error("must not be read");
      },
    });
    expect(await rejection(store.handleUpload(id, untouchable(), 6, alice))).toMatchObject({
      status: 413,
    });
    expect(await rejection(store.handleUpload(id, untouchable(), 4, alice))).toMatchObject({
      status: 400,
    });
    expect(files()).toEqual([`${id}.json`]);
  });

  it("refuses a second upload with 409", async () => {
    const { id } = await create(1);
    await store.handleUpload(id, chunks(bytes(1)), 1, alice);
    expect(await rejection(store.handleUpload(id, chunks(bytes(1)), 1, alice))).toMatchObject({
      code: "already_uploaded",
      status: 409,
    });
  });

  it("refuses ids that could escape the directory", async () => {
    for (const id of ["../x", "a/b", "..", "atc_1.json", "a\\b", "%2e%2e", ""]) {
      expect(await rejection(store.handleUpload(id, chunks(), 0, alice))).toMatchObject({
        code: "invalid_attachment_id",
        status: 400,
      });
      expect(await rejection(store.openFile(id))).toMatchObject({ code: "invalid_attachment_id" });
      await store.deleteAttachment(id, alice);
    }
    expect((await rejection(store.handleUpload("atc_unknown", chunks(), 0, alice))).name).toBe(
      "NotFoundError",
    );
  });

  it("scopes uploads, files and deletes to the owner", async () => {
    const { id } = await create(2);
    expect((await rejection(store.handleUpload(id, chunks(bytes(2)), 2, bob))).name).toBe(
      "NotFoundError",
    );
    await store.handleUpload(id, chunks(bytes(2)), 2, alice);
    expect((await rejection(store.openFile(id, bob))).name).toBe("NotFoundError");
    expect((await rejection(store.deleteAttachment(id, bob))).name).toBe("NotFoundError");
    expect((await store.readFile(id, alice)).size).toBe(2);
    await store.deleteAttachment(id, alice);
    expect(files()).toEqual([]);
    await store.deleteAttachment(id, alice); // a no-op
  });

  it("takes raw and multipart web Requests", async () => {
    const raw = await create(4);
    const put = new Request("http://x/u", { method: "PUT", body: bytes(4, 3) });
    await store.handleUploadRequest(raw.id, put, alice);
    expect([...(await store.readFile(raw.id)).data]).toEqual([3, 3, 3, 3]);

    const multi = await create(3, "image/png");
    const form = new FormData();
    form.set("file", new Blob([bytes(3, 5)], { type: "image/png" }), "cat.png");
    await store.handleUploadRequest(
      multi.id,
      new Request("http://x/u", { method: "POST", body: form }),
      alice,
    );
    expect([...(await store.readFile(multi.id)).data]).toEqual([5, 5, 5]);

    const over = await create(3);
    const huge = new FormData();
    huge.set("file", new Blob([bytes(200_000)]), "big.txt");
    const request = new Request("http://x/u", { method: "POST", body: huge });
    expect(await rejection(store.handleUploadRequest(over.id, request, alice))).toMatchObject({
      status: 413,
    });
    const empty = new FormData();
    empty.set("other", "x");
    const noFile = new Request("http://x/u", { method: "POST", body: empty });
    expect(await rejection(store.handleUploadRequest(over.id, noFile, alice))).toMatchObject({
      code: "invalid_request",
    });
  });
});

describe("attachment helpers", () => {
  it("matches MIME patterns", () => {
    expect(normalizeMimeType(" Text/Plain; charset=utf-8")).toBe("text/plain");
    expect(normalizeMimeType("text")).toBeNull();
    expect(mimeTypeAllowed("image/png", ["image/*"])).toBe(true);
    expect(mimeTypeAllowed("imagex/png", ["image/*"])).toBe(false);
    expect(mimeTypeAllowed("application/pdf", ["*/*"])).toBe(true);
    expect(mimeTypeAllowed("application/pdf", ["text/plain"])).toBe(false);
  });

  it("serves images inline and everything else as a sandboxed download", () => {
    const png = fileResponseHeaders({ name: "cät.png", mime_type: "image/png", size: 3 });
    expect(png).toMatchObject({
      "Content-Type": "image/png",
      "Content-Length": "3",
      "X-Content-Type-Options": "nosniff",
    });
    expect(png["Content-Disposition"]).toBe(
      `inline; filename="c_t.png"; filename*=UTF-8''c%C3%A4t.png`,
    );
    expect(
      fileResponseHeaders({ name: "a.svg", mime_type: "image/svg+xml", size: 1 })[
        "Content-Disposition"
      ],
    ).toMatch(/^attachment;/);
    expect(png["Content-Security-Policy"]).toContain("sandbox");
  });

  it("recognizes stores that take uploads", () => {
    expect(isUploadingAttachmentStore(store)).toBe(true);
    expect(new AttachmentRejectedError("file_too_large", "x").status).toBe(413);
  });
});
