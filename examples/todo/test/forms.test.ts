/**
 * The todo app's forms, tested with @threadkit/testing: each interaction gives exactly what
 * `<threadkit-chat>` would send (the browser tests in tests/e2e/todo-forms.test.ts click the same
 * forms in Chromium), and the test client sends it through the app's real server and store.
 */
import "@threadkit/testing/vitest";
import {
  createTestClient,
  type MountedWidget,
  mountWidget,
  type TestTurn,
} from "@threadkit/testing";
import { describe, expect, it } from "vitest";
import { makeServer } from "./helpers.js";

/** A thread with one todo, its list widget mounted. */
async function start(text = "add Buy milk") {
  const { server, todos } = makeServer();
  const client = createTestClient(server, { context: { userId: "alice" } });
  const first = await client.send(text);
  const w = mountWidget(first.widgets.at(-1));
  return { client, todos, w };
}

/** Shows the sender widget as the server updated it. */
function follow(w: MountedWidget, turn: TestTurn): void {
  const updated = turn.widgets.find((item) => item.id === w.item.id);
  if (!updated) throw new Error("the sender widget is gone");
  w.update(updated);
}

describe("todo forms through @threadkit/testing", () => {
  it("Edit: the required title blocks an empty save; Save sends title and description", async () => {
    const { client, todos, w } = await start();
    const [milk] = await todos.list("alice");
    follow(w, await client.act(w.getByRole("button", { name: "Edit" }).click(), w));

    w.getByLabel("Title").fill("");
    expect(w.getByRole("button", { name: "Save" }).click()).toBlockWith("required", "title");
    w.getByLabel("Title").fill("Buy oat milk");
    w.getByLabel("Add a description").fill("2 litres");
    const save = w.getByRole("button", { name: "Save" }).click();
    expect(save.action).toEqual({
      type: "todo.update",
      payload: { id: milk?.id, title: "Buy oat milk", description: "2 litres" },
    });
    expect(save.loading).toBe("container");

    const turn = await client.act(save, w);
    expect(await todos.get("alice", milk?.id ?? "")).toMatchObject({
      title: "Buy oat milk",
      description: "2 litres",
    });
    const hidden = turn.items.filter((i) => i.type === "hidden_context_item");
    expect(JSON.stringify(hidden.at(-1))).toContain("renamed “Buy milk” to “Buy oat milk”");
    follow(w, turn);
    expect(w.getByText("Buy oat milk").name).toBe("Buy oat milk");
  });

  it("Add todo: dotted names nest under payload.todo; pattern and date bounds block", async () => {
    const { client, todos, w } = await start();
    follow(w, await client.act(w.getByRole("button", { name: "Add todo" }).click(), w));

    expect(w.getByRole("button", { name: "Add" }).click()).toBlockWith("required", "todo.title");
    w.getByLabel("Title").fill(" leading space");
    expect(w.getByRole("button", { name: "Add" }).click()).toBlockWith("pattern", "todo.title");
    w.getByLabel("Title").fill("Water plants");
    w.getByName("todo.due").pickDate("2000-01-01");
    expect(w.getByLabel("Title").submit()).toBlockWith("min", "todo.due");
    w.getByName("todo.due").pickDate("2099-12-01");
    w.getByName("todo.priority").select("high");

    const add = w.getByLabel("Title").submit(); // Enter in the title field
    expect(add).toSendAction({
      type: "todo.add",
      payload: { todo: { title: "Water plants", due: "2099-12-01", priority: "high" } },
    });
    await client.act(add, w);
    expect((await todos.list("alice")).map((t) => [t.title, t.due, t.priority])).toContainEqual([
      "Water plants",
      "2099-12-01",
      "high",
    ]);
  });

  it("the confirmation card: a form Card whose required checkbox gates Delete", async () => {
    const { client, todos, w } = await start();
    follow(w, await client.act(w.getByRole("button", { name: "Done" }).click(), w));
    follow(w, await client.act(w.getByRole("button", { name: "Delete all done" }).click(), w));

    const blocked = w.getByRole("button", { name: "Delete" }).click();
    expect(blocked).toBlockWith("required", "understand");
    // Cancel is not validated, and (inside the form) carries the checkbox's value.
    expect(w.getByRole("button", { name: "Keep them" }).click()).toSendAction({
      type: "todo.delete_done.cancel",
      payload: { understand: false },
    });
    w.getByLabel("I understand").check();
    const confirm = w.getByRole("button", { name: "Delete" }).click();
    expect(confirm).toSendAction({ type: "todo.delete_done", payload: { understand: true } });
    expect(confirm.loading).toBe("container");
    await client.act(confirm, w);
    expect(await todos.list("alice")).toEqual([]);
  });

  it("the collision demo: the static priority wins, the field is ignored and reported", async () => {
    const { client, todos, w } = await start();
    const [milk] = await todos.list("alice");
    follow(w, await client.act(w.getByRole("button", { name: "Edit" }).click(), w));

    w.getByName("priority").select("high");
    const submitted = w.getByRole("button", { name: "Set priority" }).click();
    expect(submitted.action).toEqual({
      type: "todo.set_priority",
      payload: { id: milk?.id, priority: "normal" },
    });
    expect(submitted.errors.map((e) => e.message)).toEqual([
      'Form field "priority" collides with a key of the "todo.set_priority" action\'s payload; the field\'s value was ignored.',
    ]);
    const turn = await client.act(submitted, w);
    expect((await todos.get("alice", milk?.id ?? ""))?.priority).toBe("normal");
    const hidden = turn.items.filter((i) => i.type === "hidden_context_item");
    expect(JSON.stringify(hidden.at(-1))).toContain("payload collision");
  });
});
