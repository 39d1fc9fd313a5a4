import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Tests import the workspace packages from source, so no build is needed before `npm test`.
const src = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const alias = [
  { find: /^@threadkit\/core$/, replacement: src("./packages/core/src/index.ts") },
  {
    find: /^@threadkit\/server\/agents$/,
    replacement: src("./packages/server/src/agents/index.ts"),
  },
  {
    find: /^@threadkit\/server\/testing$/,
    replacement: src("./packages/server/src/testing/index.ts"),
  },
  { find: /^@threadkit\/server$/, replacement: src("./packages/server/src/index.ts") },
  { find: /^@threadkit\/postgres$/, replacement: src("./packages/postgres/src/index.ts") },
  { find: /^@threadkit\/redis$/, replacement: src("./packages/redis/src/index.ts") },
  { find: /^@threadkit\/testing\/vitest$/, replacement: src("./packages/testing/src/vitest.ts") },
  { find: /^@threadkit\/testing$/, replacement: src("./packages/testing/src/index.ts") },
  { find: /^@threadkit\/client$/, replacement: src("./packages/client/src/index.ts") },
  { find: /^@threadkit\/react$/, replacement: src("./packages/react/src/index.ts") },
];

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["packages/*/test/**/*.test.ts", "examples/*/test/**/*.test.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "browser",
          include: ["tests/e2e/**/*.test.ts"],
          globalSetup: ["tests/e2e/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
