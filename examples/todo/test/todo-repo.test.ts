import { randomBytes } from "node:crypto";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { PostgresTodoRepo } from "../src/todos/postgres.js";
import { TodoLimitError, type TodoRepo } from "../src/todos/repo.js";
import { SQLiteTodoRepo } from "../src/todos/sqlite.js";
import { LIMITS, MAX_TODOS } from "../src/todos/todo.js";

const DATABASE_URL = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const pool = new pg.Pool({ connectionString: DATABASE_URL, max: 4 });
const schemas: string[] = [];
afterAll(async () => {
  for (const schema of schemas) await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await pool.end();
});

const engines: [string, () => TodoRepo][] = [
  ["SQLite", () => new SQLiteTodoRepo(new Database(":memory:"))],
  [
    "PostgreSQL",
    () => {
      const schema = `tk_todo_${randomBytes(4).toString("hex")}`;
      schemas.push(schema);
      return new PostgresTodoRepo(pool, schema);
    },
  ],
];

describe.each(engines)("TodoRepo on %s", (_engine, repo) => {
  it("adds, lists in order, completes, reopens, edits and notes a user's todos", async () => {
    const todos = repo();
    const milk = await todos.add("alice", {
      title: "  Buy milk  ",
      due: "2026-12-01",
      priority: "high",
    });
    const dog = await todos.add("alice", { title: "Walk the dog" });
    expect(milk).toMatchObject({
      title: "Buy milk",
      due: "2026-12-01",
      priority: "high",
      done: false,
    });
    expect(dog).toMatchObject({ description: "", due: null, priority: "normal", note: "" });
    expect(milk.id).toMatch(/^td_[0-9a-f]{16}$/);
    expect((await todos.list("alice")).map((t) => t.title)).toEqual(["Buy milk", "Walk the dog"]);

    const done = await todos.complete("alice", milk.id);
    expect(done?.done).toBe(true);
    expect(done?.completedAt).not.toBeNull();
    expect((await todos.complete("alice", milk.id))?.completedAt).toBe(done?.completedAt);
    expect(await todos.reopen("alice", milk.id)).toMatchObject({ done: false, completedAt: null });
    expect(
      await todos.update("alice", dog.id, { title: "Walk Rex", description: "Park" }),
    ).toMatchObject({ title: "Walk Rex", description: "Park" });
    expect((await todos.setNote("alice", dog.id, " leash by the door "))?.note).toBe(
      "leash by the door",
    );
    expect((await todos.setPriority("alice", dog.id, "low"))?.priority).toBe("low");
  });

  it("keeps every user's todos to that user", async () => {
    const todos = repo();
    const milk = await todos.add("alice", { title: "Buy milk" });
    expect(await todos.list("bob")).toEqual([]);
    expect(await todos.get("bob", milk.id)).toBeNull();
    expect(await todos.complete("bob", milk.id)).toBeNull();
    expect(await todos.update("bob", milk.id, { title: "Hacked", description: "" })).toBeNull();
    expect(await todos.setNote("bob", milk.id, "x")).toBeNull();
    await todos.complete("alice", milk.id);
    expect(await todos.deleteDone("bob")).toEqual([]);
    expect(await todos.get("alice", milk.id)).toMatchObject({
      title: "Buy milk",
      done: true,
      note: "",
    });
  });

  it("deletes only done todos and returns them", async () => {
    const todos = repo();
    const a = await todos.add("alice", { title: "A" });
    await todos.add("alice", { title: "B" });
    const c = await todos.add("alice", { title: "C" });
    await todos.complete("alice", c.id);
    await todos.complete("alice", a.id);
    expect((await todos.deleteDone("alice")).map((t) => t.title)).toEqual(["A", "C"]);
    expect((await todos.list("alice")).map((t) => t.title)).toEqual(["B"]);
  });

  // MAX_TODOS adds one after another: a few seconds on a busy machine with PostgreSQL's commits.
  it("bounds what it stores: trimmed, cut to the limits, no empty titles, no bad dates, at most MAX_TODOS", {
    timeout: 60_000,
  }, async () => {
    const todos = repo();
    const long = await todos.add("alice", {
      title: "x".repeat(500),
      description: "d".repeat(5000),
      due: "tomorrow",
    });
    expect(long.title).toHaveLength(LIMITS.title);
    expect(long.description).toHaveLength(LIMITS.description);
    expect(long.due).toBeNull();
    await expect(todos.add("alice", { title: "   " })).rejects.toThrow("A todo needs a title");
    await expect(todos.update("alice", long.id, { title: "", description: "" })).rejects.toThrow();
    for (let i = (await todos.list("alice")).length; i < MAX_TODOS; i++)
      await todos.add("alice", { title: `T${i}` });
    await expect(todos.add("alice", { title: "one too many" })).rejects.toThrow(TodoLimitError);
    expect((await todos.add("bob", { title: "Bob's own" })).title).toBe("Bob's own");
  });

  it("never lets concurrent adds pass MAX_TODOS", { timeout: 60_000 }, async () => {
    const todos = repo();
    for (let i = 0; i < MAX_TODOS - 3; i++) await todos.add("alice", { title: `T${i}` });
    const outcomes = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) => todos.add("alice", { title: `race ${i}` })),
    );
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(3);
    for (const o of outcomes) {
      if (o.status === "rejected") expect(o.reason).toBeInstanceOf(TodoLimitError);
    }
    expect(await todos.list("alice")).toHaveLength(MAX_TODOS);
  });
});
