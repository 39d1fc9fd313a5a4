/**
 * Issue #13, item 1: the thread follows its end. A new reply with a widget is scrolled into view,
 * a reloaded thread opens at its end, a widget whose height settles after the first paint keeps
 * the end in view, and a newly opened form is scrolled into view, clear of the jump arrow.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Browser } from "playwright-core";
import { describe, expect, it } from "vitest";
import { waitForEvent } from "./helpers/page.js";
import {
  andWaitForResponse,
  openTodoApp,
  reloadTodoApp,
  say,
  type TodoServer,
  widget,
  withTodoApp,
} from "./helpers/todo-app.js";
import { distanceFromBottom, jumpVisible, visibleInThread } from "./helpers/ux.js";
import { openWidgetChat } from "./helpers/widget-chat.js";

let browser: Browser;
let server: TodoServer;
withTodoApp((b, s) => {
  [browser, server] = [b, s];
});

const atEnd = { timeout: 5_000 };

describe("scrolling", () => {
  it("scrolls a new reply with a widget into view and reopens a thread at its end", async () => {
    const { page, errors, close } = await openTodoApp(browser, server, { height: 700 });
    try {
      await say(page, "add Buy milk");
      await say(page, "add Eggs");
      await say(page, "show my todos");
      await expect.poll(() => distanceFromBottom(page), atEnd).toBeLessThan(4);
      await expect.poll(() => jumpVisible(page), atEnd).toBe(false);
      await expect.poll(() => visibleInThread(widget(page)), atEnd).toBe(true);

      await reloadTodoApp(page, server);
      await waitForEvent(page, "chatkit.thread.load.end");
      await widget(page).locator(".root").waitFor();
      await expect.poll(() => distanceFromBottom(page), atEnd).toBeLessThan(4);
      await expect.poll(() => jumpVisible(page), atEnd).toBe(false);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it("scrolls the opened Add todo form into view, clear of the jump arrow", async () => {
    const { page, errors, close } = await openTodoApp(browser, server, { height: 640 });
    try {
      await say(page, "add Buy milk");
      await say(page, "add Eggs");
      await say(page, "add Call the plumber");
      // The user reads back up, then opens the form from the list's footer.
      await page.locator("threadkit-chat .thread").evaluate((el) => {
        el.scrollTop = 0;
      });
      await expect.poll(() => jumpVisible(page)).toBe(true);
      await andWaitForResponse(page, () =>
        widget(page).getByRole("button", { name: "Add todo" }).click(),
      );
      const title = widget(page).locator('input[name="todo.title"]');
      await title.waitFor();
      await expect.poll(() => visibleInThread(title), atEnd).toBe(true);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it("keeps the end in view when a widget grows after its first paint", async () => {
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const tall = `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="900"><rect width="400" height="900" fill="#88a"/></svg>`;
    const route = async (req: IncomingMessage, res: ServerResponse) => {
      if (!req.url?.startsWith("/tall.svg")) return false;
      await held;
      res.writeHead(200, { "content-type": "image/svg+xml" });
      res.end(tall);
      return true;
    };
    const chat = await openWidgetChat(browser, {
      widget: {
        type: "Card",
        children: [
          { type: "Title", value: "A picture" },
          { type: "Image", src: "/tall.svg", alt: "A tall picture" },
          { type: "Text", value: "The end of the card" },
        ],
      },
      route,
      page: { height: 600 },
    });
    try {
      const { page } = chat;
      await expect.poll(() => distanceFromBottom(page), atEnd).toBeLessThan(4);
      release();
      await chat.widget.locator("img").evaluate(
        (img) =>
          new Promise<void>((resolve) => {
            const i = img as HTMLImageElement;
            if (i.complete && i.naturalHeight > 0) resolve();
            else i.addEventListener("load", () => resolve(), { once: true });
          }),
      );
      await expect.poll(() => distanceFromBottom(page), atEnd).toBeLessThan(4);
      await expect.poll(() => jumpVisible(page), atEnd).toBe(false);
      expect(chat.errors).toEqual([]);
    } finally {
      await chat.dispose();
    }
  });
});
