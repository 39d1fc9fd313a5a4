/** Conformance tests for attachment metadata and default ids. @module */
import { expect, it } from "vitest";
import { ID_PREFIXES } from "../store/ids.js";
import { fileAttachment, imageAttachment, makeThread } from "./fixtures.js";
import { expectNotFound, expectRejects } from "./kit.js";
/** Registers the attachment and id tests (called inside `describeStoreConformance`). */
export function attachmentTests(kit) {
    const { alice, bob } = kit;
    it("round-trips a file attachment with its metadata", async () => {
        const attachment = fileAttachment("atc_file", "thr_1");
        await kit.store().saveAttachment(attachment, alice);
        expect(await kit.store().loadAttachment("atc_file", alice)).toEqual(attachment);
    });
    it("round-trips an image attachment with preview_url and metadata", async () => {
        const attachment = imageAttachment("atc_img");
        await kit.store().saveAttachment(attachment, alice);
        expect(await kit.store().loadAttachment("atc_img", alice)).toEqual(attachment);
        const withThread = { ...attachment, thread_id: "thr_9" };
        await kit.store().saveAttachment(withThread, alice); // an upsert
        expect(await kit.store().loadAttachment("atc_img", alice)).toEqual(withThread);
    });
    it("deletes attachments and raises NotFoundError for missing ones", async () => {
        const store = kit.store();
        await expectNotFound(store.loadAttachment("atc_none", alice));
        await store.saveAttachment(fileAttachment("atc_1"), alice);
        await store.deleteAttachment("atc_1", alice);
        await expectNotFound(store.loadAttachment("atc_1", alice));
        await store.deleteAttachment("atc_1", alice); // a no-op
    });
    it("isolates attachments by user", async () => {
        const store = kit.store();
        const attachment = fileAttachment("atc_1");
        await store.saveAttachment(attachment, alice);
        await expectNotFound(store.loadAttachment("atc_1", bob));
        await store.deleteAttachment("atc_1", bob);
        await expectRejects(store.saveAttachment({ ...attachment, name: "evil" }, bob));
        expect(await store.loadAttachment("atc_1", alice)).toEqual(attachment);
    });
    it("generates unique ids with ChatKit's prefixes", async () => {
        const store = kit.store();
        const thread = makeThread("thr_ids");
        const seen = new Set();
        for (let i = 0; i < 200; i++)
            seen.add(store.generateThreadId(alice));
        expect(seen.size).toBe(200);
        const kinds = Object.keys(ID_PREFIXES);
        for (const kind of kinds) {
            const id = store.generateItemId(kind, thread, alice);
            expect(id).not.toBe(store.generateItemId(kind, thread, alice));
            if (kit.checkIdPrefixes)
                expect(id).toMatch(new RegExp(`^${ID_PREFIXES[kind]}_[0-9a-f]{8,}$`));
        }
        if (kit.checkIdPrefixes)
            expect(store.generateThreadId(alice)).toMatch(/^thr_[0-9a-f]{8,}$/);
    });
}
//# sourceMappingURL=attachments.js.map