/**
 * Conformance tests where several server instances make a difference: concurrent writers on one
 * thread, a reader paging while others insert, and deletions racing inserts. Work is spread over
 * the store under test and its sibling (a second instance on the same data, when the store has one).
 * @module
 */
import { expect, it } from "vitest";
import { at, fileAttachment, makeThread, userMessage } from "./fixtures.js";
import { expectNotFound, walkPages } from "./kit.js";
const ids = (page) => page.data.map((item) => item.id);
/** Every id of `list` exactly once? Returns the ids seen more than once. */
function repeated(list) {
    const seen = new Set();
    return list.filter((id) => seen.has(id) || !seen.add(id));
}
/** Registers the multi-instance tests (called inside `describeStoreConformance`). */
export function instanceTests(kit) {
    const { alice, bob } = kit;
    const T = "thr_instances";
    const both = async () => {
        const store = kit.store();
        await store.saveThread(makeThread(T), alice);
        return [store, await kit.sibling()];
    };
    it("keeps one order, with no shared position, for concurrent adds from two instances", async () => {
        const [one, two] = await both();
        // 80 items with one created_at, so only the insertion order tells them apart.
        const writes = Array.from({ length: 80 }, (_, i) => (i % 2 ? two : one).addThreadItem(T, userMessage(`msg${i}`, T, `${i}`, at(1)), alice));
        await Promise.all(writes);
        const asc = ids(await one.loadThreadItems(T, null, 100, "asc", alice));
        expect(asc).toHaveLength(80);
        expect(repeated(asc)).toEqual([]);
        expect(ids(await two.loadThreadItems(T, null, 100, "asc", alice))).toEqual(asc);
        expect(ids(await two.loadThreadItems(T, null, 100, "desc", alice))).toEqual([...asc].reverse());
        // Pages by 7, alternating instances, agree with the one-page read.
        let turn = 0;
        const walked = await walkPages((after) => (turn++ % 2 ? two : one).loadThreadItems(T, after, 7, "asc", alice), 7);
        expect(walked).toEqual(asc);
    });
    it("never skips or repeats an item for a reader paging while another instance inserts", async () => {
        const [one, two] = await both();
        const seeded = Array.from({ length: 60 }, (_, i) => `seed${String(i).padStart(2, "0")}`);
        // Seeds at 30 distinct times, two per time, so cursors often sit inside a run of equal times.
        for (const [i, id] of seeded.entries()) {
            await one.addThreadItem(T, userMessage(id, T, id, at(Math.floor(i / 2))), alice);
        }
        for (const order of ["asc", "desc"]) {
            let inserted = 0;
            let reading = true;
            // New items land everywhere: at seeded times (after their run) and between them.
            const writer = (async () => {
                while (reading || inserted < 10) {
                    const n = inserted++;
                    const when = at(((n * 7) % 30) + (n % 2 ? 0.5 : 0));
                    await two.addThreadItem(T, userMessage(`new_${order}_${n}`, T, "x", when), alice);
                    await new Promise((resolve) => setImmediate(resolve)); // and the reader between inserts
                }
            })();
            let walked;
            try {
                walked = await walkPages(async (after) => {
                    const page = await one.loadThreadItems(T, after, 5, order, alice);
                    await new Promise((resolve) => setImmediate(resolve)); // let the writer in between pages
                    return page;
                }, 5);
            }
            finally {
                reading = false;
                await writer;
            }
            expect(repeated(walked)).toEqual([]);
            const expected = order === "asc" ? seeded : [...seeded].reverse();
            expect(walked.filter((id) => id.startsWith("seed"))).toEqual(expected);
            // The walk is in the final order: a subsequence of a fresh one-page read.
            const final = ids(await one.loadThreadItems(T, null, 1000, order, alice));
            const position = new Map(final.map((id, i) => [id, i]));
            const positions = walked.map((id) => position.get(id) ?? -1);
            expect(positions).toEqual([...positions].sort((a, b) => a - b));
            expect(positions).not.toContain(-1);
        }
    });
    it("deletes a thread with its items and its attachments, on every instance", async () => {
        const [one, two] = await both();
        await one.saveThread(makeThread("thr_other"), alice);
        await one.addThreadItem(T, userMessage("msg_1", T, "one", at(1)), alice);
        await one.saveAttachment(fileAttachment("atc_in", T), alice);
        await one.saveAttachment(fileAttachment("atc_elsewhere", "thr_other"), alice);
        await one.saveAttachment(fileAttachment("atc_loose"), alice);
        await one.saveAttachment(fileAttachment("atc_bobs", T), bob); // bob's, naming alice's thread
        await two.deleteThread(T, alice);
        for (const store of [one, two]) {
            await expectNotFound(store.loadThread(T, alice));
            await expectNotFound(store.loadItem(T, "msg_1", alice));
            await expectNotFound(store.loadAttachment("atc_in", alice));
            expect((await store.loadAttachment("atc_elsewhere", alice)).id).toBe("atc_elsewhere");
            expect((await store.loadAttachment("atc_loose", alice)).id).toBe("atc_loose");
            expect((await store.loadAttachment("atc_bobs", bob)).id).toBe("atc_bobs");
        }
    });
    it("leaves no item behind when an insert races the thread's deletion on another instance", async () => {
        const [one, two] = await both();
        const adds = Array.from({ length: 30 }, (_, i) => two.addThreadItem(T, userMessage(`race${i}`, T, "x", at(i)), alice));
        const deletion = one.deleteThread(T, alice);
        const outcomes = await Promise.allSettled([...adds, deletion]);
        for (const outcome of outcomes) {
            if (outcome.status === "rejected")
                expect(outcome.reason.name).toBe("NotFoundError");
        }
        await expectNotFound(one.loadThread(T, alice));
        // A thread re-created with the same id starts empty on both instances.
        await one.saveThread(makeThread(T), alice);
        expect(ids(await one.loadThreadItems(T, null, 100, "asc", alice))).toEqual([]);
        expect(ids(await two.loadThreadItems(T, null, 100, "asc", alice))).toEqual([]);
    });
}
//# sourceMappingURL=instances.js.map