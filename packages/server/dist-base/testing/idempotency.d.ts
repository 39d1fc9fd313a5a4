import type { Kit } from "./kit.js";
/** Registers the idempotency tests (called inside `describeStoreConformance`). */
export declare function idempotencyTests<TContext>(kit: Kit<TContext>): void;
//# sourceMappingURL=idempotency.d.ts.map