import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ThreadStreamEvent } from "@threadkit/core";
import { Button, Card, Text } from "@threadkit/core";
import {
  type ChatKitServerOptions,
  IDEMPOTENCY_STALE_MS,
  IDEMPOTENCY_TTL_MS,
  MemoryStore,
  parseSseEvents,
  SQLiteStore,
  type Store,
  TokenBuckets,
} from "@threadkit/server";
import { afterEach, describe, expect, it } from "vitest";
import { decideClaim } from "../src/store/idempotency.js";
import { ADAPTERS, startAdapter } from "./helpers/http.js";
import { type Ctx, now, OTHER, TEST_ACTIONS, TestServer, USER, until } from "./helpers/server.js";

const CARD = Card({
  children: [
    Text({ value: "Counter" }),
    Button({ label: "Add one", onClickAction: { type: "add_one" } }),
    Button({ label: "Star", onClickAction: { type: "star", streaming: false } }),
  ],
});

let cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const step of cleanup.reverse()) await step();
  cleanup = [];
});

/** A server counting its actions' effects; `gate` holds an action until opened. */
async function counterApp(
  kind: (typeof ADAPTERS)[number],
  store: Store<Ctx>,
  options: ChatKitServerOptions<Ctx> = { actions: TEST_ACTIONS },
) {
  const effects: string[] = [];
  let gate: Promise<void> | undefined;
  let failNext = false;
  const server = new TestServer(
    store,
    {
      async *respond(thread) {
        yield {
          type: "thread.item.done",
          item: {
            type: "widget",
            id: "wdg_c",
            thread_id: thread.id,
            created_at: now(),
            widget: CARD,
          },
        } as ThreadStreamEvent;
      },
      async *action(thread, action) {
        if (gate) await gate;
        if (failNext) {
          failNext = false;
          throw new Error("flaky");
        }
        effects.push(action.type);
        yield {
          type: "thread.item.done",
          item: {
            type: "assistant_message",
            id: `msg_${effects.length}_${thread.id}`,
            thread_id: thread.id,
            created_at: now(),
            content: [{ type: "output_text", text: `done ${effects.length}`, annotations: [] }],
          },
        } as ThreadStreamEvent;
      },
      async syncAction(_thread, action) {
        effects.push(action.type);
        return {};
      },
    },
    undefined,
    options,
  );
  const running = await startAdapter(kind, server);
  cleanup.push(() => running.close());
  const post = (body: unknown, key?: string, user: Ctx = USER) =>
    fetch(running.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-user": user.userId,
        ...(key ? { "idempotency-key": key } : {}),
      },
      body: JSON.stringify(body),
    });
  const created = await post({
    type: "threads.create",
    params: {
      input: {
        content: [{ type: "input_text", text: "hi" }],
        attachments: [],
        inference_options: {},
      },
    },
  });
  const threadId = (parseSseEvents(await created.text())[0] as { thread: { id: string } }).thread
    .id;
  const click = (key?: string, type = "add_one") =>
    post(
      {
        type: type === "star" ? "threads.sync_custom_action" : "threads.custom_action",
        params: { thread_id: threadId, item_id: "wdg_c", action: { type } },
      },
      key,
    );
  return {
    effects,
    post,
    click,
    threadId,
    hold() {
      let open!: () => void;
      gate = new Promise<void>((resolve) => {
        open = resolve;
      });
      return () => {
        gate = undefined;
        open();
      };
    },
    failOnce() {
      failNext = true;
    },
  };
}

