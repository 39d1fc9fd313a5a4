import { randomBytes } from "node:crypto";
import { RedisRunLog } from "@threadkit/redis";
import { describeRunLogConformance } from "@threadkit/server/testing";
import { createClient } from "redis";
import { afterAll } from "vitest";

const url = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const keyPrefix = `tk-test-${randomBytes(6).toString("hex")}:`;

describeRunLogConformance(
  "RedisRunLog",
  (retention) => new RedisRunLog({ url, keyPrefix, ...retention }),
  {
    shared: true,
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
