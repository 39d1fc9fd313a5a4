import { entryFrame } from "./frames.js";
import { type RunEndReason, type RunEntry, RunFencedError } from "./log.js";

/**
 * The entries of one append as read back from a log: their SSE frames (`id: <runId>:<seq>`, then
 * `event: threadkit.end` for the closing entry, `data: <json>`, a blank line), numbered up to
 * `last`. For {@link RunLog} implementations, with {@link splitRunBatch}.
 */
export interface RunBatch {
  /** Seq of the batch's last entry. */
  last: number;
  /** The entries' SSE frames, joined. */
  frames: string;
  /** Set when the batch's last entry ends the run. */
  end?: RunEndReason;
}

/** The SSE frames of `entries` (see {@link RunBatch}), joined once. */
export function runFrames(runId: string, entries: readonly RunEntry[]): string {
  if (entries.length === 1) return entryFrame(runId, entries[0] as RunEntry);
  return entries.map((entry) => entryFrame(runId, entry)).join("");
}

/** Entries whose frames are joined and encoded as one text (see {@link encodedFrames}). */
const PIECE = 256;

/**
 * The UTF-8 bytes of {@link runFrames}: the frames of each run of {@link PIECE} entries joined,
 * then written one after another into one buffer (neither zero-filled nor pooled: a log may keep
 * it for minutes). Joining a whole 1,024-entry append into one text (a quarter of a megabyte) cost
 * twice as much per event as pieces of 256 do; encoding each piece to bytes of its own, then
 * copying them together, cost one more allocation and copy per piece.
 */
export function encodedFrames(runId: string, entries: readonly RunEntry[]): Uint8Array {
  const pieces: string[] = [];
  let size = 0;
  for (let from = 0; from < entries.length; from += PIECE) {
    const piece = runFrames(
      runId,
      entries.length <= PIECE ? entries : entries.slice(from, from + PIECE),
    );
    pieces.push(piece);
    size += Buffer.byteLength(piece);
  }
  const bytes = Buffer.allocUnsafeSlow(size);
  let at = 0;
  for (const piece of pieces) at += bytes.write(piece, at);
  return new Uint8Array(bytes.buffer, bytes.byteOffset, size);
}

/**
 * What a log stores for one append: its frames as UTF-8 bytes, the last seq and its end. The owner
 * builds and encodes the frames once per append; the log stores those bytes as they are and the
 * owner's readers are written the same bytes, so an event costs one frame string and a share of
 * one join and one encoding, as on a plain stream. One value per append instead of an object and
 * a string per event also leaves the garbage collector far less to walk.
 */
export interface StoredBatch {
  last: number;
  bytes: Uint8Array;
  end?: RunEndReason;
}

/**
 * The stored form of `entries` (numbered without gaps, an end only on the last), from the bytes
 * of their frames when the owner encoded them already. Throws {@link RunFencedError} on a gap,
 * as an append must.
 */
export function storedBatch(
  runId: string,
  entries: readonly RunEntry[],
  bytes?: Uint8Array,
): StoredBatch {
  const first = (entries[0] as RunEntry).seq;
  for (let i = 1; i < entries.length; i++) {
    if ((entries[i] as RunEntry).seq !== first + i) {
      throw new RunFencedError(`Run ${runId}: seq gap in a batch`);
    }
  }
  const last = entries[entries.length - 1] as RunEntry;
  const stored = bytes ?? encodedFrames(runId, entries);
  return last.end
    ? { last: last.seq, bytes: stored, end: last.end }
    : { last: last.seq, bytes: stored };
}

/**
 * For a {@link RunLog}'s `append` that waits on a backend: `write` gets the stored form of
 * `entries` and its first seq, called from a function that is not async. An async `append` holds
 * its arguments, the entries and their texts, until the backend answers; by then only the batch's
 * bytes are needed. Resolves at once for no entries; a gap rejects with {@link RunFencedError}.
 */
export function appendStoredBatch(
  runId: string,
  entries: readonly RunEntry[],
  frames: Uint8Array | undefined,
  write: (batch: StoredBatch, firstSeq: number) => Promise<void>,
): Promise<void> {
  const first = entries[0];
  if (!first) return Promise.resolve();
  let batch: StoredBatch;
  try {
    batch = storedBatch(runId, entries, frames);
  } catch (error) {
    return Promise.reject(error);
  }
  return write(batch, first.seq);
}

/**
 * Adds to `out` the entries of `batch` with `seq > after`, until `out` holds `limit`. A frame's
 * data is what follows its `data: `; a data line never holds a newline, so frames split on the
 * blank line between them.
 */
export function splitRunBatch(
  batch: RunBatch,
  after: number,
  limit: number,
  out: RunEntry[],
): void {
  const frames = batch.frames.split("\n\n");
  frames.pop(); // after the last frame's blank line
  const first = batch.last - frames.length + 1;
  for (let i = Math.max(0, after + 1 - first); i < frames.length && out.length < limit; i++) {
    const frame = frames[i] as string;
    const seq = first + i;
    const data = frame.slice(frame.indexOf("\ndata: ") + 7);
    out.push(batch.end && seq === batch.last ? { seq, data, end: batch.end } : { seq, data });
  }
}
