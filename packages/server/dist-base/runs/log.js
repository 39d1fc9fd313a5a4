/**
 * Thrown by {@link RunLog.append} when the writer is not the run's owner (a zombie after a
 * takeover), the run has ended, or the sequence numbers do not follow the last logged one.
 */
export class RunFencedError extends Error {
    name = "RunFencedError";
}
export const DEFAULT_GRACE_MS = 5 * 60_000;
export const DEFAULT_MAX_ENTRIES = 100_000;
export const DEFAULT_RECORD_MS = 60 * 60_000;
//# sourceMappingURL=log.js.map