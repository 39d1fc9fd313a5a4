import { eventJson } from "../event-json.js";
import { logError } from "../util.js";
import { encodedFrames } from "./batch.js";
import { endData } from "./frames.js";
import type { RunEndReason, RunEntry, RunLog } from "./log.js";

/** Unflushed entries above which the handler waits for the log (two full appends). */
const MAX_UNFLUSHED = 2048;
/** Events a handler that never waits may yield before the driver gives the event loop a turn. */
const YIELD_EVERY = 256;
/**
 * The most entries, and about the most bytes of data, one append carries (bounds the buffers of
 * one write to a shared log; an append takes at least one entry). Larger than a turn's events:
 * an append's reply is read at the next turn at the earliest, so appends of one turn's events
 * could never catch up once a slow reply let a backlog form, and the handler was held back at
 * almost every turn (70 waits in a 20,000-event run on Redis; 1 to 12 with catch-up appends).
 */
export const MAX_BATCH = 1024;
const MAX_BATCH_BYTES = 256 * 1024;
/**
 * Bytes of the latest appends kept in memory for this instance's own readers (whole appends, the
 * newest always); a reader further behind reads the log. About four full appends: a reader
 * waiting for its socket to drain while appends in flight settle still finds the next one here.
 * (Half an append, as before, had the bench's own reader of a 20,000-event reply on Redis fall
 * behind it and read 0.2 to 1.7 MB of the reply back from the log.)
 */
const RING_BYTES = 4 * MAX_BATCH_BYTES;
/**
 * Appends sent and not yet settled, at most, on a log that applies them in call order
 * ({@link RunLog.orderedAppends}; otherwise one at a time). With one at a time, a round trip to
 * Redis (2.5 ms at the median, 9 at p90 while the handler kept the event loop busy) held the
 * handler back at the unflushed bound: its main thread sat idle a sixth of a 20,000-event run.
 */
const MAX_IN_FLIGHT = 4;

const STREAM_FAILED = '{"type":"error","code":"stream.error","allow_retry":true}';

/** An append kept for this instance's readers: entries `first` to `last` as SSE text in UTF-8. */
export interface Chunk {
  first: number;
  last: number;
  frames: Uint8Array;
  /** The append ends the run. */
  ended: boolean;
}

const encoder = new TextEncoder();

/** Where `needle` first occurs in `bytes`, or -1. */
function indexOfBytes(bytes: Uint8Array, needle: Uint8Array): number {
  const first = needle[0];
  for (
    let at = bytes.indexOf(first as number);
    at >= 0;
    at = bytes.indexOf(first as number, at + 1)
  ) {
    let i = 1;
    while (i < needle.length && bytes[at + i] === needle[i]) i++;
    if (i === needle.length) return at;
  }
  return -1;
}

/** What an owned run needs from its registry. */
export interface RunHost {
  readonly log: RunLog;
  readonly instanceId: string;
  readonly leaseMs: number;
  /** True when other instances share the log (leases are then renewed). */
  readonly shared: boolean;
  released(run: OwnedRun): void;
}

/**
 * A run this instance owns: holds the lease, aborts the handler on a stop, and, when resumable,
 * drives the handler to its end whoever reads (a disconnect detaches), numbering events and
 * appending them to the log before any reader gets them.
 */
export class OwnedRun {
  readonly runId: string;
  readonly threadId: string;
  readonly resumable: boolean;
  /** Aborts the handler's signal (stop, maximum run time, lost lease). */
  readonly controller: AbortController;
  readonly #host: RunHost;
  #seq = 0;
  /** The last seq the log holds (readers may be sent up to it). */
  flushedSeq = 0;
  /** Set when the run is over here (ended, or fenced off by another instance). */
  over = false;
  readonly #unflushed: RunEntry[] = [];
  /** A send of the unflushed entries is due at the next turn. */
  #sendDue = false;
  /** Appends sent and not yet settled. */
  #inFlight = 0;
  /** Settles after the last append sent is settled: appends are published in the order sent. */
  #published: Promise<void> = Promise.resolve();
  /** The latest appends, oldest first, as their readers are sent them. */
  readonly #ring: Chunk[] = [];
  #ringBytes = 0;
  #waiters: Array<() => void> = [];
  #leaseTimer: ReturnType<typeof setInterval> | undefined;
  #maxTimer: ReturnType<typeof setTimeout> | undefined;
  #finished = false;

