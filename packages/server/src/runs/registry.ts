import { HttpError } from "../errors.js";
import { eventJson } from "../event-json.js";
import type { PipelineHost } from "../pipeline.js";
import { randomHex } from "../store/ids.js";
import { logError } from "../util.js";
import { endData } from "./frames.js";
import { newRunId } from "./ids.js";
import type { RunEntry, RunLog } from "./log.js";
import { MemoryRunLog } from "./memory.js";
import { OwnedRun, type RunHost } from "./owned-run.js";
import { pendingItemsOf } from "./pending.js";
import type { ReaderHost } from "./reader.js";

/** Default lease of a run's owner: another instance may finalise the run this long after it died. */
export const DEFAULT_LEASE_MS = 10_000;
/** Default maximum run time of a detached (resumable) run. */
export const DEFAULT_MAX_RUN_MS = 600_000;
/** How often each instance looks for runs whose owner died (shared logs only). */
const SWEEP_MS = 5000;
/** Entries read per page when a dead owner's run is rebuilt. */
const REBUILD_PAGE = 1000;

const OWNER_DIED = eventJson({ type: "error", code: "stream.error", allow_retry: true });

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
export async function bodyHashOf(body: string | Uint8Array): Promise<string> {
  const bytes = typeof body === "string" ? new TextEncoder().encode(body) : body;
  const digest = await crypto.subtle.digest("SHA-256", bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, "0")).join("");
}

function contextJson(context: unknown): string {
  try {
    return JSON.stringify(context) ?? "null";
  } catch {
    return "null";
  }
}

/**
 * One server's side of the runs: claims threads (one unended run per thread across instances,
 * else 409 `thread_busy`), owns runs (leases, stops, the resumable driver), reads runs for
 * resumes, and finalises runs whose owner died (their lease ran out).
 */
export class RunRegistry<TContext> implements RunHost, ReaderHost {
  readonly log: RunLog;
  readonly instanceId = `inst_${randomHex(16)}`;
  readonly leaseMs: number;
  readonly maxRunMs: number;
  readonly #host: PipelineHost<TContext>;
  readonly #owned = new Map<string, OwnedRun>();
  #stopListener: Promise<() => void> | undefined;
  #sweeper: ReturnType<typeof setInterval> | undefined;

  constructor(host: PipelineHost<TContext>, options: RunRegistryOptions = {}) {
    this.#host = host;
    this.log = options.log ?? new MemoryRunLog();
    this.leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
    this.maxRunMs = options.maxRunMs ?? DEFAULT_MAX_RUN_MS;
  }

  /**
   * Listens for stops and, on a log shared with other instances, sweeps for runs whose owner
   * died. Called when the server starts serving.
   */
  listen(): void {
    this.#stopListener ??= this.log
      .onStop((runId) => this.#owned.get(runId)?.stop())
      .catch((error: unknown) => {
        logError("Listening for run stops failed", error);
        return () => undefined;
      });
    if (!this.#sweeper && !(this.log instanceof MemoryRunLog)) {
      this.#sweeper = setInterval(() => void this.#sweep(), SWEEP_MS);
      this.#sweeper.unref?.();
    }
  }

  async #sweep(): Promise<void> {
    try {
      for (const runId of await this.log.expiredRuns(20)) await this.finalise(runId);
    } catch (error) {
      logError("Sweeping dead runs failed", error);
    }
  }

  owned(runId: string): OwnedRun | undefined {
    return this.#owned.get(runId);
  }

  released(run: OwnedRun): void {
    if (this.#owned.get(run.runId) === run) this.#owned.delete(run.runId);
  }

  /**
   * Starts a run on the thread, or throws 409 `thread_busy` while another one is unended (a run
   * whose owner died is finalised first). Non-resumable runs get their lease at once; resumable
   * ones when driven.
   */
  async claim(claim: RunClaim<TContext>): Promise<OwnedRun> {
    this.listen();
    const runId = newRunId();
    const start = {
      runId,
      threadId: claim.threadId,
      owner: this.instanceId,
      leaseMs: this.leaseMs,
      resumable: claim.resumable,
      context: claim.resumable ? contextJson(claim.context) : "null",
      bodyHash: claim.bodyHash,
    };
    let result = await this.log.start(start);
    if (!result.started) {
      const info = await this.log.info(result.activeRunId);
      if (info && !info.ended && info.leaseUntil <= Date.now()) {
        await this.finalise(info.runId);
        result = await this.log.start(start);
      }
    }
    if (!result.started) {
      throw new HttpError(409, "thread_busy", "A reply is already running on this thread");
    }
    const run = new OwnedRun(this, runId, claim.threadId, claim.resumable, claim.controller);
    this.#owned.set(runId, run);
    if (!claim.resumable) run.hold();
    return run;
  }

  /**
   * `threadkit.runs.stop`: flags the thread's unended run (the caller was authorised for the
   * thread) and tells its owner, wherever it runs.
   */
  async stop(threadId: string, runId?: string): Promise<StopStatus> {
    if (runId) {
      const active = await this.log.activeRun(threadId);
      if (active !== runId) return "already_finished";
    }
    return (await this.log.requestStop(threadId)) ? "stopping" : "already_finished";
  }

  /**
   * Finalises a run whose owner's lease ran out, if this instance wins the takeover: saves the
   * partial reply and the cancellation note from the logged events, then logs an `error` with
   * `allow_retry` and the end (`failed`), which frees the thread. Nothing re-runs.
   */
  async finalise(runId: string): Promise<boolean> {
    const { log } = this;
    if (!(await log.takeOver(runId, this.instanceId, this.leaseMs))) return false;
    const info = await log.info(runId);
    if (!info) return false;
    const entries: RunEntry[] = [];
    if (info.resumable) {
      for (let after = 0; ; ) {
        const page = await log.read(runId, after, REBUILD_PAGE);
        entries.push(...page);
        const last = page[page.length - 1];
        if (!last || last.seq >= info.lastSeq) break;
        after = last.seq;
      }
      try {
        const context = JSON.parse(info.context) as TContext;
        const thread = await this.#host.store.loadThread(info.threadId, context);
        await this.#host.handleStreamCancelled(thread, pendingItemsOf(entries), context);
      } catch (error) {
        logError("Saving a dead run's partial reply failed", error);
      }
    }
    const seq = info.lastSeq;
    const closing: RunEntry[] = info.resumable
      ? [
          { seq: seq + 1, data: OWNER_DIED },
          { seq: seq + 2, data: endData("failed"), end: "failed" },
        ]
      : [{ seq: seq + 1, data: endData("failed"), end: "failed" }];
    await log.append(runId, this.instanceId, closing);
    return true;
  }

  /** Stops listening and sweeping (runs in progress go on). */
  async close(): Promise<void> {
    clearInterval(this.#sweeper);
    this.#sweeper = undefined;
    const unsubscribe = await this.#stopListener;
    this.#stopListener = undefined;
    unsubscribe?.();
  }
}
