import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describeStoreConformance } from "@threadkit/server/testing";
import { afterAll } from "vitest";
import { MemoryStore } from "../src/store/memory.js";
import { SQLiteStore } from "../src/store/sqlite.js";

type Ctx = { userId: string };
const dir = mkdtempSync(join(tmpdir(), "threadkit-store-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

describeStoreConformance<Ctx>(
  "SQLiteStore (file)",
  () => new SQLiteStore<Ctx>({ path: join(dir, `conf-${++n}.db`), userId: (ctx) => ctx.userId }),
  {
    // A second connection on the same file.
    sibling: (store) =>
      new SQLiteStore<Ctx>({
        path: (store as SQLiteStore<Ctx>).db.name,
        userId: (ctx) => ctx.userId,
      }),
  },
);
describeStoreConformance<Ctx>(
  "SQLiteStore (:memory:)",
  () => new SQLiteStore<Ctx>({ path: ":memory:", userId: (ctx) => ctx.userId }),
);
describeStoreConformance<Ctx>(
  "MemoryStore",
  () => new MemoryStore<Ctx>({ userId: (ctx) => ctx.userId }),
);
