/**
 * Issue #13, item 7 (polish), against the real todo app: the edit form's fields look editable
 * and do not move when focused; a long title wraps between words; every date is written one way,
 * from the locale; history threads have sensible names and its backdrop covers the composer.
 */
import type { Browser, Locator, Page } from "playwright-core";
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

let browser: Browser;
let server: TodoServer;
withTodoApp((b, s) => {
  [browser, server] = [b, s];
});

const box = async (l: Locator) => {
  const b = await l.boundingBox();
  if (!b) throw new Error("not rendered");
  return b;
};

/** Characters around each line break of `el`'s text: a break between two letters cuts a word. */
function midWordBreaks(el: Locator): Promise<string[]> {
  return el.evaluate((node) => {
    const text = node.firstChild?.nodeType === Node.TEXT_NODE ? node.firstChild : node;
    const walker = document.createTreeWalker(text, NodeFilter.SHOW_TEXT);
    const cuts: string[] = [];
    let prevTop: number | null = null;
    let prevChar = "";
    for (let t = walker.nextNode(); t; t = walker.nextNode()) {
      const value = t.textContent ?? "";
      for (let i = 0; i < value.length; i++) {
        const range = document.createRange();
        range.setStart(t, i);
        range.setEnd(t, i + 1);
        const rect = range.getClientRects()[0];
        if (!rect) continue;
        const ch = value[i] ?? "";
        if (prevTop !== null && rect.top > prevTop + 2 && /\S/.test(prevChar) && /\S/.test(ch))
          cuts.push(`${prevChar}|${ch}`);
        prevTop = rect.top;
        prevChar = ch;
      }
    }
    return cuts;
  });
}

function expectedDate(page: Page, iso: string): Promise<string> {
  return page.evaluate(
    (d) =>
      new Date(`${d}T00:00:00Z`).toLocaleDateString(navigator.language, {
        weekday: "short",
        day: "numeric",
        month: "short",
        timeZone: "UTC",
      }),
    iso,
  );
}

describe("polish", () => {
  it("edit fields look editable and stay put when focused", async () => {
    const { page, errors, close } = await openTodoApp(browser, server);
    try {
      await say(page, "add Buy milk");
      await andWaitForResponse(page, () =>
        todoRow(page, "Buy milk").getByRole("button", { name: "Edit" }).click(),
      );
      const title = widget(page).locator('input[name="title"]');
      const description = widget(page).locator('input[name="description"]');
      await description.focus(); // the title is not focused: it must still look like a field
      const border = await title.evaluate((el) => getComputedStyle(el).borderTopColor);
      expect(border).not.toMatch(/rgba\(\d+, \d+, \d+, 0\)|transparent/);
      const label = widget(page).getByText("Title", { exact: true });
      const before = await box(title);
      expect(Math.abs(before.x - (await box(label)).x)).toBeLessThanOrEqual(1);
      await title.focus();
      const after = await box(title);
      expect([after.x, after.y, after.width]).toEqual([before.x, before.y, before.width]);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it("cuts and wraps a long title between words, never inside one", async () => {
    const { page, errors, close } = await openTodoApp(browser, server, { width: 390 });
    try {
      const long =
        "Reorganise the neighbourhood association's fundraising spreadsheet before the meeting";
      await say(page, `add ${long}`);
      const title = widget(page).getByText("Reorganise the neighbourhood", { exact: false });
      await title.waitFor();
      expect(await midWordBreaks(title)).toEqual([]);
      // The thread's name in History is shortened at a word boundary.
      await page.locator('threadkit-chat button[aria-label="History"]').click();
      const name =
        (await page.locator("threadkit-chat .history-title").first().textContent()) ?? "";
      const shown = name.replace(/^Todos: /, "").replace(/…$/, "");
      expect(long.startsWith(shown)).toBe(true);
      expect(shown.length).toBeLessThan(long.length);
      expect(long[shown.length]).toBe(" ");
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it("writes every date one way, from the locale", async () => {
    const { page, errors, close } = await openTodoApp(browser, server);
    try {
      await say(page, "add Buy milk");
      const due = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10);
      await andWaitForResponse(page, () =>
        widget(page).getByRole("button", { name: "Add todo" }).click(),
      );
      await widget(page).locator('input[name="todo.title"]').fill("Send the report");
      await widget(page).locator('input[name="todo.due"]').fill(due);
      await andWaitForResponse(page, () =>
        widget(page).getByRole("button", { name: "Add", exact: true }).click(),
      );
      const written = await expectedDate(page, due);
      await expect
        .poll(() => widget(page).evaluate((el) => el.shadowRoot?.textContent ?? ""))
        .toContain(`Due ${written}`);
      await page.locator("#todo-list li", { hasText: `Due ${written}` }).waitFor();
      const today = await page.evaluate(() =>
        new Date().toLocaleDateString(navigator.language, {
          weekday: "short",
          day: "numeric",
          month: "short",
        }),
      );
      await expect(page.locator("#today").textContent()).resolves.toBe(today);
      await page.locator('threadkit-chat button[aria-label="History"]').click();
      const date = page.locator("threadkit-chat .history-date").first();
      await expect(date.textContent()).resolves.toBe(today);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it("names history threads sensibly and covers the composer with its backdrop", async () => {
    const { page, errors, close } = await openTodoApp(browser, server);
    try {
      await say(page, "add Buy milk");
      await page.locator('threadkit-chat button[aria-label="History"]').click();
      const row = page.locator("threadkit-chat .history-title").first();
      await expect(row.textContent()).resolves.toBe("Todos: Buy milk");
      const composer = await box(page.locator("threadkit-chat form.composer"));
      const hit = await page.evaluate(
        ({ x, y }) => {
          const root = document.querySelector("threadkit-chat")?.shadowRoot;
          return root?.elementFromPoint(x, y)?.className ?? "";
        },
        { x: composer.x + composer.width - 20, y: composer.y + composer.height / 2 },
      );
      expect(hit).toMatch(/scrim|history/);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});
