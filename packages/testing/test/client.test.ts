import type {
  Action,
  SyncCustomActionResponse,
  ThreadMetadata,
  ThreadStreamEvent,
  UserMessageItem,
  WidgetItem,
  WidgetRoot,
} from "@threadkit/core";
import { ChatKitServer, MemoryStore } from "@threadkit/server";
import { createTestClient, mountWidget } from "@threadkit/testing";
import { describe, expect, it } from "vitest";

interface Ctx {
  userId: string;
}

/** A shopping list as a form widget: add items, toggle "done" without streaming. */
function listCard(items: string[], done = false): WidgetRoot {
  return {
    type: "Card",
    children: [
      ...items.map((value) => ({ type: "Text" as const, value })),
      {
        type: "Form",
        onSubmitAction: { type: "list.add", payload: { list: "groceries" } },
        children: [
          { type: "Input", name: "item.name", required: true, placeholder: "Item" },
          { type: "Button", label: "Add", submit: true },
        ],
      },
      {
        type: "Checkbox",
        name: "done",
        label: "Done",
        defaultChecked: done,
        onChangeAction: { type: "list.done", streaming: false },
      },
    ],
  } as WidgetRoot;
}

class ListServer extends ChatKitServer<Ctx> {
  constructor() {
    super(new MemoryStore<Ctx>({ userId: (c) => c.userId }));
  }

  async *respond(thread: ThreadMetadata, input: UserMessageItem | null, context: Ctx) {
    if (!input) return;
    yield* this.streamWidget(thread, listCard([]));
    yield* this.streamAssistantMessage(thread, "Here is your list.", context);
  }

  override async *action(
    thread: ThreadMetadata,
    action: Action,
    sender: WidgetItem | null,
    context: Ctx,
  ): AsyncIterable<ThreadStreamEvent> {
    if (action.type !== "list.add" || !sender) return;
    const name = (action.payload as { item: { name: string } }).item.name;
    const shown = sender.widget.children.flatMap((c) =>
      c.type === "Text" ? [String(c.value)] : [],
    );
    await this.store.addThreadItem(
      thread.id,
      {
        type: "hidden_context_item",
        id: this.store.generateItemId("sdk_hidden_context", thread, context),
        thread_id: thread.id,
        created_at: new Date().toISOString(),
        content: `<ADDED>${name}</ADDED>`,
      },
      context,
    );
    yield* this.replaceWidgetRoot(thread, sender, listCard([...shown, name]), context);
  }

  override async syncAction(
    thread: ThreadMetadata,
    action: Action,
    sender: WidgetItem | null,
    context: Ctx,
  ): Promise<SyncCustomActionResponse> {
    if (!sender || action.type !== "list.done") return { updated_item: null };
    // The checkbox is outside the form: the action carries no value, so the server flips its state.
    const box = sender.widget.children.find((c) => c.type === "Checkbox") as {
      defaultChecked?: boolean;
    };
    const done = box.defaultChecked !== true;
    const updated = { ...sender, widget: listCard([], done) };
    await this.store.saveItem(thread.id, updated, context);
    return { updated_item: updated };
  }
}

describe("createTestClient", () => {
  it("sends a message, then the widget's action through the real pipeline and store", async () => {
    const server = new ListServer();
    const client = createTestClient(server, { context: { userId: "alice" } });
    const first = await client.send("start a list");
    expect(client.threadId).toMatch(/^thr_/);
    expect(first.events.map((e) => e.type)).toContain("thread.created");
    expect(first.widgets).toHaveLength(1);

    const w = mountWidget(first.widgets[0]);
    expect(w.getByRole("button", { name: "Add" }).click().blocked).toMatchObject({
      rule: "required",
    });
    w.getByLabel("Item").fill("Milk");
    const turn = await client.act(w.getByRole("button", { name: "Add" }).click(), w);
    expect(turn.events.map((e) => e.type)).toContain("thread.item.updated");
    // The stored thread: the widget as updated, and the hidden context item the action added.
    expect(turn.items.map((i) => i.type)).toEqual([
      "user_message",
      "widget",
      "assistant_message",
      "hidden_context_item",
    ]);
    w.update(turn.widgets[0]);
    expect(w.getByText("Milk").name).toBe("Milk");
    // The user keeps interacting with the updated widget.
    w.getByLabel("Item").fill("Eggs");
    const again = await client.act(w.getByRole("button", { name: "Add" }).click(), w.item.id);
    expect(
      mountWidget(again.widgets[0])
        .getAllByText(/^(Milk|Eggs)$/)
        .map((t) => t.name),
    ).toEqual(["Milk", "Eggs"]);
  });

  it("sends streaming: false actions as threads.sync_custom_action", async () => {
    const client = createTestClient(new ListServer(), { context: { userId: "alice" } });
    const { widgets } = await client.send("hi");
    const w = mountWidget(widgets[0]);
    const result = w.getByRole("checkbox", { name: "Done" }).check();
    expect(result.action).toEqual({ type: "list.done", streaming: false });
    const turn = await client.act(result, w);
    expect(turn.events).toEqual([]);
    expect(turn.json).toMatchObject({ updated_item: { id: w.item.id } });
    expect(mountWidget(turn.widgets[0]).getByRole("checkbox").value).toBe(true);
  });

  it("refuses to send what the element would not, and keeps users apart", async () => {
    const server = new ListServer();
    const alice = createTestClient(server, { context: { userId: "alice" } });
    const { widgets } = await alice.send("hi");
    const w = mountWidget(widgets[0]);
    await expect(alice.act(w.getByRole("button", { name: "Add" }).click(), w)).rejects.toThrow(
      /would send nothing: "item.name" fails required/,
    );
    await expect(
      createTestClient(server, { context: { userId: "bob" } }).act({ type: "x" }, null),
    ).rejects.toThrow(/needs a thread/);
    const bob = createTestClient(server, { context: { userId: "bob" }, threadId: alice.threadId! });
    await expect(
      bob.act({ type: "list.add", payload: { item: { name: "x" } } }, w),
    ).rejects.toThrow();
    expect((await alice.items()).map((i) => i.type)).toEqual([
      "user_message",
      "widget",
      "assistant_message",
    ]);
  });
});
