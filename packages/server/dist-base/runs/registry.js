import { HttpError } from "../errors.js";
import { eventJson } from "../event-json.js";
import { randomHex } from "../store/ids.js";
import { logError } from "../util.js";
import { endData } from "./frames.js";
import { newRunId } from "./ids.js";
import { MemoryRunLog } from "./memory.js";
import { OwnedRun } from "./owned-run.js";
import { pendingItemsOf } from "./pending.js";
/** Default lease of a run's owner: another instance may finalise the run this long after it died. */
export const DEFAULT_LEASE_MS = 10_000;
/** Default maximum run time of a detached (resumable) run. */
export const DEFAULT_MAX_RUN_MS = 600_000;
/** How often each instance looks for runs whose owner died (shared logs only). */
const SWEEP_MS = 5000;
/** Entries read per page when a dead owner's run is rebuilt. */
const REBUILD_PAGE = 1000;
const OWNER_DIED = eventJson({ type: "error", code: "stream.error", allow_retry: true });
/** SHA-256 of a body, in hex (WebCrypto, on every runtime). */
export async function bodyHashOf(body) {
    const bytes = typeof body === "string" ? new TextEncoder().encode(body) : body;
    const digest = await crypto.subtle.digest("SHA-256", bytes);
    return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, "0")).join("");
}
function contextJson(context) {
    try {
        return JSON.stringify(context) ?? "null";
    }
    catch {
        return "null";
    }
}
/**
 * One server's side of the runs: claims threads (one unended run per thread across instances,
 * else 409 `thread_busy`), owns runs (leases, stops, the resumable driver), reads runs for
 * resumes, and finalises runs whose owner died (their lease ran out).
 */
export class RunRegistry {
    log;
    instanceId = `inst_${randomHex(16)}`;
    leaseMs;
    maxRunMs;
    /** False for the in-memory log: no other instance can take a run over. */
    shared;
    #host;
    #owned = new Map();
    #stopListener;
    #sweeper;
    constructor(host, options = {}) {
        this.#host = host;
        this.log = options.log ?? new MemoryRunLog();
        this.leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
        this.maxRunMs = options.maxRunMs ?? DEFAULT_MAX_RUN_MS;
        this.shared = !(this.log instanceof MemoryRunLog);
    }
    /**
     * Listens for stops and, on a log shared with other instances, sweeps for runs whose owner
     * died. Called when the server starts serving.
     */
    listen() {
        this.#stopListener ??= this.log
            .onStop((runId) => this.#owned.get(runId)?.stop())
            .catch((error) => {
            logError("Listening for run stops failed", error);
            return () => undefined;
        });
        if (!this.#sweeper && this.shared) {
            this.#sweeper = setInterval(() => void this.#sweep(), SWEEP_MS);
            this.#sweeper.unref?.();
        }
    }
    async #sweep() {
        try {
            for (const runId of await this.log.expiredRuns(20))
                await this.finalise(runId);
        }
        catch (error) {
            logError("Sweeping dead runs failed", error);
        }
    }
    owned(runId) {
        return this.#owned.get(runId);
    }
    released(run) {
        if (this.#owned.get(run.runId) === run)
            this.#owned.delete(run.runId);
    }
    /**
     * Starts a run on the thread, or throws 409 `thread_busy` while another one is unended (a run
     * whose owner died is finalised first). Non-resumable runs get their lease at once; resumable
     * ones when driven.
     */
    async claim(claim) {
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
        if (!claim.resumable)
            run.hold();
        return run;
    }
    /**
     * `threadkit.runs.stop`: flags the thread's unended run (the caller was authorised for the
     * thread) and tells its owner, wherever it runs.
     */
    async stop(threadId, runId) {
        if (runId) {
            const active = await this.log.activeRun(threadId);
            if (active !== runId)
                return "already_finished";
        }
        return (await this.log.requestStop(threadId)) ? "stopping" : "already_finished";
    }
    /**
     * Finalises a run whose owner's lease ran out, if this instance wins the takeover: saves the
     * partial reply and the cancellation note from the logged events, then logs an `error` with
     * `allow_retry` and the end (`failed`), which frees the thread. Nothing re-runs.
     */
    async finalise(runId) {
        // In one process a run's owner cannot be dead while its log lives: leases are not renewed.
        if (!this.shared)
            return false;
        const { log } = this;
        if (!(await log.takeOver(runId, this.instanceId, this.leaseMs)))
            return false;
        const info = await log.info(runId);
        if (!info)
            return false;
        const entries = [];
        if (info.resumable) {
            for (let after = 0;;) {
                const page = await log.read(runId, after, REBUILD_PAGE);
                entries.push(...page);
                const last = page[page.length - 1];
                if (!last || last.seq >= info.lastSeq)
                    break;
                after = last.seq;
            }
            try {
                const context = JSON.parse(info.context);
                const thread = await this.#host.store.loadThread(info.threadId, context);
                await this.#host.handleStreamCancelled(thread, pendingItemsOf(entries), context);
            }
            catch (error) {
                logError("Saving a dead run's partial reply failed", error);
            }
        }
        const seq = info.lastSeq;
        const closing = info.resumable
            ? [
                { seq: seq + 1, data: OWNER_DIED },
                { seq: seq + 2, data: endData("failed"), end: "failed" },
            ]
            : [{ seq: seq + 1, data: endData("failed"), end: "failed" }];
        await log.append(runId, this.instanceId, closing);
        return true;
    }
    /** Stops listening and sweeping (runs in progress go on). */
    async close() {
        clearInterval(this.#sweeper);
        this.#sweeper = undefined;
        const unsubscribe = await this.#stopListener;
        this.#stopListener = undefined;
        unsubscribe?.();
    }
}
//# sourceMappingURL=registry.js.map