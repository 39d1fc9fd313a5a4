/**
 * The todo example in Chromium, against the real `npm start` server: server actions from a
 * Button (flow 1), `sendAction` from the host page (flow 2), a client handler chained to the
 * server (flow 3) and typed actions that reject a bad payload with an error event (flow 4).
 */
import Database from "better-sqlite3";
import type { Browser } from "playwright-core";
import { describe, expect, it } from "vitest";
import { recordedEvents, waitForEvent } from "./helpers/page.js";
import {
  andWaitForResponse,
  assistantSaid,
  customActions,
  openTodoApp,
  say,
  serverTodos,
  type TodoServer,
  todoRow,
  widget,
  widgetText,
  withTodoApp,
} from "./helpers/todo-app.js";

let browser: Browser;
let server: TodoServer;
withTodoApp((b, s) => {
  [browser, server] = [b, s];
});

/** The hidden context items the server stored, oldest first. */
function hiddenContext(): string[] {
  const sqlite = new Database(server.dbPath, { readonly: true });
  try {
    const rows = sqlite.prepare("SELECT data FROM items ORDER BY seq").all() as { data: string }[];
    return rows
      .map((row) => JSON.parse(row.data) as { type: string; content?: unknown })
      .filter((item) => item.type === "hidden_context_item")
      .map((item) => String(item.content));
  } finally {
    sqlite.close();
  }
}

