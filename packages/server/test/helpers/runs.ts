import type { ThreadStreamEvent } from "@threadkit/core";
import type { HandlerOptions, RunLog } from "@threadkit/server";
import { OwnedRun, type RunHost } from "../../src/runs/owned-run.js";
import { now } from "./server.js";

/** One SSE block of a resumable stream. */
export interface Frame {
  id?: string;
  event?: string;
  retry?: string;
  data?: Record<string, unknown>;
}

/** Parses SSE text into blocks with their `id`, `event`, `retry` and JSON `data`. */
export function parseFrames(text: string): Frame[] {
  const frames: Frame[] = [];
  for (const block of text.split("\n\n")) {
    if (!block.trim()) continue;
    const frame: Frame = {};
    for (const line of block.split("\n")) {
      const colon = line.indexOf(":");
      if (colon === 0) continue;
      const field = line.slice(0, colon);
      const value = line.slice(colon + 1).replace(/^ /, "");
      if (field === "id") frame.id = value;
      else if (field === "event") frame.event = value;
      else if (field === "retry") frame.retry = value;
      else if (field === "data") frame.data = JSON.parse(value) as Record<string, unknown>;
    }
    if (frame.data || frame.id) frames.push(frame);
  }
  return frames;
}

/** The sequence number of a frame's `id: <runId>:<seq>`. */
export function seqOf(frame: Frame): number {
  return Number(frame.id?.split(":")[1]);
}

/**
 * Lets a test pace a handler: the handler awaits {@link next} before each event; the test calls
 * {@link allow} to let more through. `aborted` records the handler's signal.
 */
export class Pacer {
  #allowed = 0;
  #waiters: Array<() => void> = [];
  produced = 0;
  aborted = false;
  calls = 0;

  allow(n = Number.POSITIVE_INFINITY): void {
    this.#allowed += n;
    const waiters = this.#waiters;
    this.#waiters = [];
    for (const wake of waiters) wake();
  }

  async next(signal: AbortSignal): Promise<boolean> {
    while (this.produced >= this.#allowed) {
      if (signal.aborted) return false;
      await new Promise<void>((resolve) => {
        this.#waiters.push(resolve);
        signal.addEventListener("abort", () => resolve(), { once: true });
      });
    }
    if (signal.aborted) return false;
    this.produced++;
    return true;
  }

  /** A respond hook streaming one assistant message of `count` deltas `"w<i> "`. */
  respond(count: number, itemId = "msg_paced") {
    const pacer = this;
    return async function* (
      thread: { id: string },
      _input: unknown,
      _ctx: unknown,
      options: HandlerOptions,
    ): AsyncIterable<ThreadStreamEvent> {
      pacer.calls++;
      options.signal.addEventListener("abort", () => {
        pacer.aborted = true;
      });
      const item = {
        type: "assistant_message",
        id: itemId,
        thread_id: thread.id,
        created_at: now(),
        content: [{ type: "output_text", text: "", annotations: [] }],
      };
      yield { type: "thread.item.added", item } as ThreadStreamEvent;
      let text = "";
      for (let i = 0; i < count; i++) {
        if (!(await pacer.next(options.signal))) return;
        text += `w${i} `;
        yield {
          type: "thread.item.updated",
          item_id: itemId,
          update: {
            type: "assistant_message.content_part.text_delta",
            content_index: 0,
            delta: `w${i} `,
          },
        } as ThreadStreamEvent;
      }
      yield {
        type: "thread.item.done",
        item: { ...item, content: [{ type: "output_text", text, annotations: [] }] },
      } as ThreadStreamEvent;
    };
  }
}

/** Polls `check` until it returns a value other than undefined/false (what a client would see). */
export async function eventually<T>(check: () => Promise<T> | T, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error("eventually: condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** The instance that owns the runs {@link startRun} makes. */
const OWNER = "instance-a";

/** A resumable run on `log`, owned here and not yet driven (no registry: `released` records). */
export async function startRun(log: RunLog) {
  const released: OwnedRun[] = [];
  const host: RunHost = {
    log,
    instanceId: OWNER,
    leaseMs: 30_000,
    shared: false,
    released: (run) => released.push(run),
  };
  const runId = `run_${Math.random().toString(16).slice(2)}`;
  await log.start({
    runId,
    threadId: `thr_${runId}`,
    owner: OWNER,
    leaseMs: 30_000,
    resumable: true,
    context: "{}",
    bodyHash: "",
  });
  const run = new OwnedRun(host, runId, `thr_${runId}`, true, new AbortController());
  return { run, runId, released };
}

/**
 * A handler that yields `count` events (`text` of `pad` more characters each) as fast as it is
 * asked, stopping on its signal.
 */
export function events(count: number, signal: AbortSignal, pad = 0) {
  const extra = "x".repeat(pad);
  return async function* () {
    for (let i = 1; i <= count && !signal.aborted; i++)
      yield { type: "progress_update", text: `e${i}${extra}` };
  };
}
