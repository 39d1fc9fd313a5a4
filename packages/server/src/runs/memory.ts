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

interface MemoryRun {
  info: RunInfo;
  /** Held entries; `entries[i].seq === firstSeq + i`. */
  entries: RunEntry[];
  listeners: Set<() => void>;
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
  readonly #runs = new Map<string, MemoryRun>();
  readonly #active = new Map<string, string>();
  readonly #stopListeners = new Set<(runId: string) => void>();
  readonly #timers = new Set<ReturnType<typeof setTimeout>>();
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
      entries: [],
      listeners: new Set(),
    });
    return { started: true };
  }

  async append(runId: string, owner: string, entries: readonly RunEntry[]): Promise<void> {
    const run = this.#runs.get(runId);
    if (!run || run.info.ended || run.info.owner !== owner) {
      throw new RunFencedError(`Run ${runId} is not writable by ${owner}`);
    }
    let seq = run.info.lastSeq;
    for (const entry of entries) {
      if (entry.seq !== ++seq) throw new RunFencedError(`Run ${runId}: expected seq ${seq}`);
    }
    for (const entry of entries) {
      run.entries.push(entry);
      if (entry.end) this.#end(run, entry.end);
    }
    run.info.lastSeq = seq;
    const excess = run.entries.length - this.#maxEntries;
    if (excess > 0) run.entries.splice(0, excess);
    for (const listener of run.listeners) listener();
  }

  #end(run: MemoryRun, reason: RunInfo["ended"]): void {
    run.info.ended = reason;
    if (this.#active.get(run.info.threadId) === run.info.runId) {
      this.#active.delete(run.info.threadId);
    }
    this.#later(this.#graceMs, () => {
      run.entries = [];
    });
    this.#later(this.#recordMs, () => this.#runs.delete(run.info.runId));
  }

  #later(ms: number, fn: () => void): void {
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      fn();
    }, ms);
    timer.unref?.();
    this.#timers.add(timer);
  }

  async read(runId: string, after: number, limit: number): Promise<RunEntry[]> {
    const run = this.#runs.get(runId);
    if (!run || run.entries.length === 0) return [];
    const first = (run.entries[0] as RunEntry).seq;
    const start = Math.max(0, after + 1 - first);
    return run.entries.slice(start, start + limit);
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
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
  }
}
