/**
 * Conformance tests for a store's idempotency keys (the optional `IdempotencyStore` methods):
 * claims, completion, release, per-user keys, and one winner among concurrent claims from two
 * instances.
 * @module
 */
import { expect, it } from "vitest";
/** The store as an idempotency store; fails the test when it lacks the methods. */
function keysOf(store) {
    for (const method of ["claimIdempotencyKey", "completeIdempotencyKey", "releaseIdempotencyKey"]) {
        expect(typeof store[method], method).toBe("function");
    }
    return store;
}
/** Registers the idempotency tests (called inside `describeStoreConformance`). */
export function idempotencyTests(kit) {
    const { alice, bob } = kit;
    it("claims a key once, then reports it running, done with its response, or mismatched", async () => {
        const store = keysOf(kit.store());
        expect(await store.claimIdempotencyKey("k1", "fp", alice)).toEqual({ state: "claimed" });
        expect(await store.claimIdempotencyKey("k1", "fp", alice)).toEqual({ state: "running" });
        await store.completeIdempotencyKey("k1", '{"ok":true}', alice);
        expect(await store.claimIdempotencyKey("k1", "fp", alice)).toEqual({
            state: "done",
            response: '{"ok":true}',
        });
        expect(await store.claimIdempotencyKey("k1", "other", alice)).toEqual({ state: "mismatch" });
        await store.claimIdempotencyKey("k2", "fp", alice);
        await store.completeIdempotencyKey("k2", null, alice); // a stream: no stored response
        expect(await store.claimIdempotencyKey("k2", "fp", alice)).toEqual({
            state: "done",
            response: null,
        });
    });
    it("frees a released key and keeps keys per user", async () => {
        const store = keysOf(kit.store());
        await store.claimIdempotencyKey("k", "fp", alice);
        expect(await store.claimIdempotencyKey("k", "fp", bob)).toEqual({ state: "claimed" });
        await store.releaseIdempotencyKey("k", alice);
        expect(await store.claimIdempotencyKey("k", "fp2", alice)).toEqual({ state: "claimed" });
        expect(await store.claimIdempotencyKey("k", "fp", bob)).toEqual({ state: "running" });
    });
    it("gives a key to exactly one of many concurrent claims from two instances", async () => {
        const one = keysOf(kit.store());
        const two = keysOf(await kit.sibling());
        for (let round = 0; round < 5; round++) {
            const claims = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? two : one).claimIdempotencyKey(`race${round}`, "fp", alice)));
            expect(claims.filter((claim) => claim.state === "claimed")).toHaveLength(1);
            expect(claims.filter((claim) => claim.state === "running")).toHaveLength(9);
        }
    });
}
//# sourceMappingURL=idempotency.js.map