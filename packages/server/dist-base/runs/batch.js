import { entryFrame } from "./frames.js";
import { RunFencedError } from "./log.js";
/** The SSE frames of `entries` (see {@link RunBatch}), joined once. */
export function runFrames(runId, entries) {
    if (entries.length === 1)
        return entryFrame(runId, entries[0]);
    return entries.map((entry) => entryFrame(runId, entry)).join("");
}
const encoder = new TextEncoder();
/**
 * The stored form of `entries` (numbered without gaps, an end only on the last), from the bytes
 * of their frames when the owner encoded them already. Throws {@link RunFencedError} on a gap,
 * as an append must.
 */
export function storedBatch(runId, entries, bytes) {
    const first = entries[0].seq;
    for (let i = 1; i < entries.length; i++) {
        if (entries[i].seq !== first + i) {
            throw new RunFencedError(`Run ${runId}: seq gap in a batch`);
        }
    }
    const last = entries[entries.length - 1];
    const stored = bytes ?? encoder.encode(runFrames(runId, entries));
    return last.end
        ? { last: last.seq, bytes: stored, end: last.end }
        : { last: last.seq, bytes: stored };
}
/**
 * Adds to `out` the entries of `batch` with `seq > after`, until `out` holds `limit`. A frame's
 * data is what follows its `data: `; a data line never holds a newline, so frames split on the
 * blank line between them.
 */
export function splitRunBatch(batch, after, limit, out) {
    const frames = batch.frames.split("\n\n");
    frames.pop(); // after the last frame's blank line
    const first = batch.last - frames.length + 1;
    for (let i = Math.max(0, after + 1 - first); i < frames.length && out.length < limit; i++) {
        const frame = frames[i];
        const seq = first + i;
        const data = frame.slice(frame.indexOf("\ndata: ") + 7);
        out.push(batch.end && seq === batch.last ? { seq, data, end: batch.end } : { seq, data });
    }
}
//# sourceMappingURL=batch.js.map