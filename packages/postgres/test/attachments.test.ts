import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PostgresAttachmentStore } from "../src/attachments.js";
import { PostgresStore } from "../src/store.js";
import { DATABASE_URL, dropSchema, testSchema } from "./helpers/database.js";
import { type Ctx, listen, post } from "./helpers/server.js";

type Created = {
  id: string;
  type: string;
  preview_url?: string;
  upload_descriptor: { url: string; method: string };
};

const schema = testSchema("files");
const userId = (ctx: Ctx) => ctx.userId;

/** One server instance: its own pool, store and attachment store on the shared schema. */
async function instance(adapter: "node" | "fetch") {
  const pool = new pg.Pool({ connectionString: DATABASE_URL, max: 4 });
  const store = new PostgresStore<Ctx>({ pool, schema, userId });
  const files = new PostgresAttachmentStore<Ctx>({
    pool,
    schema,
    userId,
    maxBytes: 1000,
    allowedMimeTypes: ["image/*", "text/plain"],
  });
  const http = await listen(store, files, adapter);
  return {
    ...http,
    store,
    files,
    close: async () => {
      await http.close();
      await pool.end();
    },
  };
}

let one: Awaited<ReturnType<typeof instance>>;
let two: Awaited<ReturnType<typeof instance>>;
beforeAll(async () => {
  // One instance on each HTTP adapter: uploads and previews cross both.
  one = await instance("node");
  two = await instance("fetch");
});
afterAll(async () => {
  await one.close();
  await two.close();
  await dropSchema(schema);
});

const create = async (
  origin: string,
  name: string,
  size: number,
  mime_type: string,
  user = "alice",
) => {
  const { status, json } = await post(
    origin,
    { type: "attachments.create", params: { name, size, mime_type } },
    user,
  );
  expect(status).toBe(200);
  return json as Created;
};
/** `url` (absolute, made from the creating request's origin) sent to the instance at `origin`. */
const on = (origin: string, url: string) => `${origin}${new URL(url).pathname}`;
const upload = (origin: string, a: Created, body: BodyInit, user = "alice", type = "text/plain") =>
  fetch(on(origin, a.upload_descriptor.url), {
    method: a.upload_descriptor.method,
    headers: { "x-user": user, "content-type": type },
    body,
  });

