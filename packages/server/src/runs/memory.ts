import { type StoredBatch, splitRunBatch, storedBatch } from "./batch.js";
import {
  DEFAULT_GRACE_MS,
  DEFAULT_MAX_ENTRIES,
  DEFAULT_RECORD_MS,
  type LeaseRenewal,
  type RunEntry,
  RunFencedError,
  type RunInfo,
  type RunLog,
  type RunLogRetention,
  type RunStart,
  type RunStartResult,
} from "./log.js";

/**
 * Held appends are their frames as UTF-8 bytes, outside the JavaScript heap (a run is kept minutes
 * after it ends: as strings, every batch was copied by the young generation's collections and
 * then moved around the old one).
 */
const decoder = new TextDecoder();

interface MemoryRun {
  info: RunInfo;
  /** Held entries, one batch per append, in order. */
  batches: StoredBatch[];
  listeners: Set<() => void>;
}

interface Ended {
  run: MemoryRun;
  at: number;
}

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
export class MemoryRunLog implements RunLog {
  /** An append is applied before `append` returns its promise. */
  readonly orderedAppends: boolean = true;
  readonly #runs = new Map<string, MemoryRun>();
  readonly #active = new Map<string, string>();
  readonly #stopListeners = new Set<(runId: string) => void>();
  /** Ended resumable runs, oldest first (ends come in time order). */
  readonly #ended: Ended[] = [];
  #sweeper: ReturnType<typeof setInterval> | undefined;
  readonly #graceMs: number;
  readonly #maxEntries: number;
  readonly #recordMs: number;

  constructor(options: MemoryRunLogOptions = {}) {
    this.#graceMs = options.graceMs ?? DEFAULT_GRACE_MS;
    this.#maxEntries = options.maxEntries ?? DEFAULT_MAX_ENTRIES;
    this.#recordMs = options.recordMs ?? DEFAULT_RECORD_MS;
  }

