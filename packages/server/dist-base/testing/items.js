import { expect, it } from "vitest";
import { assistantMessage, at, fileAttachment, hiddenItem, makeThread, userMessage, widgetItem, } from "./fixtures.js";
import { expectNotFound, expectRejects, walkPages } from "./kit.js";
const ids = (page) => page.data.map((item) => item.id);
/** Registers the item tests (called inside `describeStoreConformance`). */
export function itemTests(kit) {
    const { alice, bob } = kit;
    const T = "thr_items";
    const withThread = async () => {
        await kit.store().saveThread(makeThread(T), alice);
        return kit.store();
    };
    const addMessages = async (count, createdAt) => {
        const store = await withThread();
        for (let i = 0; i < count; i++) {
            await store.addThreadItem(T, userMessage(`msg${i}`, T, `m${i}`, createdAt?.(i) ?? at(i)), alice);
        }
        return store;
    };
    it("saves and loads user, assistant and widget items", async () => {
        const store = await withThread();
        const items = [
            userMessage("msg_u", T, "hello", at(1), [fileAttachment("atc_1", T)]),
            assistantMessage("msg_a", T, "hi there", at(2)),
            widgetItem("wgt_1", T, "A card", at(3)),
        ];
        for (const item of items)
            await store.addThreadItem(T, item, alice);
        const page = await store.loadThreadItems(T, null, 10, "asc", alice);
        expect(page.data).toEqual(items);
        expect(page.has_more).toBe(false);
    });
    it("orders items ascending and descending", async () => {
        const store = await addMessages(3);
        expect(ids(await store.loadThreadItems(T, null, 10, "asc", alice))).toEqual([
            "msg0",
            "msg1",
            "msg2",
        ]);
        expect(ids(await store.loadThreadItems(T, null, 10, "desc", alice))).toEqual([
            "msg2",
            "msg1",
            "msg0",
        ]);
    });
    it("orders items by created_at, then insertion", async () => {
        const store = await withThread();
        await store.addThreadItem(T, userMessage("late", T, "x", at(9)), alice);
        await store.addThreadItem(T, userMessage("early", T, "x", at(1)), alice);
        await store.addThreadItem(T, userMessage("late2", T, "x", at(9)), alice);
        expect(ids(await store.loadThreadItems(T, null, 10, "asc", alice))).toEqual([
            "early",
            "late",
            "late2",
        ]);
    });
    it("pages items after a cursor, with after only when has_more", async () => {
        const store = await addMessages(5);
        const rest = await store.loadThreadItems(T, "msg1", 3, "asc", alice);
        expect(ids(rest)).toEqual(["msg2", "msg3", "msg4"]);
        expect(rest.has_more).toBe(false);
        expect(rest.after ?? null).toBeNull();
        const head = await store.loadThreadItems(T, null, 2, "asc", alice);
        expect(ids(head)).toEqual(["msg0", "msg1"]);
        expect(head.has_more).toBe(true);
        expect(head.after).toBe("msg1");
        const back = await store.loadThreadItems(T, "msg3", 2, "desc", alice);
        expect(ids(back)).toEqual(["msg2", "msg1"]);
        expect(back.after).toBe("msg1");
    });
    it("pages 50 items with one created_at by 7 without loss or repeats", async () => {
        const store = await addMessages(50, () => at(3));
        const all = Array.from({ length: 50 }, (_, i) => `msg${i}`);
        expect(await walkPages((a) => store.loadThreadItems(T, a, 7, "asc", alice), 7)).toEqual(all);
        expect(await walkPages((a) => store.loadThreadItems(T, a, 7, "desc", alice), 7)).toEqual([...all].reverse());
    });
    it("pages exactly to the end: a full last page has no after", async () => {
        const store = await addMessages(14);
        const second = await store.loadThreadItems(T, "msg6", 7, "asc", alice);
        expect(ids(second)).toHaveLength(7);
        expect(second.has_more).toBe(false);
        expect(second.after ?? null).toBeNull();
    });
    it("updates an item with saveItem and keeps its position", async () => {
        const store = await addMessages(3);
        const updated = assistantMessage("msg1", T, "edited", at(99));
        await store.saveItem(T, updated, alice);
        expect(await store.loadItem(T, "msg1", alice)).toEqual(updated);
        expect(ids(await store.loadThreadItems(T, null, 10, "asc", alice))).toEqual([
            "msg0",
            "msg1",
            "msg2",
        ]);
        const widget = widgetItem("wgt_1", T, "first", at(5));
        await store.saveItem(T, widget, alice); // an upsert inserts a new id
        expect(await store.loadItem(T, "wgt_1", alice)).toEqual(widget);
        await store.addThreadItem(T, userMessage("msg0", T, "again", at(50)), alice);
        const page = await store.loadThreadItems(T, null, 10, "asc", alice);
        expect(ids(page)).toEqual(["msg0", "msg1", "msg2", "wgt_1"]);
    });
    it("raises NotFoundError for a missing item", async () => {
        const store = await addMessages(1);
        await expectNotFound(store.loadItem(T, "nope", alice));
        await expectNotFound(store.loadItem("thr_missing", "msg0", alice));
    });
    it("deletes one item", async () => {
        const store = await addMessages(3);
        await store.deleteThreadItem(T, "msg1", alice);
        expect(ids(await store.loadThreadItems(T, null, 10, "asc", alice))).toEqual(["msg0", "msg2"]);
        await expectNotFound(store.loadItem(T, "msg1", alice));
        await store.deleteThreadItem(T, "msg1", alice); // a no-op
    });
    it("isolates items by user", async () => {
        const store = await addMessages(2);
        expect((await store.loadThreadItems(T, null, 10, "asc", bob)).data).toEqual([]);
        expect((await store.loadThreadItems(T, "msg0", 10, "asc", bob)).data).toEqual([]);
        await expectNotFound(store.loadItem(T, "msg0", bob));
        await expectRejects(store.addThreadItem(T, userMessage("evil", T, "x", at(5)), bob));
        await expectRejects(store.saveItem(T, assistantMessage("msg0", T, "evil"), bob));
        await store.deleteThreadItem(T, "msg0", bob);
        const page = await store.loadThreadItems(T, null, 10, "asc", alice);
        expect(ids(page)).toEqual(["msg0", "msg1"]);
        expect(page.data[0]).toEqual(userMessage("msg0", T, "m0", at(0)));
    });
    it("stores and returns hidden items like any other", async () => {
        const store = await withThread();
        const items = [
            userMessage("msg_1", T, "hi", at(1)),
            hiddenItem("hc_1", T, at(2), "hidden_context_item"),
            hiddenItem("shcx_1", T, at(3), "sdk_hidden_context"),
        ];
        for (const item of items)
            await store.addThreadItem(T, item, alice);
        expect((await store.loadThreadItems(T, null, 10, "asc", alice)).data).toEqual(items);
        expect(await store.loadItem(T, "shcx_1", alice)).toEqual(items[2]);
    });
    it("refuses items for a thread that does not exist", async () => {
        await expectRejects(kit.store().addThreadItem("thr_none", userMessage("m", "thr_none", "x"), alice));
        expect((await kit.store().loadThreadItems("thr_none", null, 5, "asc", alice)).data).toEqual([]);
    });
}
//# sourceMappingURL=items.js.map