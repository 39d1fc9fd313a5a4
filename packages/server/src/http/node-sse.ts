import type { ServerResponse } from "node:http";
import {
  type SseChunk,
  STREAM_FAILED_FRAME,
  type StreamingResult,
  UNCOMMITTED_FRAMES,
} from "../results.js";
import { SSE_HEARTBEAT } from "../sse.js";
import { logError } from "../util.js";
import type { RequestAbort } from "./common.js";

function waitForDrain(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    // A destroyed response never emits `drain` again (and `close` may already have fired).
    if (res.destroyed) {
      resolve();
      return;
    }
    const done = () => {
      res.off("drain", done);
      res.off("close", done);
      resolve();
    };
    res.on("drain", done);
    res.on("close", done);
  });
}

/** The most a batch of SSE chunks holds, in UTF-16 units, before it is written. */
const BATCH_CHARS = 64 * 1024;

/** The `: keep-alive` comment as text, like the frames the node handler writes. */
const HEARTBEAT = new TextDecoder().decode(SSE_HEARTBEAT);

/**
 * Writes a streaming result to `res` as SSE and ends it (the node handler's streaming half): the
 * frames of a tick in one write, `: keep-alive` after `heartbeatMs` idle (0: never), writes paused
 * while the socket is full. A gone client (`controller` aborted, `res` destroyed) stops the
 * stream, which runs the cancellation path.
 */
export async function writeSse(
  res: ServerResponse,
  result: StreamingResult,
  heartbeatMs: number,
  controller: RequestAbort,
): Promise<void> {
  // The request's writes are committed once per batch, just before it is written: the client
  // never sees an event before the writes that precede it are durable, and the writes of one
  // request (an action's updated card and its reply) usually share one commit.
  const frames = result[UNCOMMITTED_FRAMES]();
  // A plain request's link is a plain object (see ClientLink): its `aborted` is a field read.
  const { signal } = controller;
  // Events produced in the same tick are joined into one write: a `res.write` per event (chunk
  // framing, stream bookkeeping) cost more than building the event. The frames come as text and
  // a batch is encoded once, by the write, rather than per event. A batch goes out at the end of
  // the tick, or sooner once it holds BATCH_CHARS; a full socket still pauses the reads.
  const batch: SseChunk[] = [];
  let size = 0;
  let drained: Promise<void> | undefined;
  const flush = () => {
    if (batch.length === 0) return;
    // A resumable run's appends come as bytes, encoded once for its log and its readers.
    let data: SseChunk =
      batch.length === 1
        ? (batch[0] as SseChunk)
        : batch.every((chunk) => typeof chunk === "string")
          ? batch.join("")
          : Buffer.concat(
              batch.map((chunk) => (typeof chunk === "string" ? Buffer.from(chunk) : chunk)),
            );
    batch.length = 0;
    size = 0;
    if (res.destroyed) return;
    try {
      result.commitWrites();
    } catch (error) {
      // The batch's writes are lost: end with an error the client can retry instead.
      logError("Stream failed: its writes could not be committed", error);
      data = STREAM_FAILED_FRAME;
      controller.abort();
    }
    if (!res.write(data)) {
      drained ??= waitForDrain(res).then(() => {
        drained = undefined;
      });
    }
  };
  // Heartbeats (SsePump's rules, without a promise and closures per event): when a read of the
  // next frame has waited `heartbeatMs`, the comment is written. One timer serves the stream; when
  // it fires early it is re-armed for the rest of the idle time, and it is not re-armed while no
  // read is waiting (the next read arms it).
  let reading = false;
  let since = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const tick = () => {
    timer = undefined;
    if (!reading) return;
    const idle = Date.now() - since;
    if (idle < heartbeatMs) {
      timer = setTimeout(tick, heartbeatMs - idle);
      return;
    }
    batch.push(HEARTBEAT);
    flush();
    since = Date.now();
    timer = setTimeout(tick, heartbeatMs);
  };
  try {
    for (;;) {
      if (drained) await drained;
      if (heartbeatMs > 0) {
        since = Date.now();
        reading = true;
        timer ??= setTimeout(tick, heartbeatMs);
      }
      // The source's own promise, then its chunk: no promise of the reader's own per event.
      let next: IteratorResult<SseChunk, undefined> | Promise<IteratorResult<SseChunk, undefined>>;
      try {
        next = frames.chunk(await frames.next());
      } catch (error) {
        next = frames.failed(error);
      }
      if (next instanceof Promise) next = await next;
      reading = false;
      if (next.done || signal.aborted || res.destroyed) break;
      const chunk = next.value;
      batch.push(chunk);
      size += chunk.length;
      if (batch.length === 1) process.nextTick(flush);
      else if (size >= BATCH_CHARS) flush();
    }
  } catch (error) {
    logError("Stream failed", error);
    res.destroy();
    return;
  } finally {
    reading = false;
    clearTimeout(timer);
    if (signal.aborted || res.destroyed) controller.abort();
    // Ends the stream (after an abort, this lets the cancellation path finish).
    try {
      await frames.return();
    } catch (error) {
      logError("Stream ended with an error", error);
    }
  }
  flush();
  res.end();
}
