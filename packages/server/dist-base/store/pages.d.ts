import type { Page, ThreadItem } from "@threadkit/core";
import type { Order, Store } from "./types.js";
/** Item types that are stored but never sent to the client. */
export declare const HIDDEN_ITEM_TYPES: ReadonlySet<string>;
/**
 * True for items the client must never see (`hidden_context_item`, `sdk_hidden_context`).
 *
 * @example
 * isHiddenItem({ type: "sdk_hidden_context" }); // true
 */
export declare function isHiddenItem(item: {
    type: string;
}): boolean;
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
export declare function loadVisibleItems<TContext>(store: Store<TContext>, threadId: string, after: string | null | undefined, limit: number, order: Order, context: TContext): Promise<Page<ThreadItem>>;
//# sourceMappingURL=pages.d.ts.map