import { expect, it } from "vitest";
import { isHiddenItem, loadVisibleItems } from "../store/pages.js";
import { at, hiddenItem, makeThread, userMessage } from "./fixtures.js";
import { walkPages } from "./kit.js";
/** Registers the hidden-item paging tests (called inside `describeStoreConformance`). */
export function visibleTests(kit) {
    const { alice } = kit;
    const T = "thr_visible";
    /** 30 items, hidden ones in runs of 1-3 between visible ones, several sharing a created_at. */
    const seed = async () => {
        const store = kit.store();
        await store.saveThread(makeThread(T), alice);
        const items = [];
        for (let i = 0; i < 30; i++) {
            const createdAt = at(Math.floor(i / 3));
            const hidden = i % 4 === 1 || i % 4 === 2 || i % 7 === 0 || i >= 27;
            const kind = i % 2 ? "sdk_hidden_context" : "hidden_context_item";
            items.push(hidden
                ? hiddenItem(`h${i}`, T, createdAt, kind)
                : userMessage(`v${i}`, T, `${i}`, createdAt));
        }
        for (const item of items)
            await store.addThreadItem(T, item, alice);
        const visible = items.filter((item) => !isHiddenItem(item)).map((item) => item.id);
        return { store, visible };
    };
    it("gives full pages of visible items whose cursors never name hidden items", async () => {
        const { store, visible } = await seed();
        expect(visible.length).toBeGreaterThan(6);
        for (const limit of [1, 2, 3, 5]) {
            const cursors = [];
            const walk = (order) => walkPages(async (after) => {
                const page = await loadVisibleItems(store, T, after, limit, order, alice);
                for (const item of page.data)
                    expect(isHiddenItem(item)).toBe(false);
                if (page.after)
                    cursors.push(page.after);
                return page;
            }, limit);
            expect(await walk("asc")).toEqual(visible);
            expect(await walk("desc")).toEqual([...visible].reverse());
            for (const cursor of cursors)
                expect(cursor.startsWith("v")).toBe(true);
        }
    });
    it("ends without an empty page when only hidden items remain", async () => {
        const { store, visible } = await seed();
        const lastVisible = visible[visible.length - 1] ?? "";
        const beforeLast = visible[visible.length - 2] ?? null;
        const page = await loadVisibleItems(store, T, beforeLast, 1, "asc", alice);
        expect(page.data.map((item) => item.id)).toEqual([lastVisible]);
        expect(page.has_more).toBe(false);
        expect(page.after ?? null).toBeNull();
    });
    it("returns an empty page for a thread of hidden items only", async () => {
        const store = kit.store();
        await store.saveThread(makeThread(T), alice);
        for (let i = 0; i < 5; i++)
            await store.addThreadItem(T, hiddenItem(`h${i}`, T, at(i)), alice);
        const page = await loadVisibleItems(store, T, null, 2, "desc", alice);
        expect(page).toEqual({ data: [], has_more: false });
    });
}
//# sourceMappingURL=visible.js.map