import { type RunEndReason, type RunEntry, RunFencedError } from "./log.js";

/**
 * The entries of one append stored as one value: their data lines joined by `"\n"` (a data line
 * never holds a newline: it is an SSE `data:` line), numbered by the seq of the last. A run log
 * that keeps one string per append instead of an object and a string per event gives the garbage
 * collector far fewer things to walk while a run is kept, and writes one value per append to a
 * shared log. For {@link RunLog} implementations.
 */
export interface RunBatch {
  /** Seq of the batch's last entry (the first is `last - lineCount + 1`). */
  last: number;
  /** The entries' data, joined by `"\n"`. */
  lines: string;
  /** Set when the batch's last entry ends the run. */
  end?: RunEndReason;
}

/**
 * The batch of `entries` (numbered without gaps, an end only on the last). Throws
 * {@link RunFencedError} on a gap, as an append must.
 */
export function joinRunEntries(runId: string, entries: readonly RunEntry[]): RunBatch {
  const first = (entries[0] as RunEntry).seq;
  const lines: string[] = new Array(entries.length);
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i] as RunEntry;
    if (entry.seq !== first + i) throw new RunFencedError(`Run ${runId}: seq gap in a batch`);
    lines[i] = entry.data;
  }
  const last = entries[entries.length - 1] as RunEntry;
  const lineText = lines.length === 1 ? (lines[0] as string) : lines.join("\n");
  return last.end
    ? { last: last.seq, lines: lineText, end: last.end }
    : { last: last.seq, lines: lineText };
}

/**
 * Adds to `out` the entries of `batch` with `seq > after`, until `out` holds `limit`. Returns
 * the seq of the batch's first entry.
 */
export function splitRunBatch(
  batch: RunBatch,
  after: number,
  limit: number,
  out: RunEntry[],
): number {
  const lines = batch.lines.split("\n");
  const first = batch.last - lines.length + 1;
  for (let i = Math.max(0, after + 1 - first); i < lines.length && out.length < limit; i++) {
    const seq = first + i;
    const data = lines[i] as string;
    out.push(batch.end && seq === batch.last ? { seq, data, end: batch.end } : { seq, data });
  }
  return first;
}
