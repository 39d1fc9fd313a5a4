import { type Kit } from "./kit.js";
/** Registers the attachment and id tests (called inside `describeStoreConformance`). */
export declare function attachmentTests<TContext>(kit: Kit<TContext>): void;
//# sourceMappingURL=attachments.d.ts.map