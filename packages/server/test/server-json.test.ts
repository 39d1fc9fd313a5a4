import type { ThreadMetadata, ThreadStreamEvent } from "@threadkit/core";
import { describe, expect, it } from "vitest";
import { setup } from "./helpers/requests.js";
import { assistantMessage, type makeStore, now, USER, userInput } from "./helpers/server.js";

type Page = { data: Array<Record<string, unknown>>; has_more: boolean; after?: string };

async function seedThreads(store: ReturnType<typeof makeStore>, count: number) {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const thread = {
      id: `thr_${String(i).padStart(3, "0")}`,
      created_at: now(),
      status: { type: "active" },
      metadata: { private: i },
      title: `T${i}`,
    } as ThreadMetadata;
    await store.saveThread(thread, USER);
    ids.push(thread.id);
  }
  return ids;
}

describe("threads.list", () => {
  it("test_list_threads_response / paginated: 20 newest first, then 5", async () => {
    const { store, client } = setup();
    const ids = await seedThreads(store, 25);
    const first = await client.json<Page>("threads.list", { limit: 20 });
    expect(first.data).toHaveLength(20);
    expect(first.data.map((t) => t.id)).toEqual(ids.slice().reverse().slice(0, 20));
    expect(first.has_more).toBe(true);
    expect(first.after).toBe(first.data[19]?.id);
    const second = await client.json<Page>("threads.list", { limit: 20, after: first.after });
    expect(second.data).toHaveLength(5);
    expect(second.has_more).toBe(false);
    expect(second.after).toBeUndefined();
    for (const t of first.data) {
      expect(t.metadata).toEqual({});
      expect(t.items).toEqual({ data: [], has_more: false });
    }
  });

  it("does not read the request's origin (parsing the Host is for attachment URLs only)", async () => {
    const { server } = setup();
    let reads = 0;
    const options = {
      get origin() {
        reads++;
        return "https://app.example";
      },
    };
    const result = await server.process('{"type":"threads.list","params":{}}', USER, options);
    expect(result.streaming).toBe(false);
    expect(reads).toBe(0);
  });

  it("limit 0 or missing means 20; order asc is honoured", async () => {
    const { store, client } = setup();
    const ids = await seedThreads(store, 22);
    expect((await client.json<Page>("threads.list", { limit: 0 })).data).toHaveLength(20);
    const asc = await client.json<Page>("threads.list", { order: "asc" });
    expect(asc.data[0]?.id).toBe(ids[0]);
  });

  it("clamps an untrusted limit to 100 and pages on from there", async () => {
    const { store, client } = setup();
    await seedThreads(store, 103);
    const first = await client.json<Page>("threads.list", { limit: 1_000_000 });
    expect(first.data).toHaveLength(100);
    expect(first.has_more).toBe(true);
    const rest = await client.json<Page>("threads.list", { limit: 1_000_000, after: first.after });
    expect(rest.data).toHaveLength(3);
    expect(rest.has_more).toBe(false);
  });
});

