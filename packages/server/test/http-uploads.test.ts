import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DiskAttachmentStore } from "@threadkit/server";
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  ADAPTERS,
  type AdapterKind,
  httpClient,
  type Running,
  startAdapter,
} from "./helpers/http.js";
import { type Ctx, makeStore, OTHER, TestServer, USER, userInput } from "./helpers/server.js";

const root = mkdtempSync(join(tmpdir(), "threadkit-uploads-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;

type Attachment = {
  id: string;
  type: string;
  preview_url?: string;
  upload_descriptor: { url: string; method: string; headers: Record<string, string> };
};

/** Two-phase uploads end to end: attachments.create, then the bytes to the upload URL the adapter serves. */
describe.each(ADAPTERS)(
  "%s adapter: two-phase uploads with DiskAttachmentStore",
  (kind: AdapterKind) => {
    let dir: string;
    let running: Running;
    let client: ReturnType<typeof httpClient>;
    let store: ReturnType<typeof makeStore>;
    beforeEach(async () => {
      dir = join(root, `d${++n}`);
      const files = new DiskAttachmentStore<Ctx>({
        directory: dir,
        maxBytes: 1000,
        allowedMimeTypes: ["image/*", "text/plain"],
        userId: (ctx) => ctx.userId,
      });
      store = makeStore();
      running = await startAdapter(kind, new TestServer(store, {}, files));
      client = httpClient(running);
    });
    afterEach(() => running.close());

    const create = (name: string, size: number, mime_type: string, user = USER) =>
      client.json<Attachment>("attachments.create", { name, size, mime_type }, user);
    const upload = (a: Attachment, body: BodyInit, init: RequestInit = {}, user: Ctx = USER) =>
      fetch(a.upload_descriptor.url, {
        method: a.upload_descriptor.method,
        headers: {
          "x-user": user.userId,
          "content-type": "text/plain",
          ...a.upload_descriptor.headers,
        },
        body,
        ...init,
      });

    it("create -> PUT the bytes -> use in a message -> preview -> delete", async () => {
      const image = await create("dot.png", 4, "image/png");
      expect(image).toMatchObject({
        type: "image",
        // Absolute, from the request's origin (ChatKit's models refuse relative URLs).
        upload_descriptor: {
          url: `${running.origin}/chatkit/uploads/${image.id}`,
          method: "PUT",
          headers: {},
        },
        preview_url: `${running.origin}/chatkit/files/${image.id}`,
      });
      const put = await upload(image, new Uint8Array([1, 2, 3, 4]), {
        headers: { "content-type": "image/png", "x-user": USER.userId },
      });
      expect(put.status).toBe(200);
      expect(await put.json()).toEqual({ id: image.id, size: 4, mime_type: "image/png" });
      const events = await client.stream("threads.create", {
        input: { ...userInput("look"), attachments: [image.id] },
      });
      const message = events[1]?.item as { attachments: Array<Record<string, unknown>> };
      expect(message.attachments[0]).toMatchObject({
        id: image.id,
        type: "image",
        preview_url: image.preview_url,
      });
      const preview = await fetch(image.preview_url ?? "");
      expect(preview.status).toBe(200);
      expect(preview.headers.get("content-type")).toBe("image/png");
      expect(preview.headers.get("x-content-type-options")).toBe("nosniff");
      expect([...new Uint8Array(await preview.arrayBuffer())]).toEqual([1, 2, 3, 4]);
      const head = await fetch(image.preview_url ?? "", { method: "HEAD" });
      expect([head.status, head.headers.get("content-length")]).toEqual([200, "4"]);
      expect(await client.json("attachments.delete", { attachment_id: image.id })).toEqual({});
      expect(readdirSync(dir)).toEqual([]);
      expect((await fetch(image.preview_url ?? "")).status).toBe(404);
    });

    it("multipart POST with a file field is accepted too", async () => {
      const file = await create("notes.txt", 5, "text/plain");
      const form = new FormData();
      form.append("file", new Blob(["hello"], { type: "text/plain" }), "notes.txt");
      const res = await fetch(file.upload_descriptor.url, {
        method: "POST",
        headers: { "x-user": USER.userId },
        body: form,
      });
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ id: file.id, size: 5 });
    });

    it("enforces size and MIME limits at create and at upload, and ownership", async () => {
      const tooBig = await client.fail({
        type: "attachments.create",
        params: { name: "big.txt", size: 1001, mime_type: "text/plain" },
      });
      expect(tooBig).toMatchObject({ status: 413, body: { error: { code: "file_too_large" } } });
      const badType = await client.fail({
        type: "attachments.create",
        params: { name: "x.zip", size: 10, mime_type: "application/zip" },
      });
      expect(badType).toMatchObject({
        status: 400,
        body: { error: { code: "unsupported_mime_type" } },
      });

      const file = await create("notes.txt", 5, "text/plain");
      const over = await upload(file, "hello world");
      expect(over.status).toBe(413);
      expect(await over.json()).toMatchObject({ error: { code: "file_too_large" } });
      const short = await upload(file, "hi");
      expect(short.status).toBe(400);
      expect(await short.json()).toMatchObject({ error: { code: "size_mismatch" } });
      const foreign = await upload(file, "hello", {}, OTHER);
      expect(foreign.status).toBe(404);
      expect(await foreign.json()).toMatchObject({ error: { code: "not_found" } });
      expect((await upload(file, "hello")).status).toBe(200);
      const again = await upload(file, "hello");
      expect(again.status).toBe(409);
      expect(await again.json()).toMatchObject({ error: { code: "already_uploaded" } });
      const unknown = await fetch(`${running.origin}/chatkit/uploads/atc_0000000000000000`, {
        method: "PUT",
        body: "x",
      });
      expect(unknown.status).toBe(404);
      // Nothing half-written is left behind: one record and one file.
      expect(readdirSync(dir).sort()).toEqual([`${file.id}.bin`, `${file.id}.json`]);
    });

    it("an upload cut off mid-body leaves no partial file and logs nothing", async () => {
      const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
      const file = await create("notes.txt", 500, "text/plain");
      await new Promise<void>((resolve) => {
        const req = request(file.upload_descriptor.url, {
          method: "PUT",
          headers: { "x-user": USER.userId, "content-length": "500" },
        });
        req.on("error", () => resolve());
        req.on("close", () => resolve());
        req.write("x".repeat(100), () => setTimeout(() => req.destroy(), 50));
      });
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(readdirSync(dir)).toEqual([`${file.id}.json`]);
      expect(logged).not.toHaveBeenCalled();
      // The upload can be retried in full.
      expect((await upload(file, "y".repeat(500))).status).toBe(200);
      logged.mockRestore();
    });

    it("405 on an upload or preview URL with the wrong method", async () => {
      const file = await create("notes.txt", 5, "text/plain");
      const get = await fetch(file.upload_descriptor.url);
      expect([get.status, get.headers.get("allow")]).toEqual([405, "PUT, POST"]);
      expect(await get.json()).toMatchObject({ error: { code: "method_not_allowed" } });
      const del = await fetch(`${running.origin}/chatkit/files/${file.id}`, { method: "DELETE" });
      expect([del.status, del.headers.get("allow")]).toEqual([405, "GET, HEAD"]);
    });
  },
);
