/**
 * Actions you can trust, in Chromium against the real todo server: a field error from `action()`
 * shown under its field with focus on it, two pages double-submitting one action causing one
 * effect, and a burst of requests answered 429 with the element recovering.
 */
import Database from "better-sqlite3";
import type { Browser, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import {
  andWaitForResponse,
  openSamePage,
  openTodoApp,
  say,
  serverTodos,
  startTodoServer,
  type TodoServer,
  tempDb,
  todoRow,
  widget,
  withTodoApp,
} from "./helpers/todo-app.js";
import { focusedName } from "./helpers/widget-chat.js";

let browser: Browser;
let server: TodoServer;
withTodoApp((b, s) => {
  [browser, server] = [b, s];
});

/** The `<USER_ACTION>` notes the server stored: one per action performed. */
function performed(type: string): number {
  const sqlite = new Database(server.dbPath, { readonly: true });
  try {
    const rows = sqlite.prepare("SELECT data FROM items").all() as { data: string }[];
    return rows.filter((row) => row.data.includes(`<USER_ACTION type=\\"${type}\\"`)).length;
  } finally {
    sqlite.close();
  }
}

describe("todo example: actions you can trust", () => {
  it("shows a field error from action() under its field, focused, cleared on change", async () => {
    const { page, errors, close } = await openTodoApp(browser, server);
    try {
      await say(page, "add Buy milk");
      await andWaitForResponse(page, () =>
        widget(page).getByRole("button", { name: "Add todo" }).click(),
      );
      const title = widget(page).locator('input[name="todo.title"]');
      await title.fill("buy milk");
      await andWaitForResponse(page, () => title.press("Enter"));

      const message = widget(page).locator(".field-error", { hasText: "Already on your list" });
      await message.waitFor();
      await expect(title.getAttribute("aria-invalid")).resolves.toBe("true");
      const describedBy = await title.getAttribute("aria-describedby");
      await expect(message.getAttribute("id")).resolves.toBe(describedBy);
      // Under the title field, not elsewhere: it follows the input in the form.
      const follows = await title.evaluate(
        (input) => input.nextElementSibling?.classList.contains("field-error") ?? false,
      );
      expect(follows).toBe(true);
      await expect(focusedName(page)).resolves.toBe("todo.title");
      expect((await serverTodos(page, server)).map((t) => t.title)).toEqual(["Buy milk"]);

      await title.press("End");
      await title.type(" and bread");
      await expect(message.count()).resolves.toBe(0);
      await expect(title.getAttribute("aria-invalid")).resolves.toBeNull();
      await andWaitForResponse(page, () => title.press("Enter"));
      await todoRow(page, "buy milk and bread").waitFor();
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it("two pages double-submitting one action cause one effect", async () => {
    const { page, close } = await openTodoApp(browser, server);
    try {
      await say(page, "add Buy milk");
      const second = await openSamePage(page, server);
      await todoRow(second, "Buy milk").waitFor();
      const before = performed("todo.complete");
      const done = (p: Page) => todoRow(p, "Buy milk").getByRole("button", { name: "Done" });
      // Both pages show the list with "Done"; both click it, at once.
      await Promise.all([
        andWaitForResponse(page, () => done(page).click()),
        andWaitForResponse(second, () => done(second).click()),
      ]);
      expect(performed("todo.complete") - before).toBe(1);
      expect((await serverTodos(page, server)).find((t) => t.title === "Buy milk")?.done).toBe(
        true,
      );
      // Each page ends up showing the todo as done: the page answered 409 (the other was still
      // running it) sends the same key again and gets the outcome.
      for (const p of [page, second]) {
        await todoRow(p, "Buy milk").getByRole("button", { name: "Reopen" }).waitFor();
      }
    } finally {
      await close();
    }
  });

  it("a burst gets 429s; the element shows a short notice, restores the control and recovers", async () => {
    // A server of its own with a small bucket (20 a minute, 4 at once), so the test is quick.
    const limitedDb = tempDb();
    const limited = await startTodoServer({
      dbPath: limitedDb.dbPath,
      env: { RATE_LIMIT: "20/4" },
    });
    const { page, close } = await openTodoApp(browser, limited);
    try {
      await say(page, "add Buy milk");
      const threadId = await page.evaluate(() => localStorage.getItem("threadkit-todo:thread"));
      // Empty this user's bucket with requests the server would refuse anyway (no effect).
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) {
        const res = await page.context().request.post(`${limited.url}/chatkit`, {
          data: {
            type: "threads.custom_action",
            params: { thread_id: threadId, item_id: null, action: { type: "todo.burst" } },
          },
        });
        statuses.push(res.status());
        if (res.status() === 429) {
          expect(Number(res.headers()["retry-after"])).toBeGreaterThan(0);
          expect(await res.json()).toMatchObject({ error: { code: "rate_limited" } });
        }
      }
      expect(statuses.slice(-2)).toEqual([429, 429]);

      // A click now is refused: a short notice, and the button is usable again.
      const done = todoRow(page, "Buy milk").getByRole("button", { name: "Done" });
      await andWaitForResponse(page, () => done.click());
      await page.locator("threadkit-chat .error-row", { hasText: "Too many requests" }).waitFor();
      await expect(done.isEnabled()).resolves.toBe(true);
      expect((await serverTodos(page, limited))[0]?.done).toBe(false);

      // As the bucket refills, the same click goes through (retried the way a user would).
      for (let tries = 0; !(await serverTodos(page, limited))[0]?.done; tries++) {
        expect(tries).toBeLessThan(100);
        await andWaitForResponse(page, () => done.click());
      }
      await todoRow(page, "Buy milk").getByRole("button", { name: "Reopen" }).waitFor();
      await expect(page.locator("threadkit-chat .error-row").count()).resolves.toBe(0);
    } finally {
      await close();
      await limited.stop();
      limitedDb.remove();
    }
  });
});