  constructor(
    host: RunHost,
    runId: string,
    threadId: string,
    resumable: boolean,
    controller: AbortController,
  ) {
    this.#host = host;
    this.runId = runId;
    this.threadId = threadId;
    this.resumable = resumable;
    this.controller = controller;
  }

  /**
   * Starts renewing the lease (a third of its length; only on a log other instances share: in
   * one process the owner cannot die without its log) and, if given, the maximum run time.
   */
  hold(maxRunMs?: number): void {
    if (maxRunMs && maxRunMs > 0 && !this.#maxTimer) {
      this.#maxTimer = setTimeout(() => this.stop(), maxRunMs);
      this.#maxTimer.unref?.();
    }
    if (this.#leaseTimer || !this.#host.shared) return;
    const { log, instanceId, leaseMs } = this.#host;
    this.#leaseTimer = setInterval(() => {
      log.renewLease(this.runId, instanceId, leaseMs).then(
        (lease) => {
          if (!lease.held) this.#fenced();
          else if (lease.stopRequested) this.stop();
        },
        (error: unknown) => logError("Renewing a run lease failed", error),
      );
    }, leaseMs / 3);
    this.#leaseTimer.unref?.();
  }

  /** Aborts the handler: the pipeline's cancel path saves the partial reply and the note. */
  stop(): void {
    this.controller.abort();
  }

  /** Another instance finalised the run (our lease ran out): stop the handler, write nothing. */
  #fenced(): void {
    if (this.#finished) return;
    this.over = true;
    this.stop();
    this.#release();
  }

  /**
   * Runs a resumable run's event source to its end, whoever reads: numbers and logs every
   * event, then the end entry. Never throws.
   */
  async drive(source: () => AsyncIterable<unknown>): Promise<void> {
    let failed = false;
    try {
      for await (const event of source()) {
        if ((event as { type?: unknown }).type === "error") failed = true;
        this.#push(eventJson(event));
        if (this.#seq % YIELD_EVERY === 0) {
          // A turn of the event loop now and then: a handler that never waits on I/O would
          // otherwise hold the loop until it is held back below, and the log's write (a client
          // may send on the next turn) would only go out then, instead of while it makes the next
          // events; the turn also reads the log's replies.
          await new Promise<void>((resolve) => setImmediate(resolve));
        }
        // Held back until an append makes room (not until all is flushed).
        while (this.#unflushed.length > MAX_UNFLUSHED && !this.over) {
          await new Promise<void>((resolve) => this.onChange(resolve));
        }
        if (this.over) break;
      }
    } catch (error) {
      logError("Stream failed", error);
      failed = true;
      this.#push(STREAM_FAILED);
    }
    const reason: RunEndReason = this.controller.signal.aborted
      ? "cancelled"
      : failed
        ? "failed"
        : "completed";
    await this.finish(reason);
  }

  #push(data: string, end?: RunEndReason): void {
    if (this.over) return;
    const entry: RunEntry = end ? { seq: ++this.#seq, data, end } : { seq: ++this.#seq, data };
    this.#unflushed.push(entry);
    // Sent once per turn of the event loop: what a fast handler yields in a turn goes as a batch
    // (one round trip to a shared log), a slow one's events one by one.
    if (!this.#sendDue) {
      this.#sendDue = true;
      setImmediate(this.#sendNow);
    }
  }

  readonly #sendNow = () => {
    this.#sendDue = false;
    this.#send();
  };

  /**
   * Sends the unflushed entries as appends, batch by batch (entries pile up while appends are
   * in flight): one at a time, or up to {@link MAX_IN_FLIGHT} on a log that applies them in call
   * order. Each append is published to readers once it and every append before it are logged.
   */
  #send(): void {
    const limit = this.#host.log.orderedAppends ? MAX_IN_FLIGHT : 1;
    while (this.#unflushed.length > 0 && this.#inFlight < limit && !this.over) {
      // While appends are in flight, another goes only when a full one is waiting: under load
      // appends stay large (each costs the log a round of its checks), and the handler is not
      // held back for a round trip.
      const next = this.#nextBatch();
      if (this.#inFlight > 0 && !next.full) break;
      const batch = this.#unflushed.splice(0, next.count);
      // The batch's SSE text, built and encoded once: the log stores it, readers are sent it.
      const frames = encodedFrames(this.runId, batch);
      const last = batch[batch.length - 1] as RunEntry;
      const chunk: Chunk = {
        first: (batch[0] as RunEntry).seq,
        last: last.seq,
        frames,
        ended: !!last.end,
      };
      this.#inFlight++;
      // Only the chunk waits for the log's answer, not the entries: their texts, held through the
      // round trip, were most of what each young-generation collection had to copy.
      const appended = this.#append(batch, frames);
      this.#published = this.#published
        .then(() => appended)
        .then((failure) => this.#settle(chunk, failure));
    }
  }

  /**
   * One append, as a promise that never rejects (its failure is its value): a rejection must not
   * wait unhandled while an earlier append is pending, nor a log that throws escape the turn.
   */
  #append(batch: RunEntry[], frames: Uint8Array): Promise<{ error: unknown } | undefined> {
    try {
      return this.#host.log.append(this.runId, this.#host.instanceId, batch, frames).then(
        () => undefined,
        (error: unknown) => ({ error }),
      );
    } catch (error) {
      return Promise.resolve({ error });
    }
  }

  /** An append settled, in the order sent: its entries go to readers, or the run stops here. */
  #settle(chunk: Chunk, failure: { error: unknown } | undefined): void {
    this.#inFlight--;
    if (this.over) return;
    if (failure) {
      // Fenced (another instance finalised the run) or the log is down: stop the handler; readers
      // end, and clients resume from the log. Appends still in flight are not published.
      logError("Appending to the run log failed", failure.error);
      this.#fenced();
      return;
    }
    this.#ring.push(chunk);
    this.#ringBytes += chunk.frames.byteLength;
    while (this.#ringBytes - (this.#ring[0] as Chunk).frames.byteLength >= RING_BYTES) {
      this.#ringBytes -= (this.#ring.shift() as Chunk).frames.byteLength;
    }
    this.flushedSeq = chunk.last;
    this.#send();
    this.#wake();
  }

  /** Resolves once every pushed entry is logged, or the run is over here. */
  #flushed(): Promise<void> {
    return new Promise((resolve) => {
      const check = () => {
        if (this.over || (this.#unflushed.length === 0 && this.#inFlight === 0)) resolve();
        else this.onChange(check);
      };
      check();
    });
  }

  /**
   * How many unflushed entries the next append takes (see MAX_BATCH), and whether that makes a
   * full append (more entries wait, or it reached one of the bounds).
   */
  #nextBatch(): { count: number; full: boolean } {
    const max = Math.min(this.#unflushed.length, MAX_BATCH);
    let bytes = 0;
    let count = 0;
    while (count < max && bytes < MAX_BATCH_BYTES) {
      bytes += (this.#unflushed[count] as RunEntry).data.length;
      count++;
    }
    return {
      count,
      full: count < this.#unflushed.length || count === MAX_BATCH || bytes >= MAX_BATCH_BYTES,
    };
  }

  #wake(): void {
    const waiters = this.#waiters;
    this.#waiters = [];
    for (const wake of waiters) wake();
  }

  /** Calls `wake` once, when more entries were logged or the run is over here. */
  onChange(wake: () => void): void {
    this.#waiters.push(wake);
  }

  /**
   * The frames of the logged append holding entry `from`, from that entry on, if still in
   * memory (else they must come from the log).
   */
  framesFrom(from: number): Chunk | undefined {
    for (const chunk of this.#ring) {
      if (chunk.last < from) continue;
      if (chunk.first > from) return undefined;
      if (chunk.first === from) return chunk;
      // A reader joining in the middle of an append: its text from that entry's `id:` line (a
      // data line holds no newline, so the line is found only where it starts a frame).
      const at = indexOfBytes(chunk.frames, encoder.encode(`\n\nid: ${this.runId}:${from}\n`));
      return at < 0 ? undefined : { ...chunk, first: from, frames: chunk.frames.subarray(at + 2) };
    }
    return undefined;
  }

  /** Logs the end entry (when resumable) and releases the run; the thread is free again. */
  async finish(reason: RunEndReason): Promise<void> {
    if (this.#finished) return;
    if (this.resumable) {
      this.#push(endData(reason), reason);
      await this.#flushed();
    } else if (!this.over) {
      try {
        await this.#host.log.append(this.runId, this.#host.instanceId, [
          { seq: 1, data: endData(reason), end: reason },
        ]);
      } catch (error) {
        logError("Ending a run failed", error);
      }
    }
    this.#release();
  }

  #release(): void {
    if (this.#finished) return;
    this.#finished = true;
    this.over = true;
    clearInterval(this.#leaseTimer);
    clearTimeout(this.#maxTimer);
    this.#wake();
    this.#host.released(this);
  }
}
