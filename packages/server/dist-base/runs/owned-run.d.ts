import type { RunEndReason, RunLog } from "./log.js";
/** An append kept for this instance's readers: entries `first` to `last` as SSE text in UTF-8. */
export interface Chunk {
    first: number;
    last: number;
    frames: Uint8Array;
    /** The append ends the run. */
    ended: boolean;
}
/** What an owned run needs from its registry. */
export interface RunHost {
    readonly log: RunLog;
    readonly instanceId: string;
    readonly leaseMs: number;
    /** True when other instances share the log (leases are then renewed). */
    readonly shared: boolean;
    released(run: OwnedRun): void;
}
/**
 * A run this instance owns: holds the lease, aborts the handler on a stop, and, when resumable,
 * drives the handler to its end whoever reads (a disconnect detaches), numbering events and
 * appending them to the log before any reader gets them.
 */
export declare class OwnedRun {
    #private;
    readonly runId: string;
    readonly threadId: string;
    readonly resumable: boolean;
    /** Aborts the handler's signal (stop, maximum run time, lost lease). */
    readonly controller: AbortController;
    /** The last seq the log holds (readers may be sent up to it). */
    flushedSeq: number;
    /** Set when the run is over here (ended, or fenced off by another instance). */
    over: boolean;
    constructor(host: RunHost, runId: string, threadId: string, resumable: boolean, controller: AbortController);
    /**
     * Starts renewing the lease (a third of its length; only on a log other instances share: in
     * one process the owner cannot die without its log) and, if given, the maximum run time.
     */
    hold(maxRunMs?: number): void;
    /** Aborts the handler: the pipeline's cancel path saves the partial reply and the note. */
    stop(): void;
    /**
     * Runs a resumable run's event source to its end, whoever reads: numbers and logs every
     * event, then the end entry. Never throws.
     */
    drive(source: () => AsyncIterable<unknown>): Promise<void>;
    /** Calls `wake` once, when more entries were logged or the run is over here. */
    onChange(wake: () => void): void;
    /**
     * The frames of the logged append holding entry `from`, from that entry on, if still in
     * memory (else they must come from the log).
     */
    framesFrom(from: number): Chunk | undefined;
    /** Logs the end entry (when resumable) and releases the run; the thread is free again. */
    finish(reason: RunEndReason): Promise<void>;
}
//# sourceMappingURL=owned-run.d.ts.map