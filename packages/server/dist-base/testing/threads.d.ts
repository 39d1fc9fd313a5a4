import { type Kit } from "./kit.js";
/** Registers the thread tests (called inside `describeStoreConformance`). */
export declare function threadTests<TContext>(kit: Kit<TContext>): void;
//# sourceMappingURL=threads.d.ts.map