  async start(run: RunStart): Promise<RunStartResult> {
    const activeRunId = this.#active.get(run.threadId);
    if (activeRunId) return { started: false, activeRunId };
    if (this.#runs.has(run.runId)) throw new RunFencedError(`Run ${run.runId} already exists`);
    this.#active.set(run.threadId, run.runId);
    this.#runs.set(run.runId, {
      info: {
        runId: run.runId,
        threadId: run.threadId,
        owner: run.owner,
        resumable: run.resumable,
        context: run.context,
        bodyHash: run.bodyHash,
        lastSeq: 0,
        ended: null,
        leaseUntil: Date.now() + run.leaseMs,
        stopRequested: false,
      },
      batches: [],
      listeners: new Set(),
    });
    return { started: true };
  }

  async append(
    runId: string,
    owner: string,
    entries: readonly RunEntry[],
    frames?: Uint8Array,
  ): Promise<void> {
    const run = this.#runs.get(runId);
    if (!run || run.info.ended || run.info.owner !== owner) {
      throw new RunFencedError(`Run ${runId} is not writable by ${owner}`);
    }
    const first = entries[0];
    if (!first) return;
    if (first.seq !== run.info.lastSeq + 1) {
      throw new RunFencedError(`Run ${runId}: expected seq ${run.info.lastSeq + 1}`);
    }
    const batch = storedBatch(runId, entries, frames);
    run.batches.push(batch);
    run.info.lastSeq = batch.last;
    if (batch.end) this.#end(run, batch.end);
    // Whole appends are dropped, oldest first, while the rest still holds maxEntries.
    const keepFrom = batch.last - this.#maxEntries + 1;
    let drop = 0;
    while ((run.batches[drop] as StoredBatch).last < keepFrom) drop++;
    if (drop > 0) run.batches.splice(0, drop);
    for (const listener of run.listeners) listener();
  }

  #end(run: MemoryRun, reason: RunInfo["ended"]): void {
    run.info.ended = reason;
    if (this.#active.get(run.info.threadId) === run.info.runId) {
      this.#active.delete(run.info.threadId);
    }
    // A run without a log (the client did not opt in) can never be resumed: forget it now.
    if (!run.info.resumable) {
      this.#runs.delete(run.info.runId);
      return;
    }
    this.#ended.push({ run, at: Date.now() });
    this.#sweeper ??= setInterval(() => this.#sweep(), Math.min(1000, this.#graceMs));
    this.#sweeper.unref?.();
  }

  /** Trims ended runs past their grace time and forgets those past their record time. */
  #sweep(): void {
    const now = Date.now();
    for (const ended of this.#ended) {
      if (now - ended.at < this.#graceMs) break;
      ended.run.batches = [];
    }
    while (this.#ended.length > 0 && now - (this.#ended[0] as Ended).at >= this.#recordMs) {
      const { run } = this.#ended.shift() as Ended;
      this.#runs.delete(run.info.runId);
    }
    if (this.#ended.length === 0) {
      clearInterval(this.#sweeper);
      this.#sweeper = undefined;
    }
  }

  async read(runId: string, after: number, limit: number): Promise<RunEntry[]> {
    const run = this.#runs.get(runId);
    const out: RunEntry[] = [];
    if (!run) return out;
    const { batches } = run;
    // The first batch that holds `after + 1` or later (binary search: a slow run has many).
    let low = 0;
    let high = batches.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((batches[mid] as StoredBatch).last <= after) low = mid + 1;
      else high = mid;
    }
    for (let i = low; i < batches.length && out.length < limit; i++) {
      const { last, bytes, end } = batches[i] as StoredBatch;
      const frames = decoder.decode(bytes);
      splitRunBatch(end ? { last, frames, end } : { last, frames }, after, limit, out);
    }
    return out;
  }

  async info(runId: string): Promise<RunInfo | null> {
    const run = this.#runs.get(runId);
    return run ? { ...run.info } : null;
  }

  async activeRun(threadId: string): Promise<string | null> {
    return this.#active.get(threadId) ?? null;
  }

  async subscribe(runId: string, onAppend: () => void): Promise<() => void> {
    const run = this.#runs.get(runId);
    if (!run) return () => undefined;
    run.listeners.add(onAppend);
    return () => run.listeners.delete(onAppend);
  }

  async renewLease(runId: string, owner: string, leaseMs: number): Promise<LeaseRenewal> {
    const run = this.#runs.get(runId);
    if (!run || run.info.ended || run.info.owner !== owner) {
      return { held: false, stopRequested: run?.info.stopRequested ?? false };
    }
    run.info.leaseUntil = Date.now() + leaseMs;
    return { held: true, stopRequested: run.info.stopRequested };
  }

  async takeOver(runId: string, owner: string, leaseMs: number): Promise<boolean> {
    const run = this.#runs.get(runId);
    if (!run || run.info.ended || run.info.leaseUntil > Date.now()) return false;
    run.info.owner = owner;
    run.info.leaseUntil = Date.now() + leaseMs;
    return true;
  }

  async expiredRuns(limit: number): Promise<string[]> {
    const now = Date.now();
    const expired: string[] = [];
    for (const runId of this.#active.values()) {
      const run = this.#runs.get(runId);
      if (run && run.info.leaseUntil <= now) expired.push(runId);
      if (expired.length >= limit) break;
    }
    return expired;
  }

  async requestStop(threadId: string): Promise<string | null> {
    const runId = this.#active.get(threadId);
    const run = runId ? this.#runs.get(runId) : undefined;
    if (!run) return null;
    run.info.stopRequested = true;
    for (const listener of this.#stopListeners) listener(run.info.runId);
    return run.info.runId;
  }

  async onStop(listener: (runId: string) => void): Promise<() => void> {
    this.#stopListeners.add(listener);
    return () => this.#stopListeners.delete(listener);
  }

  async close(): Promise<void> {
    clearInterval(this.#sweeper);
    this.#sweeper = undefined;
  }
}
