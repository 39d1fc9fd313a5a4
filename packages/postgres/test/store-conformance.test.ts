import { describeStoreConformance } from "@threadkit/server/testing";
import pg from "pg";
import { afterAll } from "vitest";
import { PostgresStore } from "../src/store.js";
import { DATABASE_URL, dropSchema, testSchema } from "./helpers/database.js";

type Ctx = { userId: string };
const pool = new pg.Pool({ connectionString: DATABASE_URL, max: 8 });
const schemas: string[] = [];
afterAll(async () => {
  await pool.end();
  for (const schema of schemas) await dropSchema(schema);
});

// Each test gets an empty schema of its own on a shared pool.
describeStoreConformance<Ctx>(
  "PostgresStore",
  async () => {
    const schema = testSchema("conf");
    schemas.push(schema);
    const store = new PostgresStore<Ctx>({ pool, schema, userId: (ctx) => ctx.userId });
    await store.migrate();
    return store;
  },
  {
    // A second instance with a pool of its own on the same schema.
    sibling: (store) =>
      new PostgresStore<Ctx>({
        connectionString: DATABASE_URL,
        schema: (store as PostgresStore<Ctx>).schema.slice(1, -1),
        userId: (ctx) => ctx.userId,
      }),
  },
);
