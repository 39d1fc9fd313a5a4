/**
 * The todo example's forms in Chromium, against the real `npm start` server: the seed's edit
 * form and the dotted-name add form (flow 5), the filter Select (flow 6), the delete-all-done
 * Card used as a form with a slow confirm (flow 7) and the payload-collision demo (flow 8).
 */
import type { Browser, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { waitForEvent } from "./helpers/page.js";
import {
  andWaitForResponse,
  assistantSaid,
  countChatkitRequests,
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

/** Waits a moment and checks that no request was sent (native validation blocked it). */
async function expectNoRequest(page: Page, counter: { readonly count: number }, before: number) {
  await page.waitForTimeout(400);
  expect(counter.count).toBe(before);
}

function isoDate(offsetDays: number): string {
  return new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

describe("todo example: forms", () => {
  it("edits a todo with the seed's form and adds one with dotted names (flow 5)", async () => {
    const { page, errors, close } = await openTodoApp(browser, server);
    try {
      await say(page, "add Buy milk");
      const sent = customActions(page);
      const requests = countChatkitRequests(page);

      // Edit replaces the row with the form.
      await andWaitForResponse(page, () =>
        todoRow(page, "Buy milk").getByRole("button", { name: "Edit" }).click(),
      );
      const title = widget(page).locator('input[name="title"]');
      await expect(title.inputValue()).resolves.toBe("Buy milk");

      // A cleared required title blocks the submit.
      await title.fill("");
      let before = requests.count;
      await widget(page).getByRole("button", { name: "Save" }).click();
      await expectNoRequest(page, requests, before);
      expect(await title.evaluate((el) => (el as HTMLInputElement).validity.valueMissing)).toBe(
        true,
      );

      await title.fill("Buy oat milk");
      await widget(page).locator('input[name="description"]').fill("Two cartons");
      await andWaitForResponse(page, () =>
        widget(page).getByRole("button", { name: "Save" }).click(),
      );
      expect(sent.at(-1)?.action).toEqual({
        type: "todo.update",
        payload: {
          id: expect.stringMatching(/^td_/),
          title: "Buy oat milk",
          description: "Two cartons",
        },
      });
      await assistantSaid(page, "You renamed “Buy milk” to “Buy oat milk”.");
      await expect(todoRow(page, "Buy oat milk").textContent()).resolves.toContain("Two cartons");
      expect(await widget(page).locator('input[name="title"]').count()).toBe(0);

      // "Add todo" opens the add form under the list.
      await andWaitForResponse(page, () =>
        widget(page).getByRole("button", { name: "Add todo" }).click(),
      );
      const newTitle = widget(page).locator('input[name="todo.title"]');
      await newTitle.waitFor();
      // The pattern wants a visible first character.
      await newTitle.fill("  leading spaces");
      before = requests.count;
      await widget(page).getByRole("button", { name: "Add", exact: true }).click();
      await expectNoRequest(page, requests, before);
      expect(
        await newTitle.evaluate((el) => (el as HTMLInputElement).validity.patternMismatch),
      ).toBe(true);

      const due = isoDate(1);
      await newTitle.fill("Water the plants");
      await widget(page).locator('input[name="todo.due"]').fill(due);
      await widget(page).locator('select[name="todo.priority"]').selectOption("high");
      await andWaitForResponse(page, () =>
        widget(page).getByRole("button", { name: "Add", exact: true }).click(),
      );
      expect(sent.at(-1)?.action).toEqual({
        type: "todo.add",
        payload: { todo: { title: "Water the plants", due, priority: "high" } },
      });
      await assistantSaid(page, "You added “Water the plants” (due tomorrow, high priority).");
      const row = todoRow(page, "Water the plants");
      await expect(row.textContent()).resolves.toContain("High");
      await expect(row.textContent()).resolves.toContain("Due tomorrow");
      const todos = await serverTodos(page, server);
      expect(todos.map((t) => [t.title, t.priority, t.due])).toEqual([
        ["Buy oat milk", "normal", null],
        ["Water the plants", "high", due],
      ]);

      // Opening the form again starts empty.
      await andWaitForResponse(page, () =>
        widget(page).getByRole("button", { name: "Add todo" }).click(),
      );
      await expect(widget(page).locator('input[name="todo.title"]').inputValue()).resolves.toBe("");
      await andWaitForResponse(page, () =>
        widget(page).getByRole("button", { name: "Cancel" }).click(),
      );
      // UI-only: the form closes quietly, with no assistant message.
      await widget(page).getByRole("button", { name: "Add todo" }).waitFor();
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it("filters the list with a Select that shows no loading state (flow 6)", async () => {
    const { page, errors, close } = await openTodoApp(browser, server);
    try {
      await say(page, "add Buy milk");
      await say(page, "add Walk the dog");
      await andWaitForResponse(page, () =>
        todoRow(page, "Buy milk").getByRole("button", { name: "Done" }).click(),
      );
      const sent = customActions(page);
      const filter = widget(page).locator('select[name="filter"]');

      await andWaitForResponse(page, async () => {
        await filter.selectOption("done");
        // loadingBehavior "auto" is "none" for a change action: nothing fades or spins.
        expect(await filter.isDisabled()).toBe(false);
        expect(await filter.getAttribute("aria-busy")).toBeNull();
        expect(await widget(page).locator(".root[data-loading]").count()).toBe(0);
      });
      expect(sent.at(-1)?.action).toEqual({ type: "todo.filter", payload: { filter: "done" } });
      let text = await widgetText(page);
      expect(text).toContain("Buy milk");
      expect(text).not.toContain("Walk the dog");

      await andWaitForResponse(page, () => filter.selectOption("open"));
      text = await widgetText(page);
      expect(text).toContain("Walk the dog");
      expect(text).not.toContain("Buy milk");
      // Other actions keep the filter the widget shows.
      await andWaitForResponse(page, () =>
        todoRow(page, "Walk the dog").getByRole("button", { name: "Done" }).click(),
      );
      await expect(widgetText(page)).resolves.toContain("Nothing open. Nice work!");
      await expect(filter.inputValue()).resolves.toBe("open");
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it("confirms 'Delete all done' in a Card used as a form, fading it while the server works (flow 7)", async () => {
    const { page, errors, close } = await openTodoApp(browser, server);
    try {
      await say(page, "add Buy milk");
      await say(page, "add Walk the dog");
      await andWaitForResponse(page, () =>
        todoRow(page, "Buy milk").getByRole("button", { name: "Done" }).click(),
      );
      const widgets = page.locator('threadkit-chat [data-item-type="widget"]');
      const count = await widgets.count();
      const requests = countChatkitRequests(page);
      const sent = customActions(page);

      await andWaitForResponse(page, () =>
        widget(page).getByRole("button", { name: "Delete all done" }).click(),
      );
      expect(await widgets.count()).toBe(count); // the list was replaced by the card in place
      await expect(widgetText(page)).resolves.toContain("Delete 1 done todo?");

      // The required checkbox blocks the confirm.
      const before = requests.count;
      await widget(page).getByRole("button", { name: "Delete", exact: true }).click();
      await expectNoRequest(page, requests, before);

      await widget(page).getByLabel("I understand").check();
      const started = Date.now();
      await andWaitForResponse(page, async () => {
        await widget(page).getByRole("button", { name: "Delete", exact: true }).click();
        const root = widget(page).locator('.root[data-loading="container"]');
        await root.waitFor({ timeout: 500 });
        expect(await root.getAttribute("inert")).not.toBeNull();
      });
      expect(Date.now() - started).toBeGreaterThanOrEqual(900);
      expect(sent.at(-1)?.action).toEqual({
        type: "todo.delete_done",
        payload: { understand: true },
      });
      await assistantSaid(page, "You confirmed and deleted 1 done todo.");
      const text = await widgetText(page);
      expect(text).toContain("Walk the dog");
      expect(text).not.toContain("Buy milk");
      expect(await widget(page).locator(".root[data-loading]").count()).toBe(0);
      expect((await serverTodos(page, server)).map((t) => t.title)).toEqual(["Walk the dog"]);

      // Cancel keeps them.
      await andWaitForResponse(page, () =>
        todoRow(page, "Walk the dog").getByRole("button", { name: "Done" }).click(),
      );
      await andWaitForResponse(page, () =>
        widget(page).getByRole("button", { name: "Delete all done" }).click(),
      );
      await andWaitForResponse(page, () =>
        widget(page).getByRole("button", { name: "Keep them" }).click(),
      );
      await expect(widgetText(page)).resolves.toContain("Walk the dog");
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it("reports the payload key collision of the priority form with an error event (flow 8)", async () => {
    const { page, close } = await openTodoApp(browser, server);
    try {
      await say(page, "add Buy milk");
      await andWaitForResponse(page, () =>
        todoRow(page, "Buy milk").getByRole("button", { name: "Edit" }).click(),
      );
      const sent = customActions(page);
      const warnings: string[] = [];
      page.on("console", (m) => {
        if (m.type() === "warning") warnings.push(m.text());
      });
      await widget(page).locator('select[name="priority"]').selectOption("high");
      await andWaitForResponse(page, () =>
        widget(page).getByRole("button", { name: "Set priority" }).click(),
      );

      const error = await waitForEvent(page, "chatkit.error");
      expect(JSON.stringify(error.detail)).toContain(
        'Form field \\"priority\\" collides with a key of the \\"todo.set_priority\\" action\'s payload',
      );
      // The static value won: the form's "high" was ignored.
      expect(sent.at(-1)?.action).toEqual({
        type: "todo.set_priority",
        payload: { id: expect.stringMatching(/^td_/), priority: "normal" },
      });
      // A developer's mistake: logged by the page, not shown to the user.
      await expect.poll(() => warnings.join("\n")).toContain("collides with a key");
      await expect(page.locator("#toast").isVisible()).resolves.toBe(false);
      await assistantSaid(page, "but the priority stayed normal");
      expect((await serverTodos(page, server))[0]?.priority).toBe("normal");
    } finally {
      await close();
    }
  });
});
