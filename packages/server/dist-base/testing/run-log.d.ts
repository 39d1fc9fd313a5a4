import { type RunLog, type RunLogRetention } from "../runs/log.js";
/** Options of {@link describeRunLogConformance}. */
export interface RunLogConformanceOptions {
    /**
     * True when two logs made by `makeLog` share their backend (Redis, PostgreSQL): then runs,
     * appends and stops made through one are checked to be seen through the other.
     */
    shared?: boolean;
}
/**
 * Registers a vitest suite checking a {@link RunLog} against the contract the server relies on:
 * one unended run per thread, appends numbered without gaps and refused from anyone but the
 * owner (a zombie after a takeover), reads in order and by pages, append notifications,
 * leases that expire and can be taken over, durable stop flags with a notification, and
 * retention (events trimmed after the grace time, capped per run).
 *
 * `makeLog` is called for each test (twice for the shared checks) with retention options; logs are
 * closed after the test.
 *
 * @example
 * describeRunLogConformance("MemoryRunLog", (retention) => new MemoryRunLog(retention));
 */
export declare function describeRunLogConformance(name: string, makeLog: (retention: RunLogRetention) => RunLog | Promise<RunLog>, options?: RunLogConformanceOptions): void;
//# sourceMappingURL=run-log.d.ts.map