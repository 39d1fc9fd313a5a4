import { randomBytes } from "node:crypto";
import { RedisRunLog } from "@threadkit/redis";
import { RunFencedError, type RunStart } from "@threadkit/server";
import { describeRunLogConformance } from "@threadkit/server/testing";
import { createClient } from "redis";
import { afterAll, describe, expect, it } from "vitest";

const url = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const keyPrefix = `tk-test-${randomBytes(6).toString("hex")}:`;

describeRunLogConformance(
  "RedisRunLog",
  (retention) => new RedisRunLog({ url, keyPrefix, ...retention }),
  {
    shared: true,
    // Redis holds its answers to writes until unpaused.
    holdAppends: async () => {
      const admin = createClient({ url });
      await admin.connect();
      await admin.sendCommand(["CLIENT", "PAUSE", "30000", "WRITE"]);
      return async () => {
        await admin.sendCommand(["CLIENT", "UNPAUSE"]);
        await admin.close();
      };
    },
  },
);

afterAll(async () => {
  // Every key this file made shares its prefix: remove them all.
  const client = createClient({ url });
  await client.connect();
  for await (const keys of client.scanIterator({ MATCH: `${keyPrefix}*`, COUNT: 500 })) {
    if (keys.length > 0) await client.del(keys);
  }
  await client.close();
});

describe("RedisRunLog's append data keys", () => {
  const data = (seq: number) => ({ seq, data: JSON.stringify({ type: "progress_update", seq }) });
  const start = (runId: string, resumable: boolean): RunStart => ({
    runId,
    threadId: `thr_${runId}`,
    owner: "inst_a",
    leaseMs: 10_000,
    resumable,
    context: "{}",
    bodyHash: "ab12",
  });

  it("one per logged append: refused ones deleted, trimmed ones with their entries, ended ones expire with the log", async () => {
    const prefix = `${keyPrefix}dk-${randomBytes(3).toString("hex")}:`;
    const log = new RedisRunLog({ url, keyPrefix: prefix, maxEntries: 4, graceMs: 60_000 });
    const client = createClient({ url });
    await client.connect();
    const dataKeys = async () => {
      const found: string[] = [];
      for await (const keys of client.scanIterator({ MATCH: `${prefix}data:*`, COUNT: 500 })) {
        found.push(...keys);
      }
      return found;
    };
    try {
      await log.start(start("run_a", true));
      for (let seq = 1; seq <= 3; seq++) await log.append("run_a", "inst_a", [data(seq)]);
      expect(await dataKeys()).toHaveLength(3);
      // Refused (a repeat of seq 3, another owner): the log and its keys are as they were.
      await expect(log.append("run_a", "inst_a", [data(3)])).rejects.toBeInstanceOf(RunFencedError);
      await expect(log.append("run_a", "inst_b", [data(4)])).rejects.toBeInstanceOf(RunFencedError);
      expect(await dataKeys()).toHaveLength(3);
      expect(await log.read("run_a", 0, 10)).toEqual([data(1), data(2), data(3)]);
      // Capped at 4 entries: the appends of seq 1 and 2 go, with their keys.
      await log.append("run_a", "inst_a", [data(4), data(5), data(6)]);
      expect(await dataKeys()).toHaveLength(2);
      expect(await log.read("run_a", 2, 10)).toEqual([data(3), data(4), data(5), data(6)]);
      await log.append("run_a", "inst_a", [
        { seq: 7, data: '{"reason":"completed"}', end: "completed" },
      ]);
      for (const key of await dataKeys()) {
        const ttl = await client.pTTL(key);
        expect(ttl).toBeGreaterThan(0);
        expect(ttl).toBeLessThanOrEqual(60_000);
      }
      // A run without a log keeps nothing once it ends.
      await log.start(start("run_b", false));
      await log.append("run_b", "inst_a", [
        { seq: 1, data: '{"reason":"completed"}', end: "completed" },
      ]);
      expect((await dataKeys()).filter((key) => key.includes("{run_b}"))).toEqual([]);
    } finally {
      await log.close();
      await client.close();
    }
  });
});
