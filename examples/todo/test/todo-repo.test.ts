import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { TodoLimitError, TodoRepo } from "../src/todos/repo.js";
import { LIMITS, MAX_TODOS } from "../src/todos/todo.js";

function repo() {
  return new TodoRepo(new Database(":memory:"));
}

describe("TodoRepo", () => {
  it("adds, lists in order, completes, reopens, edits and notes a user's todos", () => {
    const todos = repo();
    const milk = todos.add("alice", { title: "  Buy milk  ", due: "2026-12-01", priority: "high" });
    const dog = todos.add("alice", { title: "Walk the dog" });
    expect(milk).toMatchObject({
      title: "Buy milk",
      due: "2026-12-01",
      priority: "high",
      done: false,
    });
    expect(dog).toMatchObject({ description: "", due: null, priority: "normal", note: "" });
    expect(milk.id).toMatch(/^td_[0-9a-f]{16}$/);
    expect(todos.list("alice").map((t) => t.title)).toEqual(["Buy milk", "Walk the dog"]);

    const done = todos.complete("alice", milk.id);
    expect(done?.done).toBe(true);
    expect(done?.completedAt).not.toBeNull();
    expect(todos.reopen("alice", milk.id)).toMatchObject({ done: false, completedAt: null });
    expect(todos.update("alice", dog.id, { title: "Walk Rex", description: "Park" })).toMatchObject(
      {
        title: "Walk Rex",
        description: "Park",
      },
    );
    expect(todos.setNote("alice", dog.id, " leash by the door ")?.note).toBe("leash by the door");
    expect(todos.setPriority("alice", dog.id, "low")?.priority).toBe("low");
  });

  it("keeps every user's todos to that user", () => {
    const todos = repo();
    const milk = todos.add("alice", { title: "Buy milk" });
    expect(todos.list("bob")).toEqual([]);
    expect(todos.get("bob", milk.id)).toBeNull();
    expect(todos.complete("bob", milk.id)).toBeNull();
    expect(todos.update("bob", milk.id, { title: "Hacked", description: "" })).toBeNull();
    expect(todos.setNote("bob", milk.id, "x")).toBeNull();
    todos.complete("alice", milk.id);
    expect(todos.deleteDone("bob")).toEqual([]);
    expect(todos.get("alice", milk.id)).toMatchObject({ title: "Buy milk", done: true, note: "" });
  });

  it("deletes only done todos and returns them", () => {
    const todos = repo();
    const a = todos.add("alice", { title: "A" });
    todos.add("alice", { title: "B" });
    todos.complete("alice", a.id);
    expect(todos.deleteDone("alice").map((t) => t.title)).toEqual(["A"]);
    expect(todos.list("alice").map((t) => t.title)).toEqual(["B"]);
  });

  it("bounds what it stores: trimmed, cut to the limits, no empty titles, no bad dates, at most MAX_TODOS", () => {
    const todos = repo();
    const long = todos.add("alice", {
      title: "x".repeat(500),
      description: "d".repeat(5000),
      due: "tomorrow",
    });
    expect(long.title).toHaveLength(LIMITS.title);
    expect(long.description).toHaveLength(LIMITS.description);
    expect(long.due).toBeNull();
    expect(() => todos.add("alice", { title: "   " })).toThrow("A todo needs a title");
    expect(() => todos.update("alice", long.id, { title: "", description: "" })).toThrow();
    for (let i = todos.list("alice").length; i < MAX_TODOS; i++)
      todos.add("alice", { title: `T${i}` });
    expect(() => todos.add("alice", { title: "one too many" })).toThrow(TodoLimitError);
    expect(todos.add("bob", { title: "Bob's own" }).title).toBe("Bob's own");
  });
});
