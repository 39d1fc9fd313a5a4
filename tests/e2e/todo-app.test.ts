/**
 * The todo example as a product, against the real `npm start` server: threads and todos survive
 * a restart, every browser is its own user, and the page works at phone and desktop widths in
 * light and dark.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, screenshot } from "./helpers/browser.js";
import {
  andWaitForResponse,
  assistantSaid,
  openTodoApp,
  reloadTodoApp,
  say,
  serverTodos,
  startTodoServer,
  tempDb,
  todoRow,
  widget,
} from "./helpers/todo-app.js";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("todo example: the app", () => {
  it("keeps every thread and todo across a restart, per user", async () => {
    const db = tempDb();
    let server = await startTodoServer({ dbPath: db.dbPath });
    const { page, errors, close } = await openTodoApp(browser, server);
    try {
      await say(page, "add Buy milk");
      await say(page, "add Walk the dog");
      await andWaitForResponse(page, () =>
        todoRow(page, "Buy milk").getByRole("button", { name: "Done" }).click(),
      );
      await assistantSaid(page, "You marked “Buy milk” as done.");

      // Restart on the same port and database.
      const port = server.port;
      await server.stop();
      server = await startTodoServer({ dbPath: db.dbPath, port });
      await reloadTodoApp(page, server);

      // The page resumes its thread: messages, the widget as it was last updated, the replies.
      await page
        .locator('threadkit-chat [data-item-type="user_message"]', { hasText: "add Walk the dog" })
        .waitFor();
      await todoRow(page, "Buy milk").getByRole("button", { name: "Reopen" }).waitFor();
      await assistantSaid(page, "You marked “Buy milk” as done.");
      expect((await serverTodos(page, server)).map((t) => [t.title, t.done])).toEqual([
        ["Buy milk", true],
        ["Walk the dog", false],
      ]);
      await page.locator("#todo-list li.done", { hasText: "Buy milk" }).waitFor();
      // The history lists the thread, titled by its first message.
      await page
        .locator("threadkit-chat")
        .getByRole("button", { name: /history/i })
        .first()
        .click();
      await page.locator("threadkit-chat").getByText("add Buy milk").first().waitFor();
      // The restarted server keeps answering in the same thread.
      await say(page, "show my todos");
      await assistantSaid(page, "Here is your list: 1 open, 1 done.");
      expect(errors).toEqual([]);

      // Another browser is another user: it sees none of this.
      const other = await openTodoApp(browser, server);
      try {
        expect(await serverTodos(other.page, server)).toEqual([]);
        await expect(other.page.locator("#todo-list li").count()).resolves.toBe(0);
        await say(other.page, "show my todos");
        await assistantSaid(other.page, "Your list is empty.");
      } finally {
        await other.close();
      }
    } finally {
      await close();
      await server.stop();
      db.remove();
    }
  });

  it("fits a 375px phone (tabs) and a 1280px desktop (side by side), light and dark", async () => {
    const db = tempDb();
    const server = await startTodoServer({ dbPath: db.dbPath });
    try {
      for (const colorScheme of ["light", "dark"] as const) {
        const phone = await openTodoApp(browser, server, { width: 375, height: 760, colorScheme });
        try {
          const { page } = phone;
          // No horizontal scrolling; the chat is shown first, the tabs switch panes.
          const overflow = () =>
            page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          expect(await overflow()).toBeLessThanOrEqual(0);
          expect(await page.locator("#chat-pane").isVisible()).toBe(true);
          expect(await page.locator("#app-pane").isVisible()).toBe(false);
          await say(page, "add Buy milk");
          await say(page, "add Call the plumber about the kitchen sink");
          expect(await overflow()).toBeLessThanOrEqual(0);
          const box = await widget(page).boundingBox();
          expect(box && box.x + box.width).toBeLessThanOrEqual(375);
          await screenshot(page, `todo-375-${colorScheme}-chat`);
          await page.getByRole("tab", { name: /Tasks/ }).click();
          expect(await page.locator("#app-pane").isVisible()).toBe(true);
          expect(await page.locator("#chat-pane").isVisible()).toBe(false);
          await page.locator("#todo-list li", { hasText: "Buy milk" }).waitFor();
          await screenshot(page, `todo-375-${colorScheme}-tasks`);
          expect(phone.errors).toEqual([]);
        } finally {
          await phone.close();
        }
        const desktop = await openTodoApp(browser, server, {
          width: 1280,
          height: 800,
          colorScheme,
        });
        try {
          const { page } = desktop;
          expect(await page.locator("#app-pane").isVisible()).toBe(true);
          expect(await page.locator("#chat-pane").isVisible()).toBe(true);
          expect(await page.getByRole("tab", { name: /Tasks/ }).isVisible()).toBe(false);
          const scheme = await page.evaluate(() =>
            getComputedStyle(document.documentElement).getPropertyValue("color-scheme"),
          );
          expect(scheme.trim()).toBe(colorScheme);
          await screenshot(page, `todo-1280-${colorScheme}`);
          expect(desktop.errors).toEqual([]);
        } finally {
          await desktop.close();
        }
      }
    } finally {
      await server.stop();
      db.remove();
    }
  });
});
