/**
 * Discarding the rest of a refused request body before answering: a server that answers 413 and
 * closes while the client is still sending makes the client see a reset (`EPIPE`) instead of the
 * answer. The drain is bounded, so a client cannot hold the connection open forever.
 */
import type { IncomingMessage } from "node:http";
/** At most this much more is read and thrown away: 16 MiB. */
export declare const DRAIN_MAX_BYTES: number;
/** For at most this long: 10 s. */
export declare const DRAIN_MAX_MS = 10000;
/**
 * Reads and discards what is left of `req` (up to {@link DRAIN_MAX_BYTES} or {@link DRAIN_MAX_MS});
 * resolves when it ended, was cut short, or hit a bound.
 */
export declare function drainNode(req: IncomingMessage): Promise<void>;
/** The same for a web stream reader; the reader is cancelled afterwards (at the bound, or done). */
export declare function drainReader(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<void>;
//# sourceMappingURL=drain.d.ts.map