import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { afterEach, describe, expect, it } from "vitest";
import {
  type RunEntry,
  RunFencedError,
  type RunLog,
  type RunLogRetention,
  type RunStart,
} from "../runs/log.js";
import { randomHex } from "../store/ids.js";

/** Options of {@link describeRunLogConformance}. */
export interface RunLogConformanceOptions {
  /**
   * True when two logs made by `makeLog` share their backend (Redis, PostgreSQL): then runs,
   * appends and stops made through one are checked to be seen through the other.
   */
  shared?: boolean;
  /**
   * Makes the backend hold its answers to appends (Redis: `CLIENT PAUSE ... WRITE`; PostgreSQL: a
   * lock on the appends' table) until the returned release is called. Given, the suite checks
   * that an append in flight holds its bytes only, not its entries.
   */
  holdAppends?: () => Promise<() => Promise<void>>;
}

async function eventually<T>(check: () => Promise<T>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function entries(from: number, count: number, end?: "end"): RunEntry[] {
  return Array.from({ length: count }, (_, i) => ({
    seq: from + i,
    data: JSON.stringify({ type: "progress_update", text: `é ${from + i} ✓` }),
    ...(end && i === count - 1
      ? { end: "completed" as const, data: '{"reason":"completed"}' }
      : {}),
  }));
}

/**
 * Registers a vitest suite checking a {@link RunLog} against the contract the server relies on:
 * one unended run per thread, appends numbered without gaps and refused from anyone but the
 * owner (a zombie after a takeover), reads in order and by pages, append notifications,
 * leases that expire and can be taken over, durable stop flags with a notification, and
 * retention (events trimmed after the grace time, capped per run).
 *
 * `makeLog` is called for each test (twice for the shared checks) with retention options; logs are
 * closed after the test.
 *
 * @example
 * describeRunLogConformance("MemoryRunLog", (retention) => new MemoryRunLog(retention));
 */
export function describeRunLogConformance(
  name: string,
  makeLog: (retention: RunLogRetention) => RunLog | Promise<RunLog>,
  options: RunLogConformanceOptions = {},
): void {
  describe(`${name} run log conformance`, () => {
    const opened: RunLog[] = [];
    const open = async (retention: RunLogRetention = {}) => {
      const log = await makeLog(retention);
      opened.push(log);
      return log;
    };
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((log) => log.close()));
    });
    const run = (overrides: Partial<RunStart> = {}): RunStart => ({
      runId: `run_${randomHex(24)}`,
      threadId: `thr_${randomHex(16)}`,
      owner: "inst_a",
      leaseMs: 10_000,
      resumable: true,
      context: '{"userId":"alice"}',
      bodyHash: "ab12",
      ...overrides,
    });

    it("allows one unended run per thread and records it", async () => {
      const log = await open();
      const first = run();
      expect(await log.start(first)).toEqual({ started: true });
      expect(await log.start(run({ threadId: first.threadId }))).toEqual({
        started: false,
        activeRunId: first.runId,
      });
      expect(await log.activeRun(first.threadId)).toBe(first.runId);
      expect(await log.activeRun("thr_none")).toBeNull();
      const info = await log.info(first.runId);
      expect(info).toMatchObject({
        runId: first.runId,
        threadId: first.threadId,
        owner: "inst_a",
        resumable: true,
        context: '{"userId":"alice"}',
        bodyHash: "ab12",
        lastSeq: 0,
        ended: null,
        stopRequested: false,
      });
      expect(info?.leaseUntil).toBeGreaterThan(Date.now());
      expect(await log.info("run_unknown")).toBeNull();
      expect(await log.read("run_unknown", 0, 10)).toEqual([]);
    });

    it("appends numbered entries and reads them back in order, by pages", async () => {
      const log = await open();
      const r = run();
      await log.start(r);
      await log.append(r.runId, "inst_a", entries(1, 3));
      await log.append(r.runId, "inst_a", entries(4, 4));
      expect((await log.info(r.runId))?.lastSeq).toBe(7);
      expect(await log.read(r.runId, 0, 100)).toEqual(entries(1, 7));
      expect(await log.read(r.runId, 2, 3)).toEqual(entries(3, 3));
      expect(await log.read(r.runId, 7, 10)).toEqual([]);
    });

    it("appends made back to back are applied in call order when the log says so (orderedAppends)", async () => {
      const log = await open();
      const r = run();
      await log.start(r);
      // The owner sends the next append before the previous one settles only to a log with
      // `orderedAppends`; other logs get them one at a time.
      const appends = [entries(1, 5), entries(6, 300), entries(306, 1), entries(307, 40, "end")];
      if (log.orderedAppends) {
        await Promise.all(appends.map((batch) => log.append(r.runId, "inst_a", batch)));
      } else {
        for (const batch of appends) await log.append(r.runId, "inst_a", batch);
      }
      expect(await log.read(r.runId, 0, 1000)).toEqual(entries(1, 346, "end"));
      expect((await log.info(r.runId))?.ended).toBe("completed");
    });

    it("pages start and stop inside large appends and run over many small ones", async () => {
      const log = await open();
      const r = run();
      await log.start(r);
      await log.append(r.runId, "inst_a", entries(1, 300));
      for (let seq = 301; seq <= 340; seq++) await log.append(r.runId, "inst_a", entries(seq, 1));
      await log.append(r.runId, "inst_a", entries(341, 60, "end"));
      expect(await log.read(r.runId, 150, 100)).toEqual(entries(151, 100));
      expect(await log.read(r.runId, 290, 30)).toEqual(entries(291, 30));
      expect(await log.read(r.runId, 335, 10)).toEqual(entries(336, 10));
      expect(await log.read(r.runId, 0, 1000)).toEqual(entries(1, 400, "end"));
      const paged: RunEntry[] = [];
      for (let page = await log.read(r.runId, 0, 7); page.length > 0; ) {
        paged.push(...page);
        page = await log.read(r.runId, (page.at(-1) as RunEntry).seq, 7);
      }
      expect(paged).toEqual(entries(1, 400, "end"));
    });

    it("refuses appends out of sequence, from another owner, or after the end", async () => {
      const log = await open();
      const r = run();
      await log.start(r);
      await log.append(r.runId, "inst_a", entries(1, 2));
      await expect(log.append(r.runId, "inst_a", entries(2, 1))).rejects.toBeInstanceOf(
        RunFencedError,
      );
      await expect(log.append(r.runId, "inst_a", entries(4, 1))).rejects.toBeInstanceOf(
        RunFencedError,
      );
      await expect(log.append(r.runId, "inst_b", entries(3, 1))).rejects.toBeInstanceOf(
        RunFencedError,
      );
      expect(await log.read(r.runId, 0, 10)).toEqual(entries(1, 2));
      await log.append(r.runId, "inst_a", entries(3, 1, "end"));
      await expect(log.append(r.runId, "inst_a", entries(4, 1))).rejects.toBeInstanceOf(
        RunFencedError,
      );
    });

    it("an end entry ends the run and frees its thread", async () => {
      const log = await open();
      const r = run();
      await log.start(r);
      await log.append(r.runId, "inst_a", entries(1, 3, "end"));
      const info = await log.info(r.runId);
      expect(info).toMatchObject({ ended: "completed", lastSeq: 3 });
      expect(await log.activeRun(r.threadId)).toBeNull();
      expect((await log.read(r.runId, 2, 10))[0]).toMatchObject({ seq: 3, end: "completed" });
      expect(await log.start(run({ threadId: r.threadId }))).toEqual({ started: true });
    });

    it("notifies subscribers of appends", async () => {
      const log = await open();
      const r = run();
      await log.start(r);
      let calls = 0;
      const unsubscribe = await log.subscribe(r.runId, () => calls++);
      await log.append(r.runId, "inst_a", entries(1, 2));
      await eventually(async () => calls > 0);
      unsubscribe();
    });

    it("leases expire; a takeover fences the old owner off", async () => {
      const log = await open();
      // Long enough that a loaded machine does not outlive it between two calls; short to wait out.
      const r = run({ leaseMs: 1500 });
      await log.start(r);
      await log.append(r.runId, "inst_a", entries(1, 2));
      expect(await log.renewLease(r.runId, "inst_a", 1500)).toEqual({
        held: true,
        stopRequested: false,
      });
      expect(await log.takeOver(r.runId, "inst_b", 10_000)).toBe(false);
      expect(await log.expiredRuns(100)).not.toContain(r.runId);
      await eventually(async () => (await log.expiredRuns(100)).includes(r.runId));
      expect(await log.takeOver(r.runId, "inst_b", 10_000)).toBe(true);
      expect(await log.takeOver(r.runId, "inst_c", 10_000)).toBe(false);
      expect((await log.info(r.runId))?.owner).toBe("inst_b");
      expect((await log.renewLease(r.runId, "inst_a", 1500)).held).toBe(false);
      await expect(log.append(r.runId, "inst_a", entries(3, 1))).rejects.toBeInstanceOf(
        RunFencedError,
      );
      await log.append(r.runId, "inst_b", entries(3, 1, "end"));
      expect(await log.takeOver(r.runId, "inst_c", 10_000)).toBe(false);
      expect(await log.expiredRuns(100)).not.toContain(r.runId);
    });

    it("stop requests are durable and announced", async () => {
      const log = await open();
      const r = run();
      await log.start(r);
      const heard: string[] = [];
      const unsubscribe = await log.onStop((runId) => heard.push(runId));
      expect(await log.requestStop("thr_idle")).toBeNull();
      expect(await log.requestStop(r.threadId)).toBe(r.runId);
      await eventually(async () => heard.includes(r.runId));
      expect((await log.info(r.runId))?.stopRequested).toBe(true);
      expect(await log.renewLease(r.runId, "inst_a", 10_000)).toEqual({
        held: true,
        stopRequested: true,
      });
      unsubscribe();
    });

    it("trims an ended run's events after the grace time, keeping its record", async () => {
      const log = await open({ graceMs: 200 });
      const r = run();
      await log.start(r);
      await log.append(r.runId, "inst_a", entries(1, 3, "end"));
      expect(await log.read(r.runId, 0, 10)).toHaveLength(3);
      await eventually(async () => (await log.read(r.runId, 0, 10)).length === 0);
      expect(await log.info(r.runId)).toMatchObject({ lastSeq: 3, ended: "completed" });
    });

    it("caps the entries kept per run, dropping the oldest", async () => {
      const log = await open({ maxEntries: 10 });
      const r = run();
      await log.start(r);
      for (let seq = 1; seq <= 30; seq += 5) await log.append(r.runId, "inst_a", entries(seq, 5));
      const held = await log.read(r.runId, 0, 100);
      expect(held.length).toBeGreaterThanOrEqual(10);
      expect(held.length).toBeLessThan(30);
      expect(held.at(-1)?.seq).toBe(30);
      expect(held.map((e) => e.seq)).toEqual(held.map((_, i) => 31 - held.length + i));
    });

    const { holdAppends } = options;
    if (holdAppends) {
      it("holds an append's bytes while the backend answers, not its entries", async () => {
        setFlagsFromString("--expose-gc");
        const gc = runInNewContext("gc") as () => void;
        const log = await open();
        const r = run();
        await log.start(r);
        // Made in a function of its own, so that only the log could still hold them.
        const send = () => {
          const batch = entries(1, 200);
          return { sent: log.append(r.runId, "inst_a", batch), batch: new WeakRef(batch) };
        };
        const release = await holdAppends();
        let sent: Promise<void>;
        try {
          const appending = send();
          sent = appending.sent;
          // A WeakRef's target is kept until the turn that made it ends.
          await new Promise((resolve) => setImmediate(resolve));
          gc();
          expect(appending.batch.deref()).toBeUndefined();
        } finally {
          await release();
        }
        await sent;
        expect(await log.read(r.runId, 0, 1000)).toHaveLength(200);
      });
    }

    if (options.shared) {
      it("two instances on the same backend see each other's runs, appends and stops", async () => {
        const a = await open();
        const b = await open();
        const r = run();
        await a.start(r);
        expect(await b.start(run({ threadId: r.threadId }))).toMatchObject({ started: false });
        let appended = 0;
        const unsubscribe = await b.subscribe(r.runId, () => appended++);
        const stops: string[] = [];
        const unlisten = await a.onStop((runId) => stops.push(runId));
        await a.append(r.runId, "inst_a", entries(1, 4));
        await eventually(async () => appended > 0);
        expect(await b.read(r.runId, 1, 10)).toEqual(entries(2, 3));
        expect(await b.requestStop(r.threadId)).toBe(r.runId);
        await eventually(async () => stops.includes(r.runId));
        unsubscribe();
        unlisten();
      });
    }
  });
}
