/**
 * A reader of a run this instance owns: served from the owner's memory while it keeps the
 * appends, from the log once it has fallen further behind, and the same frames either way.
 */
import { MemoryRunLog, type RunEntry } from "@threadkit/server";
import { describe, expect, it } from "vitest";
import { MAX_BATCH, type OwnedRun } from "../src/runs/owned-run.js";
import { readRun } from "../src/runs/reader.js";
import { events, startRun } from "./helpers/runs.js";

/** An in-memory log that counts the reads and the entries they gave. */
class CountingLog extends MemoryRunLog {
  reads = 0;
  entriesRead = 0;

  override async read(runId: string, after: number, limit: number): Promise<RunEntry[]> {
    const entries = await super.read(runId, after, limit);
    this.reads++;
    this.entriesRead += entries.length;
    return entries;
  }
}

/** Everything a reader from the start of `run` is sent, as text. */
async function readAll(log: CountingLog, run: OwnedRun): Promise<string> {
  const host = { log, owned: () => run, finalise: async () => false };
  const decoder = new TextDecoder();
  let text = "";
  for await (const chunk of readRun(host, run.runId, 0, new AbortController().signal)) {
    text += typeof chunk === "string" ? chunk : decoder.decode(chunk);
  }
  return text;
}

/** The seq of every frame of `text`, in order. */
const seqsOf = (text: string) =>
  [...text.matchAll(/^id: [^:\n]+:(\d+)$/gm)].map((m) => Number(m[1]));

describe("a reader of a run owned here", () => {
  it("gets the latest appends from memory, several of them, with no read of the log", async () => {
    const log = new CountingLog();
    const { run } = await startRun(log);
    // About 0.6 MB of frames in several appends, all logged before the reader starts.
    await run.drive(events(3000, run.controller.signal, 100));
    const text = await readAll(log, run);
    expect(seqsOf(text)).toEqual(Array.from({ length: 3001 }, (_, i) => i + 1));
    expect(log.reads).toBe(0);
  });

  it("far behind, reads the log an append at a time and is sent the same frames", async () => {
    const log = new CountingLog();
    const { run, runId } = await startRun(log);
    // About 6 MB of frames: most of the run is no longer in the owner's memory.
    const count = 20_000;
    await run.drive(events(count, run.controller.signal, 200));
    const text = await readAll(log, run);
    expect(seqsOf(text)).toEqual(Array.from({ length: count + 1 }, (_, i) => i + 1));
    expect(text).toContain(
      `id: ${runId}:${count}\ndata: {"type":"progress_update","text":"e${count}`,
    );
    // Each read takes whole appends: no append is fetched and split more than once or twice.
    expect(log.reads).toBeGreaterThan(0);
    expect(log.entriesRead).toBeLessThan(count);
    expect(log.reads).toBeLessThanOrEqual(Math.ceil(log.entriesRead / MAX_BATCH) + 1);
  });
});
