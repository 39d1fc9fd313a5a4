import type { Store } from "../store/types.js";
/** What each group of conformance tests receives. */
export interface Kit<TContext> {
    /** The store of the running test (a fresh one per test). */
    store(): Store<TContext>;
    /**
     * A second instance on the same data as {@link store} (another connection or process handle),
     * made on first call in a test; the same store when the store under test has no sibling.
     */
    sibling(): Promise<Store<TContext>>;
    /** Context of the first user. */
    alice: TContext;
    /** Context of a second user, who must see none of alice's data. */
    bob: TContext;
    /** Whether to check ChatKit's default id prefixes (off for stores with custom id generators). */
    checkIdPrefixes: boolean;
}
/** A page as the stores return it (structural, so any `Page<T>` fits). */
export interface AnyPage<T> {
    data: T[];
    has_more: boolean;
    after?: string | null;
}
/**
 * Walks pages from `fetch(after)` until `has_more` is false and returns the ids in order.
 * On every page it checks: `after` is present exactly when `has_more`, equals the last row's id,
 * and a page with `has_more` is full (`limit` rows).
 *
 * @example
 * const ids = await walkPages((after) => store.loadThreadItems("thr_1", after, 7, "asc", ctx), 7);
 */
export declare function walkPages<T extends {
    id: string;
}>(fetch: (after: string | null) => Promise<AnyPage<T>>, limit: number, maxPages?: number): Promise<string[]>;
/** Asserts that `promise` rejects with an error named `NotFoundError` (any class of that name). */
export declare function expectNotFound(promise: Promise<unknown>, message?: string): Promise<void>;
/** Asserts that `promise` rejects (with anything). */
export declare function expectRejects(promise: Promise<unknown>): Promise<void>;
//# sourceMappingURL=kit.d.ts.map