/**
 * `@threadkit/server/testing`: the store conformance suite. Requires `vitest` (a peer
 * dependency of this entry point only).
 * @module
 */
import { afterEach, beforeEach, describe } from "vitest";
import { attachmentTests } from "./attachments.js";
import { idempotencyTests } from "./idempotency.js";
import { instanceTests } from "./instances.js";
import { itemTests } from "./items.js";
import { threadTests } from "./threads.js";
import { visibleTests } from "./visible.js";
export * from "./fixtures.js";
export { expectNotFound, walkPages } from "./kit.js";
export { describeRunLogConformance } from "./run-log.js";
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
export function describeStoreConformance(name, makeStore, options = {}) {
    const contextFor = options.contextFor ?? ((userId) => ({ userId }));
    describe(`${name} store conformance`, () => {
        let current;
        let sibling;
        const dispose = async (store) => {
            if (options.dispose)
                await options.dispose(store);
            else
                await store.close?.();
        };
        beforeEach(async () => {
            current = await makeStore();
        });
        afterEach(async () => {
            const store = current;
            const second = sibling;
            current = undefined;
            sibling = undefined;
            const other = await second;
            if (other && other !== store)
                await dispose(other);
            if (store)
                await dispose(store);
        });
        const kit = {
            store() {
                if (!current)
                    throw new Error("describeStoreConformance: no store for this test");
                return current;
            },
            sibling() {
                const store = kit.store();
                sibling ??= Promise.resolve(options.sibling ? options.sibling(store) : store);
                return sibling;
            },
            alice: contextFor("alice"),
            bob: contextFor("bob"),
            checkIdPrefixes: options.checkIdPrefixes ?? true,
        };
        describe("threads", () => threadTests(kit));
        describe("items", () => itemTests(kit));
        describe("hidden items and visible pages", () => visibleTests(kit));
        describe("attachments and ids", () => attachmentTests(kit));
        describe("several instances", () => instanceTests(kit));
        if (options.idempotency ?? true)
            describe("idempotency keys", () => idempotencyTests(kit));
    });
}
//# sourceMappingURL=index.js.map