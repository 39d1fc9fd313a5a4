import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { describeRunLogConformance } from "@threadkit/server/testing";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { PostgresRunLog } from "../src/run-log.js";
import { DATABASE_URL, dropSchema, testSchema } from "./helpers/database.js";

// One schema for the file: every test's runs and threads have ids of their own.
const schema = testSchema("runs");
afterAll(() => dropSchema(schema));

describeRunLogConformance(
  "PostgresRunLog",
  (retention) => new PostgresRunLog({ connectionString: DATABASE_URL, schema, ...retention }),
  { shared: true },
);

describe("PostgresRunLog.append", () => {
  it("holds an append's frames while the database answers, not its entries", async () => {
    setFlagsFromString("--expose-gc");
    const gc = runInNewContext("gc") as () => void;
    const log = new PostgresRunLog({ connectionString: DATABASE_URL, schema });
    const locker = new pg.Client({ connectionString: DATABASE_URL });
    await locker.connect();
    try {
      await log.start({
        runId: "run_held",
        threadId: "thr_held",
        owner: "inst_a",
        leaseMs: 10_000,
        resumable: true,
        context: "{}",
        bodyHash: "",
      });
      // Made in a function of its own, so that only the log could still hold them.
      const send = () => {
        const entries = Array.from({ length: 200 }, (_, i) => ({
          seq: i + 1,
          data: JSON.stringify({ type: "progress_update", text: `e${i + 1}` }),
        }));
        return { sent: log.append("run_held", "inst_a", entries), entries: new WeakRef(entries) };
      };
      // The append waits on the lock until the test commits: it stays in flight while the test
      // turns the event loop (a WeakRef's target is kept until the turn that made it ends).
      await locker.query("BEGIN");
      await locker.query(`LOCK TABLE "${schema}".run_batches IN ACCESS EXCLUSIVE MODE`);
      const { sent, entries } = send();
      await new Promise((resolve) => setImmediate(resolve));
      gc();
      expect(entries.deref()).toBeUndefined();
      await locker.query("COMMIT");
      await sent;
      expect(await log.read("run_held", 0, 1000)).toHaveLength(200);
    } finally {
      await locker.end();
      await log.close();
    }
  });
});