describe("items.list and threads.get_by_id", () => {
  it("test_list_items_response: 26 items, 20 newest first, then 6", async () => {
    const { client } = setup({
      async *respond(thread) {
        for (let i = 0; i < 25; i++) {
          yield {
            type: "thread.item.done",
            item: assistantMessage(thread.id, `msg_${i}`, `m${i}`),
          } as ThreadStreamEvent;
        }
      },
    });
    const events = await client.stream("threads.create", { input: userInput("hi") });
    const threadId = (events[0]?.thread as { id: string }).id;
    const first = await client.json<Page>("items.list", { thread_id: threadId });
    expect(first.data).toHaveLength(20);
    expect(first.data[0]?.id).toBe("msg_24");
    expect(first.has_more).toBe(true);
    expect(first.after).toBe(first.data[19]?.id);
    const second = await client.json<Page>("items.list", {
      thread_id: threadId,
      after: first.after,
    });
    expect(second.data).toHaveLength(6);
    expect(second.has_more).toBe(false);
  });

  it("hidden items never appear, pages are never short and cursors never name hidden items", async () => {
    const { client, store } = setup({
      async *respond(thread) {
        for (let i = 0; i < 6; i++) {
          yield {
            type: "thread.item.done",
            item: assistantMessage(thread.id, `msg_${i}`, `m${i}`),
          } as ThreadStreamEvent;
          yield {
            type: "thread.item.done",
            item: {
              type: "hidden_context_item",
              id: `hid_${i}`,
              thread_id: thread.id,
              created_at: now(),
              content: "secret",
            },
          } as ThreadStreamEvent;
        }
      },
    });
    const events = await client.stream("threads.create", { input: userInput("hi") });
    expect(events.some((e) => JSON.stringify(e).includes("hidden_context_item"))).toBe(false);
    const threadId = (events[0]?.thread as { id: string }).id;
    expect((await store.loadThreadItems(threadId, null, 50, "asc", USER)).data).toHaveLength(13);
    const seen: string[] = [];
    let after: string | undefined;
    do {
      const page: Page = await client.json<Page>("items.list", {
        thread_id: threadId,
        limit: 2,
        after,
      });
      if (page.has_more) expect(page.data).toHaveLength(2);
      for (const item of page.data) seen.push(item.id as string);
      if (page.after) expect(page.after.startsWith("hid_")).toBe(false);
      after = page.after;
    } while (after);
    expect(seen).toHaveLength(7);
    expect(seen.every((id) => !id.startsWith("hid_"))).toBe(true);
  });

  it("test_get_thread_by_id: first 20 items oldest first, metadata {}, hidden items removed", async () => {
    const { client } = setup({
      async *respond(thread) {
        thread.metadata = { secret: "server-only" };
        yield {
          type: "thread.item.done",
          item: {
            type: "sdk_hidden_context",
            id: "shcx_x",
            thread_id: thread.id,
            created_at: now(),
            content: "note",
          },
        } as ThreadStreamEvent;
        yield {
          type: "thread.item.done",
          item: assistantMessage(thread.id, "msg_a", "answer"),
        } as ThreadStreamEvent;
      },
    });
    const events = await client.stream("threads.create", { input: userInput("What's up?") });
    const threadId = (events[0]?.thread as { id: string }).id;
    const thread = await client.json<{ id: string; metadata: unknown; items: Page }>(
      "threads.get_by_id",
      {
        thread_id: threadId,
      },
    );
    expect(thread.id).toBe(threadId);
    expect(thread.metadata).toEqual({});
    expect(thread.items.data.map((i) => i.type)).toEqual(["user_message", "assistant_message"]);
    expect(thread.items.data[0]?.content).toEqual([{ type: "input_text", text: "What's up?" }]);
  });
});

describe("threads.update, threads.delete, items.feedback", () => {
  it("test_threads_update_request: returns the thread with the new title and saves it", async () => {
    const { client, store } = setup();
    const [id] = await seedThreads(store, 1);
    const thread = await client.json<{ title: string; metadata: unknown }>("threads.update", {
      thread_id: id,
      title: "Renamed",
    });
    expect(thread.title).toBe("Renamed");
    expect(thread.metadata).toEqual({});
    expect((await store.loadThread(id as string, USER)).title).toBe("Renamed");
  });

  it("test_delete_thread: exactly {} and then get_by_id is 404 'Thread {id} not found'", async () => {
    const { client, store } = setup();
    const [id] = await seedThreads(store, 1);
    const res = await client.post({ type: "threads.delete", params: { thread_id: id } });
    expect(await res.text()).toBe("{}");
    const missing = await client.post({ type: "threads.get_by_id", params: { thread_id: id } });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({
      error: { code: "not_found", message: `Thread ${id} not found` },
    });
  });

  it("test_add_feedback: (thread_id, item_ids, kind) reach addFeedback", async () => {
    const calls: unknown[] = [];
    const { client, store } = setup({ addFeedback: (t, i, k) => calls.push([t, i, k]) });
    const [id] = await seedThreads(store, 1);
    expect(
      await client.json("items.feedback", { thread_id: id, item_ids: ["msg_1"], kind: "positive" }),
    ).toEqual({});
    await client.json("items.feedback", { thread_id: id, item_ids: ["wdg_1"], kind: "negative" });
    expect(calls).toEqual([
      [id, ["msg_1"], "positive"],
      [id, ["wdg_1"], "negative"],
    ]);
  });
});

