/**
 * Issue #13, items 3 to 6, against the real todo app: one live list per thread (older copies
 * collapse into a note) and a repeated action says it was already done; errors are short human
 * sentences in the thread, dismissible, never over the composer; an over-long title is refused,
 * not cut; UI-only actions (filter, Edit, Cancel, opening a form) add no assistant message.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "./helpers/browser.js";
import { recordedEvents, waitForEvent } from "./helpers/page.js";
import {
  andWaitForResponse,
  assistantSaid,
  openTodoApp,
  say,
  serverTodos,
  startTodoServer,
  type TodoServer,
  tempDb,
  todoRow,
  widget,
} from "./helpers/todo-app.js";

let browser: Browser;
let server: TodoServer;
let db: ReturnType<typeof tempDb>;

beforeAll(async () => {
  db = tempDb();
  [browser, server] = await Promise.all([launchBrowser(), startTodoServer({ dbPath: db.dbPath })]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  db?.remove();
});

/** Sends an action the way the host page does (`chat.sendAction`) and waits for its response. */
function sendAction(page: Page, action: unknown): Promise<void> {
  return andWaitForResponse(page, () =>
    page.evaluate(
      (a) =>
        (
          document.getElementById("chat") as unknown as { sendAction(a: unknown): Promise<void> }
        ).sendAction(a),
      action,
    ),
  );
}

const assistantMessages = (page: Page) =>
  page.locator('threadkit-chat [data-item-type="assistant_message"]').count();

/** Texts of every widget in the thread, oldest first. */
const widgetTexts = (page: Page) =>
  page
    .locator('threadkit-chat [data-item-type="widget"]')
    .evaluateAll((els) => els.map((el) => el.shadowRoot?.textContent ?? ""));

describe("todo app as a product", () => {
  it("keeps one live list per thread and says when an action was already done", async () => {
    const { page, errors, close } = await openTodoApp(browser, server);
    try {
      await say(page, "add Buy milk");
      await say(page, "add Eggs");
      await say(page, "show my todos");
      await andWaitForResponse(page, () =>
        todoRow(page, "Eggs").getByRole("button", { name: "Done" }).click(),
      );
      await assistantSaid(page, "You marked “Eggs” as done.");
      // No widget on screen still offers Done for Eggs: older lists collapsed into a note.
      const texts = await widgetTexts(page);
      expect(texts).toHaveLength(3);
      expect(texts.slice(0, 2).every((t) => t.includes("This list moved below."))).toBe(true);
      expect(texts.filter((t) => t.includes("Eggs"))).toHaveLength(1);

      // The same action again (a second tab, a double send) is answered, not repeated silently.
      const eggs = (await serverTodos(page, server)).find((t) => t.title === "Eggs");
      await sendAction(page, { type: "todo.complete", payload: { id: eggs?.id } });
      await assistantSaid(page, "“Eggs” was already done.");
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it("shows refused actions as a short human sentence, dismissible, clear of the composer", async () => {
    const { page, close } = await openTodoApp(browser, server);
    try {
      await say(page, "add Buy milk");
      await sendAction(page, { type: "todo.add", payload: { todo: { title: "x".repeat(500) } } });
      const row = page.locator("threadkit-chat .error-row");
      await row.waitFor();
      const text = (await row.textContent()) ?? "";
      expect(text).toContain("A todo title can have at most 120 characters.");
      expect(text).not.toMatch(/Invalid|payload|Too big|todo\.add|expected/);
      // Details go to chatkit.error (the message) and the server's log (the parser's words).
      const event = await waitForEvent(page, "chatkit.error");
      expect(JSON.stringify(event.detail)).toContain("at most 120 characters");
      expect(server.output()).toContain("payload.todo.title");
      // Not over the composer, no page toast, and it can be closed.
      const composer = await page.locator("threadkit-chat form.composer").boundingBox();
      const box = await row.boundingBox();
      expect(box && composer && box.y + box.height <= composer.y).toBe(true);
      await expect(page.locator("#toast").isVisible()).resolves.toBe(false);
      await row.getByRole("button", { name: "Dismiss" }).click();
      await row.waitFor({ state: "detached" });
    } finally {
      await close();
    }
  });

  it("refuses an over-long title instead of cutting it", async () => {
    const { page, errors, close } = await openTodoApp(browser, server);
    try {
      const title = `Plan ${"the summer trip with everyone ".repeat(18)}`.trim();
      expect(title.length).toBeGreaterThan(500);
      await say(page, `add ${title}`);
      await assistantSaid(page, `That title is ${title.length} characters long`);
      await assistantSaid(page, "at most 120");
      expect(await serverTodos(page, server)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it("updates the widget quietly for UI-only actions", async () => {
    const { page, errors, close } = await openTodoApp(browser, server);
    try {
      await say(page, "add Buy milk");
      const before = await assistantMessages(page);
      await andWaitForResponse(page, () =>
        todoRow(page, "Buy milk").getByRole("button", { name: "Edit" }).click(),
      );
      await widget(page).locator('input[name="title"]').waitFor();
      await andWaitForResponse(page, () =>
        widget(page).getByRole("button", { name: "Cancel" }).click(),
      );
      await andWaitForResponse(page, () =>
        widget(page).locator('select[name="filter"]').selectOption("done"),
      );
      await widget(page).getByText("Nothing done yet.").waitFor();
      await andWaitForResponse(page, () =>
        widget(page).locator('select[name="filter"]').selectOption("all"),
      );
      await andWaitForResponse(page, () =>
        widget(page).getByRole("button", { name: "Add todo" }).click(),
      );
      await widget(page).locator('input[name="todo.title"]').waitFor();
      expect(await assistantMessages(page)).toBe(before);
      expect((await recordedEvents(page, "chatkit.error")).length).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});
