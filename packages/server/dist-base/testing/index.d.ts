import type { Store } from "../store/types.js";
export * from "./fixtures.js";
export { type AnyPage, expectNotFound, walkPages } from "./kit.js";
export { describeRunLogConformance, type RunLogConformanceOptions } from "./run-log.js";
/** Options of {@link describeStoreConformance}. */
export interface StoreConformanceOptions<TContext> {
    /**
     * The request context for a user id; the store must scope data by it. Defaults to
     * `(userId) => ({ userId })`, which fits `new SQLiteStore({ userId: (ctx) => ctx.userId })`.
     */
    contextFor?(userId: string): TContext;
    /** Check ChatKit's default id prefixes (`thr_`, `msg_`, ...). Default true; turn off for custom id generators. */
    checkIdPrefixes?: boolean;
    /**
     * Check the optional idempotency-key methods (`claimIdempotencyKey`, ...). Default true, as
     * the built-in stores have them; turn off for a store without them (actions sent twice with
     * one `Idempotency-Key` are then performed twice).
     */
    idempotency?: boolean;
    /**
     * A second instance on the same data as `store` (say, a second pool on the same database, or
     * a second handle on the same file), for the tests where two server instances make a
     * difference. Without it those tests use `store` twice. Disposed like the store.
     */
    sibling?(store: Store<TContext>): Store<TContext> | Promise<Store<TContext>>;
    /** Called after each test with that test's store (default: calls its `close()` if it has one). */
    dispose?(store: Store<TContext>): void | Promise<void>;
}
/**
 * Registers a vitest suite that checks a {@link Store} against ChatKit's store semantics:
 * everything of chatkit-python's `test_store.py`, plus total-order pagination of rows with equal
 * `created_at`, `after` only when `has_more`, per-user isolation of threads, items and
 * attachments, upserts that keep position, thread deletion removing its items, hidden items
 * stored like any other (and paged by `loadVisibleItems`), attachment round trips and id prefixes,
 * and what several instances on one database need: concurrent adds in one order without shared
 * positions, pages that never skip or repeat under concurrent inserts, and thread deletion
 * (items and linked attachments) that no racing insert survives.
 *
 * `makeStore` is called once per test and must return an empty store.
 *
 * @example
 * // my-store.test.ts
 * import { describeStoreConformance } from "@threadkit/server/testing";
 * describeStoreConformance("MyStore", () => new MyStore({ userId: (ctx: { userId: string }) => ctx.userId }));
 */
export declare function describeStoreConformance<TContext = {
    userId: string;
}>(name: string, makeStore: () => Store<TContext> | Promise<Store<TContext>>, options?: StoreConformanceOptions<TContext>): void;
//# sourceMappingURL=index.d.ts.map