import type { PipelineHost } from "../pipeline.js";
import type { RunLog } from "./log.js";
import { OwnedRun, type RunHost } from "./owned-run.js";
import type { ReaderHost } from "./reader.js";
/** Default lease of a run's owner: another instance may finalise the run this long after it died. */
export declare const DEFAULT_LEASE_MS = 10000;
/** Default maximum run time of a detached (resumable) run. */
export declare const DEFAULT_MAX_RUN_MS = 600000;
/** Options of {@link RunRegistry}. */
export interface RunRegistryOptions {
    log?: RunLog;
    leaseMs?: number;
    maxRunMs?: number;
}
/** A request's claim on a thread. */
export interface RunClaim<TContext> {
    threadId: string;
    context: TContext;
    resumable: boolean;
    /** SHA-256 hex of the request body (resumable runs). */
    bodyHash: string;
    /** Aborts the handler's signal. */
    controller: AbortController;
}
/** The answer to a stop request. */
export type StopStatus = "stopping" | "already_finished";
/** SHA-256 of a body, in hex (WebCrypto, on every runtime). */
export declare function bodyHashOf(body: string | Uint8Array): Promise<string>;
/**
 * One server's side of the runs: claims threads (one unended run per thread across instances,
 * else 409 `thread_busy`), owns runs (leases, stops, the resumable driver), reads runs for
 * resumes, and finalises runs whose owner died (their lease ran out).
 */
export declare class RunRegistry<TContext> implements RunHost, ReaderHost {
    #private;
    readonly log: RunLog;
    readonly instanceId: string;
    readonly leaseMs: number;
    readonly maxRunMs: number;
    /** False for the in-memory log: no other instance can take a run over. */
    readonly shared: boolean;
    constructor(host: PipelineHost<TContext>, options?: RunRegistryOptions);
    /**
     * Listens for stops and, on a log shared with other instances, sweeps for runs whose owner
     * died. Called when the server starts serving.
     */
    listen(): void;
    owned(runId: string): OwnedRun | undefined;
    released(run: OwnedRun): void;
    /**
     * Starts a run on the thread, or throws 409 `thread_busy` while another one is unended (a run
     * whose owner died is finalised first). Non-resumable runs get their lease at once; resumable
     * ones when driven.
     */
    claim(claim: RunClaim<TContext>): Promise<OwnedRun>;
    /**
     * `threadkit.runs.stop`: flags the thread's unended run (the caller was authorised for the
     * thread) and tells its owner, wherever it runs.
     */
    stop(threadId: string, runId?: string): Promise<StopStatus>;
    /**
     * Finalises a run whose owner's lease ran out, if this instance wins the takeover: saves the
     * partial reply and the cancellation note from the logged events, then logs an `error` with
     * `allow_retry` and the end (`failed`), which frees the thread. Nothing re-runs.
     */
    finalise(runId: string): Promise<boolean>;
    /** Stops listening and sweeping (runs in progress go on). */
    close(): Promise<void>;
}
//# sourceMappingURL=registry.d.ts.map