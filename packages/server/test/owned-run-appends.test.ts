import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { MemoryRunLog, type RunEntry } from "@threadkit/server";
import { describe, expect, it } from "vitest";
import { events, eventually, startRun } from "./helpers/runs.js";

/** An in-memory log whose appends settle `delayMs` late, recording how many were in flight. */
function delayedLog(options: { ordered: boolean; delayMs: number; failAppend?: number }) {
  const stats = { appends: 0, inFlight: 0, maxInFlight: 0, sizes: [] as number[] };
  class DelayedLog extends MemoryRunLog {
    override readonly orderedAppends = options.ordered;
    override async append(
      runId: string,
      owner: string,
      entries: readonly RunEntry[],
      frames?: Uint8Array,
    ): Promise<void> {
      const n = ++stats.appends;
      stats.sizes.push(entries.length);
      stats.inFlight++;
      stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
      // Applied at once (in call order, as an ordered log does), answered late.
      const applied =
        n === options.failAppend
          ? Promise.reject(new Error("the log is down"))
          : super.append(runId, owner, entries, frames);
      applied.catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, options.delayMs));
      stats.inFlight--;
      return applied;
    }
  }
  return { log: new DelayedLog(), stats };
}

describe("the owner's appends", () => {
  it("go several at a time to a log that applies them in call order, and are logged in order", async () => {
    const { log, stats } = delayedLog({ ordered: true, delayMs: 15 });
    const { run, runId } = await startRun(log);
    await run.drive(events(6000, run.controller.signal));
    expect(stats.maxInFlight).toBeGreaterThan(1);
    expect(stats.maxInFlight).toBeLessThanOrEqual(4);
    const logged = await log.read(runId, 0, 10_000);
    expect(logged.map((entry) => entry.seq)).toEqual(logged.map((_, i) => i + 1));
    expect(logged).toHaveLength(6001);
    expect(logged.at(-1)?.end).toBe("completed");
    expect(JSON.parse((logged[5999] as RunEntry).data).text).toBe("e6000");
    // Under load, appends stay large: a new one goes while others are in flight only when full.
    expect(stats.sizes.slice(1, -2).every((size) => size >= 256)).toBe(true);
  });

  it("go one at a time to a log that does not promise the order", async () => {
    const { log, stats } = delayedLog({ ordered: false, delayMs: 15 });
    const { run, runId } = await startRun(log);
    await run.drive(events(3000, run.controller.signal));
    expect(stats.maxInFlight).toBe(1);
    expect(await log.read(runId, 0, 10_000)).toHaveLength(3001);
  });

  it("a failed append stops the run: nothing after it is published, later appends in flight included", async () => {
    const { log, stats } = delayedLog({ ordered: true, delayMs: 15, failAppend: 2 });
    const { run, released } = await startRun(log);
    const firstSize = new Promise<number>((resolve) => {
      const check = () => (run.flushedSeq > 0 ? resolve(run.flushedSeq) : run.onChange(check));
      check();
    });
    await run.drive(events(20_000, run.controller.signal));
    await eventually(() => released.length === 1);
    expect(run.controller.signal.aborted).toBe(true);
    expect(run.over).toBe(true);
    // Only the first append reached readers, though later ones were sent before the failure.
    expect(stats.appends).toBeGreaterThan(2);
    expect(run.flushedSeq).toBe(await firstSize);
    expect(run.flushedSeq).toBe(stats.sizes[0]);
  });

  it("hold only the append's frames while the log answers, not its entries", async () => {
    setFlagsFromString("--expose-gc");
    const gc = runInNewContext("gc") as () => void;
    // Appends applied at once and answered when the test says; the log keeps no entries.
    const sent: Array<WeakRef<readonly RunEntry[]>> = [];
    const answers: Array<() => void> = [];
    class HeldLog extends MemoryRunLog {
      override append(
        runId: string,
        owner: string,
        entries: readonly RunEntry[],
        frames?: Uint8Array,
      ): Promise<void> {
        sent.push(new WeakRef(entries));
        const applied = super.append(runId, owner, entries, frames);
        return new Promise<void>((resolve) => answers.push(resolve)).then(() => applied);
      }
    }
    const log = new HeldLog();
    const { run, runId } = await startRun(log);
    const driven = run.drive(events(3000, run.controller.signal));
    await eventually(() => sent.length > 0);
    gc();
    expect(sent.filter((entries) => entries.deref() !== undefined)).toEqual([]);
    while (!run.over) {
      for (const answer of answers.splice(0)) answer();
      await new Promise((resolve) => setImmediate(resolve));
    }
    await driven;
    expect(await log.read(runId, 0, 10_000)).toHaveLength(3001);
  });
});
