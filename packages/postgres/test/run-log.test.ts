import { describeRunLogConformance } from "@threadkit/server/testing";
import { afterAll } from "vitest";
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
