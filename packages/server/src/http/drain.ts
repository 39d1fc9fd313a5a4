/**
 * Discarding the rest of a refused request body before answering: a server that answers 413 and
 * closes while the client is still sending makes the client see a reset (`EPIPE`) instead of the
 * answer. The drain is bounded, so a client cannot hold the connection open forever.
 */
import type { IncomingMessage } from "node:http";

/** At most this much more is read and thrown away: 16 MiB. */
export const DRAIN_MAX_BYTES = 16 * 1024 * 1024;
/** For at most this long: 10 s. */
export const DRAIN_MAX_MS = 10_000;

/**
 * Reads and discards what is left of `req` (up to {@link DRAIN_MAX_BYTES} or {@link DRAIN_MAX_MS});
 * resolves when it ended, was cut short, or hit a bound.
 */
export function drainNode(req: IncomingMessage): Promise<void> {
  if (req.readableEnded || req.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    let seen = 0;
    const done = () => {
      clearTimeout(timer);
      req.off("data", onData);
      req.off("end", done);
      req.off("error", done);
      req.off("close", done);
      resolve();
    };
    const onData = (chunk: Buffer) => {
      seen += chunk.byteLength;
      if (seen > DRAIN_MAX_BYTES) done();
    };
    const timer = setTimeout(done, DRAIN_MAX_MS);
    req.on("data", onData);
    req.on("end", done);
    req.on("error", done);
    req.on("close", done);
    req.resume();
  });
}

/** The same for a web stream reader; the reader is cancelled afterwards (at the bound, or done). */
export async function drainReader(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<void> {
  let seen = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), DRAIN_MAX_MS);
  });
  try {
    for (;;) {
      const next = await Promise.race([reader.read(), timeout]);
      if (next === "timeout" || next.done) break;
      seen += next.value.byteLength;
      if (seen > DRAIN_MAX_BYTES) break;
    }
  } catch {
    // The client went away: nothing left to drain.
  } finally {
    clearTimeout(timer);
    await reader.cancel().catch(() => undefined);
  }
}
