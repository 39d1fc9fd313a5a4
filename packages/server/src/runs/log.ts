/** How a run ended: sent to clients as `event: threadkit.end` and kept in the run's record. */
export type RunEndReason = "completed" | "cancelled" | "failed";

/** What the owner writes when it takes a streaming request. */
export interface RunStart {
  /** `run_` + random hex: never contains a colon (event ids are `<runId>:<seq>`). */
  runId: string;
  threadId: string;
  /** The instance that runs the handler (its id, unique per process). */
  owner: string;
  /** The owner's lease: it must renew before this many ms pass, or another instance may finalise. */
  leaseMs: number;
  /** True when the client opted in (`Threadkit-Resume: 1`): events are logged and replayable. */
  resumable: boolean;
  /** The request context as JSON, so another instance can finalise the run if the owner dies. */
  context: string;
  /** SHA-256 (hex) of the request body: a retried POST resumes instead of running again. */
  bodyHash: string;
}

/** A run's record, as any instance sees it. */
export interface RunInfo {
  runId: string;
  threadId: string;
  owner: string;
  resumable: boolean;
  context: string;
  bodyHash: string;
  /** Sequence number of the last logged entry (0 before the first). */
  lastSeq: number;
  /** Set once the end entry is logged. */
  ended: RunEndReason | null;
  /** Epoch ms at which the owner's lease runs out. */
  leaseUntil: number;
  /** True once `requestStop` reached this run. */
  stopRequested: boolean;
}

/**
 * One logged event: `data` is the event's JSON (what its `data:` line carries, so never a
 * newline). The last entry of a run carries `end` and `data` `{"reason":...}`.
 */
export interface RunEntry {
  seq: number;
  data: string;
  end?: RunEndReason;
}

/** The answer of {@link RunLog.start}. */
export type RunStartResult = { started: true } | { started: false; activeRunId: string };

/** The answer of {@link RunLog.renewLease}. */
export interface LeaseRenewal {
  /** False when the run ended or another instance took it over: the owner must stop writing. */
  held: boolean;
  /** A stop request was recorded (a lost stop message is found here). */
  stopRequested: boolean;
}

/**
 * Thrown by {@link RunLog.append} when the writer is not the run's owner (a zombie after a
 * takeover), the run has ended, or the sequence numbers do not follow the last logged one.
 */
export class RunFencedError extends Error {
  override name = "RunFencedError";
}

/**
 * Where runs and their events live, shared by every instance serving the same threads: the
 * in-memory `MemoryRunLog` (one process), `RedisRunLog` (`@threadkit/redis`) or `PostgresRunLog`
 * (`@threadkit/postgres`). The owner appends events before anyone is sent them, so every event id a
 * client has seen can be replayed; the log allows one unended run per thread, holds the owner's
 * lease and the stop flag, and trims a run's events some time after it ends.
 * `describeRunLogConformance` (`@threadkit/server/testing`) checks an implementation.
 */
export interface RunLog {
  /**
   * True when `append` calls for one run are applied in the order they are made, even while an
   * earlier one is still pending (one connection, one process): the owner then sends the next
   * append without waiting for the previous one's answer. Otherwise appends go one at a time.
   */
  readonly orderedAppends?: boolean;
  /** Records a new run unless the thread has an unended one (its id is then returned). */
  start(run: RunStart): Promise<RunStartResult>;
  /**
   * Appends entries numbered `lastSeq + 1`, `+ 2`… atomically, as `owner`; an entry with `end`
   * (last of the batch) ends the run, frees its thread and starts the retention countdown.
   * Throws {@link RunFencedError} when the owner or the numbering is wrong or the run has ended.
   * `frames` is the entries' SSE text (`runFrames(runId, entries)`) as UTF-8 bytes when the
   * caller encoded it already: a log that keeps one value per append can store it as it is.
   */
  append(
    runId: string,
    owner: string,
    entries: readonly RunEntry[],
    frames?: Uint8Array,
  ): Promise<void>;
  /**
   * Up to `limit` entries with `seq > after`, in order. Entries trimmed away are simply missing
   * (the caller compares the first seq with `after + 1`).
   */
  read(runId: string, after: number, limit: number): Promise<RunEntry[]>;
  /** The run's record, or null when unknown or expired. */
  info(runId: string): Promise<RunInfo | null>;
  /** The id of the thread's unended run, if any. */
  activeRun(threadId: string): Promise<string | null>;
  /**
   * Calls `onAppend` (without arguments: read to see what came) whenever entries are appended to
   * the run. Resolves once listening, so a read after it misses nothing. Returns the unsubscriber.
   */
  subscribe(runId: string, onAppend: () => void): Promise<() => void>;
  /** Extends `owner`'s lease; see {@link LeaseRenewal}. */
  renewLease(runId: string, owner: string, leaseMs: number): Promise<LeaseRenewal>;
  /** Makes `owner` the run's owner if the run has not ended and its lease ran out. */
  takeOver(runId: string, owner: string, leaseMs: number): Promise<boolean>;
  /** Unended runs whose lease ran out (at most `limit`). */
  expiredRuns(limit: number): Promise<string[]>;
  /**
   * Records a durable stop flag on the thread's unended run, then tells every instance (see
   * {@link onStop}). The run's id, or null when the thread has no unended run.
   */
  requestStop(threadId: string): Promise<string | null>;
  /** Calls `listener` with a run id each time a stop is requested (on any instance). */
  onStop(listener: (runId: string) => void): Promise<() => void>;
  /** Releases connections and timers. */
  close(): Promise<void>;
}

/** Retention knobs shared by the run logs. */
export interface RunLogRetention {
  /** How long a run's events stay after it ends. Default 5 minutes. */
  graceMs?: number;
  /**
   * The entries kept per run; older ones are trimmed (resumes before them get 410), by whole
   * appends, so up to one append's worth more may stay. Default 100,000.
   */
  maxEntries?: number;
  /** How long an ended run's record stays (so a late resume gets 410, not 404). Default 1 hour. */
  recordMs?: number;
}

export const DEFAULT_GRACE_MS = 5 * 60_000;
export const DEFAULT_MAX_ENTRIES = 100_000;
export const DEFAULT_RECORD_MS = 60 * 60_000;
