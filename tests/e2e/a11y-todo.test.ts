/**
 * Issue #13, accessibility: axe-core finds 0 violations on the todo app (the host page and the
 * element, shadow DOM included) in light and dark, at 1280 and 390 px: the start screen, the
 * list, each open form (add, edit), the delete confirmation card, the error state and history.
 */
import type { Browser } from "playwright-core";
import { describe, expect, it } from "vitest";
import { axeViolations } from "./helpers/axe.js";
import {
  andWaitForResponse,
  openTodoApp,
  say,
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

describe("todo app accessibility (axe)", () => {
  for (const width of [1280, 390]) {
    for (const colorScheme of ["light", "dark"] as const) {
      it(`has no axe violations at ${width}px ${colorScheme}`, async () => {
        const { page, errors, close } = await openTodoApp(browser, server, {
          width,
          height: 860,
          colorScheme,
        });
        const found: string[] = [];
        const audit = async (label: string) => {
          found.push(...(await axeViolations(page, `${width} ${colorScheme} ${label}`)));
        };
        try {
          await page.locator("threadkit-chat .start").waitFor();
          await audit("start screen");
          await say(page, "add Buy milk");
          await say(page, "add Eggs");
          await andWaitForResponse(page, () =>
            todoRow(page, "Buy milk").getByRole("button", { name: "Done" }).click(),
          );
          await audit("list");
          await andWaitForResponse(page, () =>
            widget(page).getByRole("button", { name: "Add todo" }).click(),
          );
          await widget(page).locator('input[name="todo.title"]').waitFor();
          await audit("add form");
          await andWaitForResponse(page, () =>
            widget(page).getByRole("button", { name: "Cancel" }).click(),
          );
          await andWaitForResponse(page, () =>
            todoRow(page, "Eggs").getByRole("button", { name: "Edit" }).click(),
          );
          await widget(page).locator('input[name="title"]').waitFor();
          await audit("edit form");
          await andWaitForResponse(page, () =>
            widget(page).getByRole("button", { name: "Cancel" }).first().click(),
          );
          await andWaitForResponse(page, () =>
            widget(page).getByRole("button", { name: "Delete all done" }).click(),
          );
          await widget(page).getByLabel("I understand").waitFor();
          await audit("confirmation card");
          await andWaitForResponse(page, () =>
            widget(page).getByRole("button", { name: "Keep them" }).click(),
          );
          await andWaitForResponse(page, () =>
            page.evaluate(() =>
              (
                document.getElementById("chat") as unknown as {
                  sendAction(a: unknown): Promise<void>;
                }
              ).sendAction({ type: "todo.add", payload: { todo: { title: "x".repeat(200) } } }),
            ),
          );
          await page.locator("threadkit-chat .error-row").waitFor();
          await audit("error state");
          await page.locator('threadkit-chat button[aria-label="History"]').click();
          await page.locator("threadkit-chat .history-row").first().waitFor();
          await audit("history");
          await page.keyboard.press("Escape");
          await page.locator("threadkit-chat .history").waitFor({ state: "detached" });
          if (width < 600) await page.locator("#tab-app").click();
          await page.locator("#todo-list li").first().waitFor();
          await audit("host pane");
          expect(found).toEqual([]);
          expect(errors).toEqual([]);
        } finally {
          await close();
        }
      });
    }
  }
});
