import { type LeaseRenewal, type RunEntry, type RunInfo, type RunLog, type RunLogRetention, type RunStart, type RunStartResult } from "./log.js";
/** Options of {@link MemoryRunLog}. */
export type MemoryRunLogOptions = RunLogRetention;
/**
 * The default run log: runs and their events in this process's memory. Replies survive a reload
 * or a lost connection to this process, but not a restart, and it cannot serve several instances
 * behind a load balancer (use `RedisRunLog` or `PostgresRunLog` for that).
 *
 * @example
 * new MyServer(store, { runLog: new MemoryRunLog({ graceMs: 60_000 }) });
 */
export declare class MemoryRunLog implements RunLog {
    #private;
    constructor(options?: MemoryRunLogOptions);
    start(run: RunStart): Promise<RunStartResult>;
    append(runId: string, owner: string, entries: readonly RunEntry[], frames?: Uint8Array): Promise<void>;
    read(runId: string, after: number, limit: number): Promise<RunEntry[]>;
    info(runId: string): Promise<RunInfo | null>;
    activeRun(threadId: string): Promise<string | null>;
    subscribe(runId: string, onAppend: () => void): Promise<() => void>;
    renewLease(runId: string, owner: string, leaseMs: number): Promise<LeaseRenewal>;
    takeOver(runId: string, owner: string, leaseMs: number): Promise<boolean>;
    expiredRuns(limit: number): Promise<string[]>;
    requestStop(threadId: string): Promise<string | null>;
    onStop(listener: (runId: string) => void): Promise<() => void>;
    close(): Promise<void>;
}
//# sourceMappingURL=memory.d.ts.map