describe("todo example: actions", () => {
  it("shows the list, marks a todo done in place, records the action and answers (flow 1)", async () => {
    const { page, errors, close } = await openTodoApp(browser, server);
    try {
      await say(page, "add Buy milk");
      await assistantSaid(page, "Added “Buy milk”.");
      await say(page, "add Walk the dog");
      await say(page, "what are my todos?");
      await assistantSaid(page, "Here is your list: 2 open, 0 done.");
      const widgets = page.locator('threadkit-chat [data-item-type="widget"]');
      const before = await widgets.count();
      const itemId = await widget(page).getAttribute("data-item-id");

      const sent = customActions(page);
      await andWaitForResponse(page, () =>
        todoRow(page, "Buy milk").getByRole("button", { name: "Done" }).click(),
      );

      // The widget it came from was updated in place, not added again.
      expect(await widgets.count()).toBe(before);
      expect(await widget(page).getAttribute("data-item-id")).toBe(itemId);
      await todoRow(page, "Buy milk").getByRole("button", { name: "Reopen" }).waitFor();
      expect(await todoRow(page, "Buy milk").getByRole("button", { name: "Done" }).count()).toBe(0);
      await expect(widgetText(page)).resolves.toContain("1 open · 1 done");
      // The action carried its payload and its sender.
      expect(sent[0]?.action).toMatchObject({
        type: "todo.complete",
        payload: { id: expect.stringMatching(/^td_/) },
      });
      expect(sent[0]?.item_id).toBe(itemId);
      // A hidden context item records what the user did, and the reply reads it.
      expect(hiddenContext()).toContain(
        '<USER_ACTION type="todo.complete">The user marked “Buy milk” as done.</USER_ACTION>',
      );
      await assistantSaid(page, "You marked “Buy milk” as done. 1 todo is still open.");
      // The host page's pane follows.
      await page.locator("#todo-list li.done", { hasText: "Buy milk" }).waitFor();
      await expect(page.locator("#stat-done").textContent()).resolves.toBe("1");

      // Flow 2: "Clear completed" lives outside the chat and calls chat.sendAction().
      await andWaitForResponse(page, () =>
        page.getByRole("button", { name: "Clear completed" }).click(),
      );
      const clear = sent.at(-1);
      expect(clear).toMatchObject({
        item_id: null,
        action: { type: "todo.clear_completed", payload: null },
      });
      await assistantSaid(
        page,
        "You pressed “Clear completed” in the page and removed 1 completed todo.",
      );
      expect(await widgets.count()).toBe(before);
      await expect(widgetText(page)).resolves.not.toContain("Buy milk");
      await page.locator("#todo-list li", { hasText: "Buy milk" }).waitFor({ state: "detached" });
      expect((await serverTodos(page, server)).map((t) => t.title)).toEqual(["Walk the dog"]);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it("opens the page's dialog from a client action and saves the note with sendAction (flow 3)", async () => {
    const { page, errors, close } = await openTodoApp(browser, server);
    try {
      await say(page, "add Walk the dog");
      const itemId = await widget(page).getAttribute("data-item-id");
      const sent = customActions(page);
      await todoRow(page, "Walk the dog").getByRole("button", { name: "Details" }).click();

      const dialog = page.locator("dialog#details");
      await dialog.waitFor({ state: "visible" });
      await expect(dialog.locator("h2").textContent()).resolves.toBe("Walk the dog");
      expect(sent).toEqual([]); // a client action never reaches the server by itself
      await dialog.getByLabel("Note").fill("The leash is by the door");
      await andWaitForResponse(page, () =>
        dialog.getByRole("button", { name: "Save note" }).click(),
      );

      expect(await dialog.isVisible()).toBe(false);
      expect(sent).toHaveLength(1);
      expect(sent[0]).toMatchObject({
        item_id: itemId,
        action: { type: "todo.note", payload: { note: "The leash is by the door" } },
      });
      await assistantSaid(page, 'You saved a note on “Walk the dog”: "The leash is by the door".');
      await expect(todoRow(page, "Walk the dog").textContent()).resolves.toContain("Has a note");
      await page.locator("#todo-list li", { hasText: "Note: The leash is by the door" }).waitFor();
      expect((await serverTodos(page, server))[0]?.note).toBe("The leash is by the door");
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it("answers a bad payload or an unknown action with an error event, and keeps working (flow 4)", async () => {
    const { page, close } = await openTodoApp(browser, server);
    try {
      await say(page, "add Buy milk");
      const send = (action: unknown) =>
        andWaitForResponse(page, () =>
          page.evaluate(
            (a) =>
              (
                document.getElementById("chat") as unknown as {
                  sendAction(a: unknown): Promise<void>;
                }
              ).sendAction(a),
            action,
          ),
        );

      // todo.note is the page's own (imperative) action: the server checks its type only and the
      // app parses its payload. Users read a short sentence; the parser's details go to the log.
      await send({ type: "todo.note", payload: { id: "../../etc/passwd", note: "x" } });
      const bad = await waitForEvent(page, "chatkit.error");
      expect(JSON.stringify(bad.detail)).toContain("That did not work. Please try again.");
      await page.locator("threadkit-chat .error-row", { hasText: "That did not work" }).waitFor();
      expect(server.output()).toContain(
        'Invalid payload for action "todo.note": payload.id: expected a todo id',
      );

      const [milk] = await serverTodos(page, server);
      await send({ type: "todo.note", payload: { id: milk?.id, note: "x".repeat(5_000) } });
      const long = await waitForEvent(page, "chatkit.error", 2);
      expect(JSON.stringify(long.detail)).toContain("A note can have at most 1000 characters");
      expect(server.output()).toContain("payload.note: Too big");

      // A widget action sent from the page (forged): refused before any handler runs.
      await send({ type: "todo.explode", payload: {} });
      const unknown = await waitForEvent(page, "chatkit.error", 3);
      expect(JSON.stringify(unknown.detail)).toContain(
        'Action \\"todo.explode\\" was sent without a widget, and the server does not declare it imperative',
      );
      // People read a sentence (code action_refused), not the server's words.
      await page
        .locator("threadkit-chat .error-row", {
          hasText: "That action is no longer available here",
        })
        .waitFor();

      // Nothing was changed, and the server still answers.
      expect((await serverTodos(page, server)).map((t) => t.title)).toEqual(["Buy milk"]);
      await say(page, "show my todos");
      await assistantSaid(page, "Here is your list: 1 open, 0 done.");
      const errors = (await recordedEvents(page, "chatkit.error")).length;
      expect(errors).toBe(3);
    } finally {
      await close();
    }
  });
});
