import type { SseChunk } from "../results.js";
import { entryFrame, RETRY_LINE } from "./frames.js";
import type { RunEntry, RunLog } from "./log.js";
import { MAX_BATCH, type OwnedRun } from "./owned-run.js";

const decoder = new TextDecoder();

/**
 * Entries read from the log per call: an append's worth. Logs store whole appends and answer with
 * every append a read touches, so a smaller page fetched and split the same append several times
 * over (four times, at 256) for a reader that had fallen behind the owner's memory.
 */
const PAGE = MAX_BATCH;
/** How often a reader waiting on another instance's run checks its record (end, dead owner). */
const CHECK_MS = 1000;

/** What a reader needs from the registry. */
export interface ReaderHost {
  readonly log: RunLog;
  owned(runId: string): OwnedRun | undefined;
  /** Finalises a run whose owner's lease ran out; true when this instance did it. */
  finalise(runId: string): Promise<boolean>;
}

/** The reader's position, advanced as frames are yielded. */
interface Cursor {
  after: number;
  ended: boolean;
}

function* framesOf(runId: string, entries: readonly RunEntry[], cursor: Cursor): Generator<string> {
  for (const entry of entries) {
    if (entry.seq !== cursor.after + 1) {
      // Trimmed under us (a reader far behind a capped log): end; a resume gets 410.
      cursor.ended = true;
      return;
    }
    cursor.after = entry.seq;
    if (entry.end) cursor.ended = true;
    yield entryFrame(runId, entry);
    if (cursor.ended) return;
  }
}

/**
 * Waits for the owned run to log more (or end here), or for `signal`: one abort listener for the
 * reader's life, not one per wait.
 */
function changes(owned: OwnedRun, signal: AbortSignal): { next(): Promise<void>; stop(): void } {
  let resume: (() => void) | undefined;
  const onAbort = () => resume?.();
  signal.addEventListener("abort", onAbort);
  return {
    next: () =>
      new Promise<void>((resolve) => {
        resume = resolve;
        owned.onChange(resolve);
      }),
    stop: () => signal.removeEventListener("abort", onAbort),
  };
}

/**
 * The SSE frames of a run after `after`, then its live events, to its end entry: from this
 * instance's memory when it owns the run, else from the log (subscribed before reading, so
 * nothing falls between). Pulled one frame at a time, so a slow client holds nothing but its
 * socket buffer. The first frame carries the `retry:` line. Stops when `signal` aborts.
 */
export async function* readRun(
  host: ReaderHost,
  runId: string,
  after: number,
  signal: AbortSignal,
): AsyncGenerator<SseChunk> {
  const cursor: Cursor = { after, ended: false };
  let first = true;
  const withRetry = <T extends SseChunk>(frame: T): T | string => {
    if (!first) return frame;
    first = false;
    return RETRY_LINE + (typeof frame === "string" ? frame : decoder.decode(frame));
  };
  const owned = host.owned(runId);
  if (owned) {
    const changed = changes(owned, signal);
    try {
      while (!cursor.ended && !signal.aborted) {
        if (cursor.after < owned.flushedSeq) {
          const chunk = owned.framesFrom(cursor.after + 1);
          if (chunk) {
            // An append's frames go as the bytes the owner encoded for its log and its readers.
            cursor.after = chunk.last;
            if (chunk.ended) cursor.ended = true;
            yield withRetry(chunk.frames);
          } else {
            const entries = await host.log.read(runId, cursor.after, PAGE);
            for (const frame of framesOf(runId, entries, cursor)) yield withRetry(frame);
            if (entries.length === 0) await changed.next();
          }
        } else if (owned.over) break;
        else await changed.next();
      }
    } finally {
      changed.stop();
    }
    if (cursor.ended || signal.aborted) return;
  }
  // Another instance's run (or ours, taken over): follow the log.
  let wake: (() => void) | undefined;
  const unsubscribe = await host.log.subscribe(runId, () => wake?.());
  const onAbort = () => wake?.();
  signal.addEventListener("abort", onAbort);
  try {
    while (!cursor.ended && !signal.aborted) {
      const entries = await host.log.read(runId, cursor.after, PAGE);
      if (entries.length > 0) {
        for (const frame of framesOf(runId, entries, cursor)) yield withRetry(frame);
        continue;
      }
      const notified = await new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => resolve(false), CHECK_MS);
        wake = () => {
          clearTimeout(timer);
          resolve(true);
        };
      });
      wake = undefined;
      if (notified || signal.aborted) continue;
      const info = await host.log.info(runId);
      if (!info) return;
      if (info.ended) {
        // Its last events were logged with its end: read once more; nothing there means the
        // client has them all, or they were trimmed under us (a resume then gets 410).
        const rest = await host.log.read(runId, cursor.after, PAGE);
        if (rest.length === 0) return;
        for (const frame of framesOf(runId, rest, cursor)) yield withRetry(frame);
        continue;
      }
      if (!info.ended && info.lastSeq <= cursor.after && info.leaseUntil <= Date.now()) {
        await host.finalise(runId);
      }
    }
  } finally {
    signal.removeEventListener("abort", onAbort);
    unsubscribe();
  }
}