describe("attachments", () => {
  it("test_create_file: type file with an upload descriptor; metadata kept server-side only", async () => {
    const { client, store } = setup({}, true);
    const res = await client.post({
      type: "attachments.create",
      params: { name: "notes.txt", size: 12, mime_type: "text/plain" },
    });
    const text = await res.text();
    const attachment = JSON.parse(text);
    expect(attachment).toMatchObject({ type: "file", name: "notes.txt", mime_type: "text/plain" });
    expect(attachment.upload_descriptor).toMatchObject({ method: "PUT", headers: {} });
    expect(text).not.toContain("metadata");
    const stored = await store.loadAttachment(attachment.id, USER);
    expect(stored.metadata).toEqual({ secret: "server-only" });
  });

  it("test_create_image_file: type image with preview_url", async () => {
    const { client } = setup({}, true);
    const a = await client.json("attachments.create", {
      name: "a.png",
      size: 10,
      mime_type: "image/png",
    });
    expect(a).toMatchObject({ type: "image", mime_type: "image/png" });
    expect(a.preview_url).toMatch(/^http/);
    expect(a.upload_descriptor).toBeDefined();
  });

  it("test_user_message_attachment_thread_id_persisted (create and add_user_message); metadata not serialized", async () => {
    const { client, store } = setup({}, true);
    const a1 = await client.json<{ id: string }>("attachments.create", {
      name: "a.txt",
      size: 1,
      mime_type: "text/plain",
    });
    const events = await client.stream("threads.create", {
      input: userInput("see file", { attachments: [a1.id] }),
    });
    const threadId = (events[0]?.thread as { id: string }).id;
    expect((await store.loadAttachment(a1.id, USER)).thread_id).toBe(threadId);
    const a2 = await client.json<{ id: string }>("attachments.create", {
      name: "b.txt",
      size: 1,
      mime_type: "text/plain",
    });
    await client.stream("threads.add_user_message", {
      thread_id: threadId,
      input: userInput("more", { attachments: [a2.id] }),
    });
    expect((await store.loadAttachment(a2.id, USER)).thread_id).toBe(threadId);
    const res = await client.post({
      type: "items.list",
      params: { thread_id: threadId, order: "asc" },
    });
    const text = await res.text();
    const page = JSON.parse(text) as Page;
    expect((page.data[0]?.attachments as Array<{ id: string }>)[0]?.id).toBe(a1.id);
    expect(text).not.toContain("server-only");
    expect(JSON.stringify(events)).not.toContain("server-only");
  });

  it("an unknown attachment id on create is a 404 before any thread is written", async () => {
    const { client, store } = setup({}, true);
    const res = await client.post({
      type: "threads.create",
      params: { input: userInput("x", { attachments: ["atc_nope"] }) },
    });
    expect(res.status).toBe(404);
    expect((await store.loadThreads(10, null, "desc", USER)).data).toHaveLength(0);
  });

  it("test_delete_file: removes from the attachment store and the store", async () => {
    const { client, store, files } = setup({}, true);
    const a = await client.json<{ id: string }>("attachments.create", {
      name: "a.txt",
      size: 1,
      mime_type: "text/plain",
    });
    expect(await client.json("attachments.delete", { attachment_id: a.id })).toEqual({});
    expect(files.deleted).toEqual([a.id]);
    await expect(store.loadAttachment(a.id, USER)).rejects.toThrow();
  });

  it("test_create_file_without_filestore / test_delete_file_without_filestore: 501", async () => {
    const { client } = setup();
    for (const body of [
      { type: "attachments.create", params: { name: "a", size: 1, mime_type: "text/plain" } },
      { type: "attachments.delete", params: { attachment_id: "atc_1" } },
    ]) {
      const res = await client.post(body);
      expect(res.status).toBe(501);
      expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(
        /AttachmentStore/,
      );
    }
  });
});

describe("input.transcribe", () => {
  it("test_input_transcribe_decodes_base64_and_normalizes_mime_type", async () => {
    const seen: unknown[] = [];
    const { client } = setup({
      async transcribe(audio, ctx) {
        seen.push({
          data: Array.from(audio.data),
          mime: audio.mime_type,
          media: audio.media_type,
          ctx,
        });
        return { text: "ok" };
      },
    });
    const data = Buffer.from([1, 2, 3, 250]).toString("base64");
    const res = await client.post({
      type: "input.transcribe",
      params: { audio_base64: data, mime_type: "audio/webm;codecs=opus" },
    });
    expect(await res.text()).toBe('{"text":"ok"}');
    expect(seen).toEqual([
      { data: [1, 2, 3, 250], mime: "audio/webm;codecs=opus", media: "audio/webm", ctx: USER },
    ]);
  });

  it("is 501 when not implemented and 400 for bad base64", async () => {
    const { client } = setup();
    const res = await client.post({
      type: "input.transcribe",
      params: { audio_base64: "AAAA", mime_type: "audio/wav" },
    });
    expect(res.status).toBe(501);
    const bad = await client.post({
      type: "input.transcribe",
      params: { audio_base64: "%%%", mime_type: "audio/wav" },
    });
    expect(bad.status).toBe(400);
  });
});
