import type { SseChunk } from "../results.js";
import type { RunLog } from "./log.js";
import type { OwnedRun } from "./owned-run.js";
/** What a reader needs from the registry. */
export interface ReaderHost {
    readonly log: RunLog;
    owned(runId: string): OwnedRun | undefined;
    /** Finalises a run whose owner's lease ran out; true when this instance did it. */
    finalise(runId: string): Promise<boolean>;
}
/**
 * The SSE frames of a run after `after`, then its live events, to its end entry: from this
 * instance's memory when it owns the run, else from the log (subscribed before reading, so
 * nothing falls between). Pulled one frame at a time, so a slow client holds nothing but its
 * socket buffer. The first frame carries the `retry:` line. Stops when `signal` aborts.
 */
export declare function readRun(host: ReaderHost, runId: string, after: number, signal: AbortSignal): AsyncGenerator<SseChunk>;
//# sourceMappingURL=reader.d.ts.map