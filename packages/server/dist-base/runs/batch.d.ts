import { type RunEndReason, type RunEntry } from "./log.js";
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
export declare function runFrames(runId: string, entries: readonly RunEntry[]): string;
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
export declare function storedBatch(runId: string, entries: readonly RunEntry[], bytes?: Uint8Array): StoredBatch;
/**
 * Adds to `out` the entries of `batch` with `seq > after`, until `out` holds `limit`. A frame's
 * data is what follows its `data: `; a data line never holds a newline, so frames split on the
 * blank line between them.
 */
export declare function splitRunBatch(batch: RunBatch, after: number, limit: number, out: RunEntry[]): void;
//# sourceMappingURL=batch.d.ts.map