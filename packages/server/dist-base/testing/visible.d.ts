import { type Kit } from "./kit.js";
/** Registers the hidden-item paging tests (called inside `describeStoreConformance`). */
export declare function visibleTests<TContext>(kit: Kit<TContext>): void;
//# sourceMappingURL=visible.d.ts.map