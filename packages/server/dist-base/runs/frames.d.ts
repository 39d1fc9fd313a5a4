import type { RunEndReason, RunEntry } from "./log.js";
/** The `retry:` line that opens every resumable stream (the reconnect delay in ms). */
export declare const RETRY_LINE = "retry: 1000\n";
/** The data of a run's end entry. */
export declare function endData(reason: RunEndReason): string;
/**
 * One logged entry as an SSE block: `id: <runId>:<seq>` in the same block as its data (a cut
 * before the blank line loses both), and `event: threadkit.end` for the closing entry.
 */
export declare function entryFrame(runId: string, entry: RunEntry): string;
//# sourceMappingURL=frames.d.ts.map