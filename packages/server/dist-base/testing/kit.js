/**
 * Shared plumbing of the conformance suite: the per-test store, the two users, and a page
 * walker that checks the cursor rules on every page.
 * @module
 */
import { expect } from "vitest";
/**
 * Walks pages from `fetch(after)` until `has_more` is false and returns the ids in order.
 * On every page it checks: `after` is present exactly when `has_more`, equals the last row's id,
 * and a page with `has_more` is full (`limit` rows).
 *
 * @example
 * const ids = await walkPages((after) => store.loadThreadItems("thr_1", after, 7, "asc", ctx), 7);
 */
export async function walkPages(fetch, limit, maxPages = 10_000) {
    const ids = [];
    let after = null;
    for (let pages = 0; pages < maxPages; pages++) {
        const page = await fetch(after);
        const last = page.data[page.data.length - 1];
        if (page.has_more) {
            expect(page.data).toHaveLength(limit);
            expect(page.after).toBe(last?.id);
        }
        else {
            expect(page.after ?? null).toBeNull();
            expect(page.data.length).toBeLessThanOrEqual(limit);
        }
        ids.push(...page.data.map((row) => row.id));
        if (!page.has_more)
            return ids;
        after = page.after ?? null;
    }
    throw new Error(`walkPages: more than ${maxPages} pages`);
}
/** Asserts that `promise` rejects with an error named `NotFoundError` (any class of that name). */
export async function expectNotFound(promise, message) {
    const error = await promise.then(() => undefined, (e) => e);
    expect(error, "expected a NotFoundError").toBeInstanceOf(Error);
    expect(error.name).toBe("NotFoundError");
    if (message !== undefined)
        expect(error.message).toBe(message);
}
/** Asserts that `promise` rejects (with anything). */
export async function expectRejects(promise) {
    const outcome = await promise.then(() => "resolved", () => "rejected");
    expect(outcome).toBe("rejected");
}
//# sourceMappingURL=kit.js.map