function sqliteStore(): SQLiteStore<Ctx> {
  const dir = mkdtempSync(join(tmpdir(), "tk-idem-"));
  const store = new SQLiteStore<Ctx>({ path: join(dir, "chat.db"), userId: (c) => c.userId });
  cleanup.push(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return store;
}

describe.each(ADAPTERS)("Idempotency-Key over the %s adapter (SQLiteStore)", (kind) => {
  it("a repeat of a finished action runs nothing and gets the sender widget as it is now", async () => {
    const app = await counterApp(kind, sqliteStore());
    const first = parseSseEvents(await (await app.click("k-1")).text());
    expect(first.map((e) => (e as { type: string }).type)).toEqual([
      "stream_options",
      "thread.item.done",
    ]);
    const again = await app.click("k-1");
    expect(again.status).toBe(200);
    const replay = parseSseEvents(await again.text()) as Array<{
      type: string;
      item: { id: string };
    }>;
    expect(replay.map((e) => [e.type, e.item.id])).toEqual([["thread.item.replaced", "wdg_c"]]);
    expect(app.effects).toEqual(["add_one"]);
    // Another key is another click.
    await (await app.click("k-2")).text();
    expect(app.effects).toEqual(["add_one", "add_one"]);
  });

  it("a repeat of one still running gets 409, and one effect in all", async () => {
    const app = await counterApp(kind, sqliteStore());
    const open = app.hold();
    const first = app.click("k-run");
    // The first request has claimed the key once its handler is waiting: poll for the 409.
    let second: Response | undefined;
    await until(async () => {
      second = await app.click("k-run");
      if (second.status === 200) throw new Error("the repeat ran");
      return second.status === 409;
    });
    expect(await second?.json()).toEqual({
      error: { code: "action_in_progress", message: "This action is still running" },
    });
    open();
    expect((await first).status).toBe(200);
    await until(() => app.effects.length === 1);
    const late = parseSseEvents(await (await app.click("k-run")).text());
    expect(late.map((e) => (e as { type: string }).type)).toEqual(["thread.item.replaced"]);
    expect(app.effects).toEqual(["add_one"]);
  });

  it("sync actions answer a repeat with the same JSON; a key reused for another request is 422", async () => {
    const app = await counterApp(kind, sqliteStore());
    const a = await app.click("k-sync", "star");
    const b = await app.click("k-sync", "star");
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(await b.text()).toBe(await a.text());
    expect(app.effects).toEqual(["star"]);
    const other = await app.click("k-sync", "add_one");
    expect(other.status).toBe(422);
    expect(((await other.json()) as { error: { code: string } }).error.code).toBe(
      "idempotency_key_reused",
    );
    expect(app.effects).toEqual(["star"]);
  });

  it("a failed or refused action frees its key, so a retry runs", async () => {
    const app = await counterApp(kind, sqliteStore());
    app.failOnce();
    const failed = parseSseEvents(await (await app.click("k-f")).text());
    expect(failed.at(-1)).toMatchObject({ type: "error", code: "stream.error" });
    await (await app.click("k-f")).text();
    expect(app.effects).toEqual(["add_one"]);
    const forged = parseSseEvents(await (await app.click("k-x", "forged")).text());
    expect(forged[0]).toMatchObject({ type: "error", allow_retry: false });
    const bad = await app.click("bad key with spaces");
    expect(bad.status).toBe(400);
  });

  it("keys are per user", async () => {
    const store = sqliteStore();
    await store.saveThread(
      { id: "thr_o", created_at: now(), status: { type: "active" }, metadata: {} } as never,
      OTHER,
    );
    expect(await store.claimIdempotencyKey("k", "f", USER)).toEqual({ state: "claimed" });
    expect(await store.claimIdempotencyKey("k", "f", OTHER)).toEqual({ state: "claimed" });
    expect(await store.claimIdempotencyKey("k", "f", USER)).toEqual({ state: "running" });
  });
});

describe("idempotency records", () => {
  it("expire after 24 h, and a running one is abandoned after 15 min", () => {
    const t = 1_000_000;
    const done = { fingerprint: "f", response: "{}", done: true, createdAt: t };
    expect(decideClaim(done, "f", t + IDEMPOTENCY_TTL_MS - 1)).toEqual({
      state: "done",
      response: "{}",
    });
    expect(decideClaim(done, "f", t + IDEMPOTENCY_TTL_MS)).toEqual({ state: "claimed" });
    const running = { ...done, done: false, response: null };
    expect(decideClaim(running, "f", t + 1)).toEqual({ state: "running" });
    expect(decideClaim(running, "f", t + IDEMPOTENCY_STALE_MS)).toEqual({ state: "claimed" });
    expect(decideClaim(done, "g", t + 1)).toEqual({ state: "mismatch" });
  });

  it("two connections to one SQLite file: one claim wins", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tk-idem-"));
    const path = join(dir, "chat.db");
    const a = new SQLiteStore<Ctx>({ path, userId: (c) => c.userId });
    const b = new SQLiteStore<Ctx>({ path, userId: (c) => c.userId });
    try {
      const claims = await Promise.all([
        a.claimIdempotencyKey("same", "f", USER),
        b.claimIdempotencyKey("same", "f", USER),
      ]);
      expect(claims.map((c) => c.state).sort()).toEqual(["claimed", "running"]);
      await a.completeIdempotencyKey("same", '{"ok":1}', USER);
      expect(await b.claimIdempotencyKey("same", "f", USER)).toEqual({
        state: "done",
        response: '{"ok":1}',
      });
      await b.releaseIdempotencyKey("same", USER);
      expect(await a.claimIdempotencyKey("same", "f", USER)).toEqual({ state: "claimed" });
    } finally {
      a.close();
      b.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("MemoryStore has the same semantics", async () => {
    const store = new MemoryStore<Ctx>({ userId: (c) => c.userId });
    expect(await store.claimIdempotencyKey("k", "f", USER)).toEqual({ state: "claimed" });
    expect(await store.claimIdempotencyKey("k", "f", USER)).toEqual({ state: "running" });
    expect(await store.claimIdempotencyKey("k", "f", OTHER)).toEqual({ state: "claimed" });
    await store.completeIdempotencyKey("k", null, USER);
    expect(await store.claimIdempotencyKey("k", "f", USER)).toEqual({
      state: "done",
      response: null,
    });
    expect(await store.claimIdempotencyKey("k", "g", USER)).toEqual({ state: "mismatch" });
  });
});

describe.each(ADAPTERS)("rate limit over the %s adapter", (kind) => {
  it("a burst gets 429 with Retry-After and a JSON error, per user, and nothing runs", async () => {
    const app = await counterApp(kind, new MemoryStore<Ctx>({ userId: (c) => c.userId }), {
      actions: TEST_ACTIONS,
      rateLimit: { perMinute: 6, burst: 3 },
    });
    // threads.create took one token; two clicks take the rest.
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await app.click();
      statuses.push(res.status);
      if (res.status === 429) {
        expect(res.headers.get("retry-after")).toMatch(/^(?:[1-9]|10)$/);
        expect(res.headers.get("content-type")).toBe("application/json");
        expect(await res.json()).toMatchObject({ error: { code: "rate_limited" } });
      } else await res.text();
    }
    expect(statuses).toEqual([200, 200, 429, 429]);
    expect(app.effects).toEqual(["add_one", "add_one"]);
    // Another user has a bucket of their own.
    const other = await app.post({ type: "threads.list", params: {} }, undefined, OTHER);
    expect(other.status).toBe(200);
    const otherCreate = await app.post(
      {
        type: "threads.create",
        params: {
          input: {
            content: [{ type: "input_text", text: "x" }],
            attachments: [],
            inference_options: {},
          },
        },
      },
      undefined,
      OTHER,
    );
    expect(otherCreate.status).toBe(200);
    await otherCreate.text();
    // Reads are not limited.
    expect((await app.post({ type: "threads.list", params: {} })).status).toBe(200);
  });

  it("rateLimit: false turns it off", async () => {
    const app = await counterApp(kind, new MemoryStore<Ctx>({ userId: (c) => c.userId }), {
      actions: TEST_ACTIONS,
      rateLimit: false,
    });
    for (let i = 0; i < 40; i++)
      expect((await (await app.click()).text()).length).toBeGreaterThan(0);
    expect(app.effects).toHaveLength(40);
  });
});

describe("TokenBuckets", () => {
  it("refills at perMinute and never above burst", () => {
    const buckets = new TokenBuckets({ perMinute: 60, burst: 2 });
    buckets.take("u", 0);
    buckets.take("u", 0);
    expect(() => buckets.take("u", 0)).toThrow(expect.objectContaining({ retryAfter: 1 }));
    expect(() => buckets.take("u", 500)).toThrow();
    buckets.take("u", 1000);
    buckets.take("u", 10_000);
    buckets.take("u", 10_000);
    expect(() => buckets.take("u", 10_000)).toThrow();
    expect(() => new TokenBuckets({ perMinute: 0, burst: 1 })).toThrow(RangeError);
  });

  it("a refund gives a token back, never above burst", () => {
    const buckets = new TokenBuckets({ perMinute: 60, burst: 2 });
    buckets.take("u", 0);
    buckets.refund("u");
    buckets.refund("u");
    buckets.take("u", 0);
    buckets.take("u", 0);
    expect(() => buckets.take("u", 0)).toThrow();
    buckets.refund("u");
    buckets.take("u", 0);
  });
});
