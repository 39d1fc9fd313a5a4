import { describeRunLogConformance } from "@threadkit/server/testing";
import pg from "pg";
import { afterAll } from "vitest";
import { PostgresRunLog } from "../src/run-log.js";
import { DATABASE_URL, dropSchema, testSchema } from "./helpers/database.js";

// One schema for the file: every test's runs and threads have ids of their own.
const schema = testSchema("runs");
afterAll(() => dropSchema(schema));

describeRunLogConformance(
  "PostgresRunLog",
  (retention) => new PostgresRunLog({ connectionString: DATABASE_URL, schema, ...retention }),
  {
    shared: true,
    // An append waits on a lock of its table until the locker commits.
    holdAppends: async () => {
      const locker = new pg.Client({ connectionString: DATABASE_URL });
      await locker.connect();
      await locker.query("BEGIN");
      await locker.query(`LOCK TABLE "${schema}".run_batches IN ACCESS EXCLUSIVE MODE`);
      return async () => {
        await locker.query("COMMIT");
        await locker.end();
      };
    },
  },
);
