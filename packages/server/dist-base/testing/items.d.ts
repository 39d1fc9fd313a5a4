import { type Kit } from "./kit.js";
/** Registers the item tests (called inside `describeStoreConformance`). */
export declare function itemTests<TContext>(kit: Kit<TContext>): void;
//# sourceMappingURL=items.d.ts.map