import type { ThreadStreamEvent } from "@threadkit/core";
import { createParser } from "eventsource-parser";

/**
 * Resumable replies (Threadkit servers only): a streaming response that names its run
 * (`Threadkit-Run`) numbers its events `<runId>:<seq>` and closes with `event: threadkit.end`.
 * When the connection drops before that, the reply is followed again from the last event id,
 * with backoff, on `GET <url>?thread_id=…` + `Last-Event-ID`; events already seen are dropped.
 * Responses without `Threadkit-Run` (any ChatKit server) are read exactly as before.
 */

/** Request header that opts in to resumable replies. */
export const RESUME_HEADER = "Threadkit-Resume";
/** Response header naming the run of a resumable reply. */
export const RUN_HEADER = "Threadkit-Run";
/** Response header of `threads.get_by_id` naming the thread's running reply. */
export const ACTIVE_RUN_HEADER = "Threadkit-Active-Run";

/** How a followed run ended: its end reason, or `gone` when its events had expired (reload). */
export type RunOutcome = "completed" | "cancelled" | "failed" | "gone";

/** What the transport records about the resumable reply it is reading. */
export interface RunTracker {
  /** Set once the response names its run. */
  runId?: string;
  /** Set when the run's end was read (or its events were gone). */
  outcome?: RunOutcome;
}

/** One SSE block as the parser sees it. */
interface Frame {
  id: string | undefined;
  event: string | undefined;
  data: string;
}

/** The SSE frames of a body, with their `id` and `event` fields. */
export async function* readFrames(body: ReadableStream<Uint8Array>): AsyncGenerator<Frame> {
  const queue: Frame[] = [];
  const parser = createParser({
    onEvent(event) {
      queue.push({ id: event.id, event: event.event, data: event.data });
    },
  });
  const reader = body.getReader();
  const decoder = new TextDecoder();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      parser.feed(decoder.decode(value, { stream: true }));
      while (queue.length > 0) yield queue.shift() as Frame;
    }
    // A block without its blank line was cut: it is not an event (its id is not committed).
  } finally {
    reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}

/** Waits after the n-th failed attempt in a row: 250 ms doubling to 4 s, with jitter. */
function backoff(attempt: number, signal: AbortSignal): Promise<void> {
  const base = Math.min(4000, 250 * 2 ** attempt);
  const ms = base / 2 + Math.random() * (base / 2);
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done);
  });
}

/** Failed attempts in a row (no event received) before the reply is given up. */
const MAX_ATTEMPTS = 8;

/** What {@link followRun} needs from the transport. */
export interface FollowOptions {
  runId: string;
  /** The last seq already received (0: from the start). */
  after: number;
  /** The thread of the run when known (sent as `thread_id`). */
  threadId: () => string | null;
  /** Sends the resume GET for `<runId>:<after>`. */
  resume(lastEventId: string, threadId: string | null, signal: AbortSignal): Promise<Response>;
  /** Turns a failed response into the error to throw (404, 400, …). */
  fail(response: Response): Promise<Error>;
  /** Validates an event's JSON (null: skip it). */
  toEvent(data: unknown): ThreadStreamEvent | null;
  signal: AbortSignal;
  tracker: RunTracker;
}

function abortError(): DOMException {
  return new DOMException("The operation was aborted.", "AbortError");
}

/**
 * Yields a run's events after `after` from `first` (the POST's response) and, whenever the
 * connection drops before the end, from resumes; sets `tracker.outcome` at the end.
 */
export async function* followRun(
  first: Response | null,
  options: FollowOptions,
): AsyncGenerator<ThreadStreamEvent> {
  const { runId, signal, tracker } = options;
  let after = options.after;
  let response = first;
  let attempt = 0;
  for (;;) {
    if (signal.aborted) throw abortError();
    if (!response) {
      try {
        response = await options.resume(`${runId}:${after}`, options.threadId(), signal);
      } catch (error) {
        if (signal.aborted) throw error;
        if (attempt >= MAX_ATTEMPTS) throw error;
        await backoff(attempt++, signal);
        continue;
      }
      if (response.status === 204) {
        tracker.outcome = "completed";
        return;
      }
      if (response.status === 410) {
        tracker.outcome = "gone";
        return;
      }
      if (response.status >= 500 || response.status === 429) {
        response.body?.cancel().catch(() => undefined);
        response = null;
        if (attempt >= MAX_ATTEMPTS) throw new Error("The reply could not be resumed");
        await backoff(attempt++, signal);
        continue;
      }
      if (!response.ok) throw await options.fail(response);
    }
    const body = response.body;
    response = null;
    try {
      if (body) {
        for await (const frame of readFrames(body)) {
          const seq = Number(frame.id?.slice(frame.id.lastIndexOf(":") + 1));
          if (!Number.isSafeInteger(seq) || seq <= after) continue; // seen already
          after = seq;
          attempt = 0;
          if (frame.event === "threadkit.end") {
            const reason = (JSON.parse(frame.data) as { reason?: string }).reason;
            tracker.outcome = reason === "cancelled" || reason === "failed" ? reason : "completed";
            return;
          }
          let data: unknown;
          try {
            data = JSON.parse(frame.data);
          } catch {
            continue;
          }
          const event = options.toEvent(data);
          if (event) yield event;
        }
      }
    } catch (error) {
      if (signal.aborted) throw error;
      // A network error mid-body: resume below.
    }
    if (signal.aborted) throw abortError();
    // The body ended without the run's end: the connection was lost. Resume.
    if (attempt >= MAX_ATTEMPTS) throw new Error("The reply could not be resumed");
    await backoff(attempt++, signal);
  }
}
