import { type ThreadItem } from "@threadkit/core";
import type { RunEntry } from "./log.js";
/**
 * The items a run had started but not finished, rebuilt from its logged events with the
 * pipeline's rules (`added` opens an item, `updated` changes it, `done`/`replaced`/`removed` close
 * it): what an instance that finalises a dead owner's run saves as the partial reply.
 *
 * @example
 * const partial = pendingItemsOf(await log.read(runId, 0, 100_000));
 */
export declare function pendingItemsOf(entries: readonly RunEntry[]): ThreadItem[];
//# sourceMappingURL=pending.d.ts.map