import { type Kit } from "./kit.js";
/** Registers the multi-instance tests (called inside `describeStoreConformance`). */
export declare function instanceTests<TContext>(kit: Kit<TContext>): void;
//# sourceMappingURL=instances.d.ts.map