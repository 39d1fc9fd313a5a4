import { pageLimit } from "./order.js";
/** Item types that are stored but never sent to the client. */
export const HIDDEN_ITEM_TYPES = new Set([
    "hidden_context_item",
    "sdk_hidden_context",
]);
/**
 * True for items the client must never see (`hidden_context_item`, `sdk_hidden_context`).
 *
 * @example
 * isHiddenItem({ type: "sdk_hidden_context" }); // true
 */
export function isHiddenItem(item) {
    return HIDDEN_ITEM_TYPES.has(item.type);
}
/**
 * A page of a thread's *visible* items: hidden items are dropped before the page is cut, so a
 * page is never short while more visible items exist, and its `after` cursor is always the id of
 * the last visible item returned (never a hidden one). `has_more` is true only when at least one
 * more visible item follows, so the next page is never empty.
 *
 * It reads the store's pages (of `limit + 1` rows) until it has `limit + 1` visible items or the
 * store is exhausted. Cursors are item ids, so the returned `after` works with the store and with
 * this function alike.
 *
 * @example
 * // items.list: newest first, 20 visible items at a time
 * const page = await loadVisibleItems(store, thread.id, params.after, params.limit ?? 20, "desc", ctx);
 */
export async function loadVisibleItems(store, threadId, after, limit, order, context) {
    const n = pageLimit(limit);
    const visible = [];
    let cursor = after ?? null;
    while (visible.length <= n) {
        const page = await store.loadThreadItems(threadId, cursor, n + 1, order, context);
        for (const item of page.data) {
            if (!isHiddenItem(item))
                visible.push(item);
            if (visible.length > n)
                break;
        }
        const last = page.data[page.data.length - 1];
        if (!page.has_more || !last)
            break;
        cursor = last.id;
    }
    if (visible.length <= n)
        return { data: visible, has_more: false };
    const data = visible.slice(0, n);
    const lastVisible = data[n - 1];
    return { data, has_more: true, after: lastVisible.id };
}
//# sourceMappingURL=pages.js.map