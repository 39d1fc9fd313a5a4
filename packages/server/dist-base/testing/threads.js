import { expect, it } from "vitest";
import { at, makeThread, userMessage } from "./fixtures.js";
import { expectNotFound, expectRejects, walkPages } from "./kit.js";
/** Registers the thread tests (called inside `describeStoreConformance`). */
export function threadTests(kit) {
    const { alice, bob } = kit;
    it("saves and loads thread metadata", async () => {
        const thread = {
            ...makeThread("thr_a", { title: "Title", metadata: { previous_response_id: "resp_1" } }),
            allowed_image_domains: ["example.com"],
        };
        await kit.store().saveThread(thread, alice);
        const loaded = await kit.store().loadThread("thr_a", alice);
        expect(loaded).toEqual(thread);
    });
    it("round-trips a null title as null", async () => {
        await kit.store().saveThread(makeThread("thr_a", { title: null }), alice);
        const loaded = await kit.store().loadThread("thr_a", alice);
        expect(loaded.title ?? null).toBeNull();
    });
    it("overwrites thread metadata on a second save", async () => {
        const store = kit.store();
        await store.saveThread(makeThread("thr_a", { title: "One" }), alice);
        await store.saveThread(makeThread("thr_a", { title: "Two", metadata: { k: 1 } }), alice);
        const loaded = await store.loadThread("thr_a", alice);
        expect(loaded.title).toBe("Two");
        expect(loaded.metadata).toEqual({ k: 1 });
        expect((await store.loadThreads(10, null, "asc", alice)).data).toHaveLength(1);
    });
    it("stores metadata only when given a Thread with items", async () => {
        const thread = {
            ...makeThread("thr_a"),
            items: { data: [userMessage("msg_1", "thr_a", "hi")], has_more: false },
        };
        await kit.store().saveThread(thread, alice);
        const loaded = (await kit.store().loadThread("thr_a", alice));
        expect(loaded.items).toBeUndefined();
    });
    it("raises NotFoundError 'Thread {id} not found' for a missing thread", async () => {
        await expectNotFound(kit.store().loadThread("thr_missing", alice), "Thread thr_missing not found");
    });
    it("pages threads with after only when has_more", async () => {
        const store = kit.store();
        for (const [i, id] of ["thread1", "thread2", "thread3"].entries()) {
            await store.saveThread(makeThread(id, { createdAt: at(i) }), alice);
        }
        const first = await store.loadThreads(2, null, "asc", alice);
        expect(first.data.map((t) => t.id)).toEqual(["thread1", "thread2"]);
        expect(first.has_more).toBe(true);
        expect(first.after).toBe("thread2");
        const second = await store.loadThreads(2, first.after, "asc", alice);
        expect(second.data.map((t) => t.id)).toEqual(["thread3"]);
        expect(second.has_more).toBe(false);
        expect(second.after ?? null).toBeNull();
        const desc = await store.loadThreads(10, null, "desc", alice);
        expect(desc.data.map((t) => t.id)).toEqual(["thread3", "thread2", "thread1"]);
    });
    it("orders threads by created_at, not by insertion", async () => {
        const store = kit.store();
        await store.saveThread(makeThread("late", { createdAt: at(10) }), alice);
        await store.saveThread(makeThread("early", { createdAt: at(1) }), alice);
        const page = await store.loadThreads(10, null, "asc", alice);
        expect(page.data.map((t) => t.id)).toEqual(["early", "late"]);
    });
    it("pages 50 threads with one created_at by 7 without loss or repeats", async () => {
        const store = kit.store();
        const ids = Array.from({ length: 50 }, (_, i) => `thr_same_${String(i).padStart(2, "0")}`);
        for (const id of ids)
            await store.saveThread(makeThread(id, { createdAt: at(5) }), alice);
        const asc = await walkPages((after) => store.loadThreads(7, after, "asc", alice), 7);
        expect(asc).toEqual(ids);
        const desc = await walkPages((after) => store.loadThreads(7, after, "desc", alice), 7);
        expect(desc).toEqual([...ids].reverse());
    });
    it("isolates threads by user", async () => {
        const store = kit.store();
        await store.saveThread(makeThread("thr_a", { title: "alice's" }), alice);
        await expectNotFound(store.loadThread("thr_a", bob), "Thread thr_a not found");
        expect((await store.loadThreads(10, null, "desc", bob)).data).toEqual([]);
        // bob can neither overwrite nor delete alice's thread
        await expectRejects(store.saveThread(makeThread("thr_a", { title: "bob's" }), bob));
        await store.deleteThread("thr_a", bob);
        expect((await store.loadThread("thr_a", alice)).title).toBe("alice's");
        // a cursor naming another user's thread does not leak its neighbours
        await store.saveThread(makeThread("thr_b", { createdAt: at(1) }), alice);
        expect((await store.loadThreads(10, "thr_a", "asc", bob)).data).toEqual([]);
    });
    it("deletes a thread together with its items", async () => {
        const store = kit.store();
        await store.saveThread(makeThread("thr_a"), alice);
        await store.saveThread(makeThread("thr_b"), alice);
        await store.addThreadItem("thr_a", userMessage("msg_1", "thr_a", "one", at(1)), alice);
        await store.addThreadItem("thr_b", userMessage("msg_2", "thr_b", "two", at(1)), alice);
        await store.deleteThread("thr_a", alice);
        await expectNotFound(store.loadThread("thr_a", alice));
        await expectNotFound(store.loadItem("thr_a", "msg_1", alice));
        expect((await store.loadThreads(10, null, "asc", alice)).data.map((t) => t.id)).toEqual([
            "thr_b",
        ]);
        // a new thread with the same id starts empty
        await store.saveThread(makeThread("thr_a"), alice);
        expect((await store.loadThreadItems("thr_a", null, 10, "asc", alice)).data).toEqual([]);
        expect((await store.loadItem("thr_b", "msg_2", alice)).id).toBe("msg_2");
        await store.deleteThread("thr_never", alice); // a no-op
    });
}
//# sourceMappingURL=threads.js.map