describe("PostgresAttachmentStore across two instances", () => {
  it("takes an upload on one instance and serves the preview from the other", async () => {
    const png = new Uint8Array(300).map((_, i) => i % 251);
    const created = await create(one.origin, "cat.png", png.byteLength, "image/png");
    expect(created.type).toBe("image");
    expect(created.upload_descriptor).toEqual({
      url: `${one.origin}/chatkit/uploads/${created.id}`,
      method: "PUT",
      headers: {},
    });
    expect(created.preview_url).toBe(`${one.origin}/chatkit/files/${created.id}`);
    const put = await upload(two.origin, created, png, "alice", "image/png");
    expect(put.status).toBe(200);
    expect(await put.json()).toEqual({ id: created.id, size: 300, mime_type: "image/png" });
    const preview = await fetch(on(one.origin, created.preview_url ?? ""));
    expect(preview.status).toBe(200);
    expect(preview.headers.get("content-type")).toBe("image/png");
    expect(preview.headers.get("x-content-type-options")).toBe("nosniff");
    expect(new Uint8Array(await preview.arrayBuffer())).toEqual(png);
    // A second upload, on either instance, is refused.
    const again = await upload(one.origin, created, png, "alice", "image/png");
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ error: { code: "already_uploaded" } });
  });

  it("lets only one of two simultaneous uploads of one attachment win", async () => {
    const created = await create(one.origin, "a.txt", 5, "text/plain");
    const [a, b] = await Promise.all([
      upload(one.origin, created, "aaaaa"),
      upload(two.origin, created, "bbbbb"),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const served = await (await fetch(`${two.origin}/chatkit/files/${created.id}`)).text();
    expect(served).toBe(a.status === 200 ? "aaaaa" : "bbbbb");
  });

  it("refuses bodies over or under the declared size, other users, and bad ids", async () => {
    const created = await create(one.origin, "n.txt", 10, "text/plain");
    const over = await upload(two.origin, created, "x".repeat(11));
    expect(over.status).toBe(413);
    const under = await upload(two.origin, created, "x".repeat(9));
    expect(under.status).toBe(400);
    expect(await under.json()).toMatchObject({ error: { code: "size_mismatch" } });
    const bob = await upload(two.origin, created, "x".repeat(10), "bob");
    expect(bob.status).toBe(404);
    const bad = await fetch(`${one.origin}/chatkit/uploads/atc_%27%3B`, {
      method: "PUT",
      headers: { "x-user": "alice" },
      body: "x",
    });
    expect(bad.status).toBe(400);
    // Nothing is served before a successful upload.
    expect((await fetch(`${one.origin}/chatkit/files/${created.id}`)).status).toBe(404);
    expect((await upload(one.origin, created, "x".repeat(10))).status).toBe(200);
    const tooBig = await post(one.origin, {
      type: "attachments.create",
      params: { name: "big.txt", size: 1001, mime_type: "text/plain" },
    });
    expect(tooBig.status).toBe(413);
    const wrongType = await post(one.origin, {
      type: "attachments.create",
      params: { name: "x.pdf", size: 10, mime_type: "application/pdf" },
    });
    expect(wrongType.status).toBe(400);
  });

  it("takes a multipart upload with a file field", async () => {
    const created = await create(two.origin, "m.txt", 4, "text/plain");
    const form = new FormData();
    form.append("file", new Blob(["abcd"], { type: "text/plain" }), "m.txt");
    const res = await fetch(on(one.origin, created.upload_descriptor.url), {
      method: "POST",
      headers: { "x-user": "alice" },
      body: form,
    });
    expect(res.status).toBe(200);
    expect(await (await fetch(`${two.origin}/chatkit/files/${created.id}`)).text()).toBe("abcd");
  });

  it("deletes an attachment through either instance", async () => {
    const created = await create(one.origin, "d.txt", 3, "text/plain");
    expect((await upload(one.origin, created, "abc")).status).toBe(200);
    const foreign = await post(
      two.origin,
      { type: "attachments.delete", params: { attachment_id: created.id } },
      "bob",
    );
    expect(foreign.status).toBe(404);
    expect((await fetch(`${one.origin}/chatkit/files/${created.id}`)).status).toBe(200);
    const gone = await post(two.origin, {
      type: "attachments.delete",
      params: { attachment_id: created.id },
    });
    expect(gone.status).toBe(200);
    expect((await fetch(`${one.origin}/chatkit/files/${created.id}`)).status).toBe(404);
    await expect(one.store.loadAttachment(created.id, { userId: "alice" })).rejects.toThrow(
      /not found/,
    );
  });

  it("deletes a thread's attachment bytes with the thread, in one statement", async () => {
    const alice = { userId: "alice" };
    const created = await create(one.origin, "t.txt", 2, "text/plain");
    expect((await upload(two.origin, created, "hi")).status).toBe(200);
    await one.store.saveThread(
      {
        id: "thr_files",
        created_at: "2025-01-01T00:00:00",
        status: { type: "active" },
        metadata: {},
      } as never,
      alice,
    );
    const stored = await one.store.loadAttachment(created.id, alice);
    await one.store.saveAttachment({ ...stored, thread_id: "thr_files" } as never, alice);
    await two.store.deleteThread("thr_files", alice);
    await expect(one.files.openFile(created.id)).rejects.toThrow(/not found/);
    const { rows } = await one.files.pool.query(
      `SELECT count(*)::int AS n FROM "${schema}".attachment_files WHERE id = $1`,
      [created.id],
    );
    expect(rows[0].n).toBe(0);
  });
});
