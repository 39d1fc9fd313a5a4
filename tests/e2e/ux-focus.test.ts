/**
 * Issue #13, item 2: focus survives widget actions. Done pressed with Enter or Space keeps focus
 * on the row's button, Edit moves it to the form's first field, a form submitted with Enter
 * leaves it on the row again, and the polite live region says what changed.
 */
import type { Browser } from "playwright-core";
import { describe, expect, it } from "vitest";
import {
  andWaitForResponse,
  openTodoApp,
  say,
  type TodoServer,
  todoRow,
  widget,
  withTodoApp,
} from "./helpers/todo-app.js";
import { announced, focused, visibleInThread } from "./helpers/ux.js";

let browser: Browser;
let server: TodoServer;
withTodoApp((b, s) => {
  [browser, server] = [b, s];
});

describe("focus after widget actions", () => {
  it("keeps focus on the control, moves it into a form that replaces it, and announces", async () => {
    const { page, errors, close } = await openTodoApp(browser, server);
    try {
      await say(page, "add Buy milk");
      await say(page, "add Eggs");

      // Done with Enter: the button becomes Reopen and keeps focus.
      await todoRow(page, "Buy milk").getByRole("button", { name: "Done" }).focus();
      await andWaitForResponse(page, () => page.keyboard.press("Enter"));
      await expect.poll(() => focused(page)).toBe("button:Reopen");
      await expect.poll(() => announced(page)).toContain("You marked “Buy milk” as done.");

      // Done with Space.
      await todoRow(page, "Eggs").getByRole("button", { name: "Done" }).focus();
      await andWaitForResponse(page, () => page.keyboard.press("Space"));
      await expect.poll(() => focused(page)).toBe("button:Reopen");
      await expect.poll(() => announced(page)).toContain("“Eggs”");

      // Edit with Enter: focus moves to the form's first field, which is in view.
      await todoRow(page, "Eggs").getByRole("button", { name: "Edit" }).focus();
      await andWaitForResponse(page, () => page.keyboard.press("Enter"));
      await expect.poll(() => focused(page)).toBe("input:title");
      await expect
        .poll(() => visibleInThread(widget(page).locator('input[name="title"]')))
        .toBe(true);
      await expect.poll(() => announced(page)).not.toBe("");

      // The form submitted with Enter: focus lands on the row that replaces the form.
      await widget(page).locator('input[name="title"]').fill("Free-range eggs");
      await andWaitForResponse(page, () => page.keyboard.press("Enter"));
      await todoRow(page, "Free-range eggs").waitFor();
      await expect.poll(() => focused(page)).toMatch(/^button:(Reopen|Details|Edit)$/);
      const inRow = await todoRow(page, "Free-range eggs").evaluate((row) => {
        const root = row.getRootNode() as ShadowRoot;
        return row.contains(root.activeElement);
      });
      expect(inRow).toBe(true);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});
