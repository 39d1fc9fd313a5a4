/**
 * Issue #13, items 3 to 6, against the real todo app: one live list per thread (older copies
 * collapse into a note) and a repeated action says it was already done; errors are short human
 * sentences in the thread, dismissible, never over the composer; an over-long title is refused,
 * not cut; UI-only actions (filter, Edit, Cancel, opening a form) add no assistant message.
 */
import type { Browser, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { recordedEvents, waitForEvent } from "./helpers/page.js";
import {
  andWaitForResponse,
  assistantSaid,
  openSamePage,
  openTodoApp,
  reloadTodoApp,
  say,
  serverTodos,
  type TodoServer,
  todoRow,
  widget,
  withTodoApp,
} from "./helpers/todo-app.js";

let browser: Browser;
let server: TodoServer;
withTodoApp((b, s) => {
  [browser, server] = [b, s];
});

/**
 * What a second tab of the same user does: sends `action` from the live list widget (or, with
 * no widget, as the page's own action) straight to the server, leaving this page's copy stale.
 */
async function fromOtherTab(page: Page, action: unknown, fromWidget = true): Promise<void> {
  const threadId = await page.evaluate(() => localStorage.getItem("threadkit-todo:thread"));
  const itemId = fromWidget ? await widget(page).getAttribute("data-item-id") : null;
  const res = await page.context().request.post(`${server.url}/chatkit`, {
    data: {
      type: "threads.custom_action",
      params: { thread_id: threadId, item_id: itemId, action },
    },
  });
  expect(res.status()).toBe(200);
  await res.body();
}

const assistantMessages = (page: Page) =>
  page.locator('threadkit-chat [data-item-type="assistant_message"]').count();

/** Runs `act` and waits for one more `name` event. */
async function andWaitForEvent(page: Page, name: string, act: () => Promise<unknown>) {
  const before = (await recordedEvents(page, name)).length;
  await act();
  await waitForEvent(page, name, before + 1);
}

/** Texts of every widget in the thread, oldest first. */
const widgetTexts = (page: Page) =>
  page
    .locator('threadkit-chat [data-item-type="widget"]')
    .evaluateAll((els) => els.map((el) => el.shadowRoot?.textContent ?? ""));

describe("todo app as a product", () => {
  it("keeps one live list per thread; a stale tab repeating a click gets the outcome, not a second run", async () => {
    const { page, errors, close } = await openTodoApp(browser, server);
    try {
      await say(page, "add Buy milk");
      await say(page, "add Eggs");
      await say(page, "show my todos");
      const stale = await openSamePage(page, server);
      await todoRow(stale, "Eggs").waitFor();
      await andWaitForResponse(page, () =>
        todoRow(page, "Eggs").getByRole("button", { name: "Done" }).click(),
      );
      await assistantSaid(page, "You marked “Eggs” as done.");
      // No widget on screen still offers Done for Eggs: older lists collapsed into a note.
      const texts = await widgetTexts(page);
      expect(texts).toHaveLength(3);
      expect(texts.slice(0, 2).every((t) => t.includes("This list moved below."))).toBe(true);
      expect(texts.filter((t) => t.includes("Eggs"))).toHaveLength(1);

      // The same click again from a second tab that still shows "Done": answered with the list
      // as it is now (Eggs done), never performed twice (same Idempotency-Key).
      const replies = await assistantMessages(page);
      await andWaitForResponse(stale, () =>
        todoRow(stale, "Eggs").getByRole("button", { name: "Done" }).click(),
      );
      await todoRow(stale, "Eggs").getByRole("button", { name: "Reopen" }).waitFor();
      await reloadTodoApp(page, server);
      await expect(assistantMessages(page)).resolves.toBe(replies);

      // Another thread's list marks Buy milk done; this thread's copy, reopened from History,
      // still offers Done: pressing it is answered, not repeated silently.
      await page.locator('threadkit-chat button[aria-label="New chat"]').click();
      await say(page, "show my todos");
      await andWaitForResponse(page, () =>
        todoRow(page, "Buy milk").getByRole("button", { name: "Done" }).click(),
      );
      await page.locator('threadkit-chat button[aria-label="History"]').click();
      await andWaitForEvent(page, "chatkit.thread.load.end", () =>
        page.locator("threadkit-chat .history-open").nth(1).click(),
      );
      await andWaitForResponse(page, () =>
        todoRow(page, "Buy milk").getByRole("button", { name: "Done" }).click(),
      );
      await assistantSaid(page, "“Buy milk” was already done.");
      await expect(widgetTexts(page)).resolves.toHaveLength(3);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it("shows a failed action as a short human sentence, dismissible, clear of the composer", async () => {
    const { page, close } = await openTodoApp(browser, server);
    try {
      await say(page, "add Buy milk");
      // A second tab completes Buy milk: this page's copy of the list is out of date, and the
      // server refuses its Done (the stored list no longer declares it).
      const [milk] = await serverTodos(page, server);
      await fromOtherTab(page, { type: "todo.complete", payload: { id: milk?.id } });
      await andWaitForResponse(page, () =>
        todoRow(page, "Buy milk").getByRole("button", { name: "Done" }).click(),
      );
      const row = page.locator("threadkit-chat .error-row");
      await row.waitFor();
      const text = (await row.textContent()) ?? "";
      expect(text).toContain("That action is no longer available here. Reload the conversation");
      expect(text).not.toMatch(/payload|todo\.complete|declared|widget/);
      // The details go to chatkit.error (which the page logs).
      const event = await waitForEvent(page, "chatkit.error");
      expect(JSON.stringify(event.detail)).toContain("is not declared by the widget");
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

  it("refuses an over-long title in the edit form with a sentence under the field", async () => {
    const { page, close } = await openTodoApp(browser, server);
    try {
      await say(page, "add Buy milk");
      await andWaitForResponse(page, () =>
        todoRow(page, "Buy milk").getByRole("button", { name: "Edit" }).click(),
      );
      await widget(page).locator('input[name="title"]').fill("x".repeat(500));
      await andWaitForResponse(page, () => page.keyboard.press("Enter"));
      const error = widget(page).locator(".field-error");
      await error.waitFor();
      await expect(error.textContent()).resolves.toBe(
        "A todo title can have at most 120 characters. Please shorten it.",
      );
      expect(server.output()).toContain("payload.title: Too big");
      expect((await serverTodos(page, server)).map((t) => t.title)).toEqual(["Buy milk"]);
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
