/**
 * Widget actions through the real `<threadkit-chat>` and the mock ChatKit server: server actions
 * (streaming and sync) updating the widget in place, client actions chaining with sendAction,
 * refusals while a reply streams, failures restoring the control, and inert Markdown.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createGate,
  createMockChatKit,
  type Gate,
  launchBrowser,
  type MockEvent,
  mountChat,
  newPage,
  openWidgetChat,
  type RespondContext,
  recordedEvents,
  requestsOf,
  sendMessage,
  startHarness,
  streamText,
  waitForEvent,
} from "./helpers/index.js";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const approve = { type: "approve", payload: { id: 7 } };
const CARD = {
  type: "Card",
  children: [
    { type: "Text", id: "status", value: "Pending" },
    { type: "Markdown", id: "notes", value: "Notes:", streaming: true },
    { type: "Input", name: "note", placeholder: "Add a note" },
    {
      type: "Row",
      children: [
        { type: "Button", key: "approve", label: "Approve", onClickAction: approve },
        { type: "Button", key: "reject", label: "Reject", onClickAction: { type: "reject" } },
        {
          type: "Button",
          key: "star",
          label: "Star",
          onClickAction: { type: "star", streaming: false },
        },
        {
          type: "Button",
          key: "open",
          label: "Open",
          onClickAction: { type: "open", handler: "client", payload: { id: 7 } },
        },
      ],
    },
  ],
};

function itemIdOf(ctx: RespondContext): string {
  return String(ctx.request.params.item_id);
}

/** The server side of "approve": updates one component and streams text into another. */
function* approveAction(ctx: RespondContext): Generator<MockEvent> {
  const item_id = itemIdOf(ctx);
  yield {
    type: "thread.item.updated",
    item_id,
    update: {
      type: "widget.component.updated",
      component_id: "status",
      component: { type: "Text", id: "status", value: "Approved" },
    },
  };
  for (const [delta, done] of [
    [" looks", false],
    [" good", true],
  ] as const) {
    yield {
      type: "thread.item.updated",
      item_id,
      update: { type: "widget.streaming_text.value_delta", component_id: "notes", delta, done },
    };
  }
}

const button = (chat: { widget: import("playwright-core").Locator }, name: string) =>
  chat.widget.getByRole("button", { name });

describe("server actions", () => {
  it("POSTs threads.custom_action and updates the widget in place, keeping typed values", async () => {
    const chat = await openWidgetChat(browser, { widget: CARD, action: approveAction });
    try {
      const input = chat.widget.locator('input[name="note"]');
      await input.fill("typed by the user");
      // Tag the live DOM nodes: an in-place update keeps them.
      await input.evaluate((el) => {
        (el as unknown as { tkTag: string }).tkTag = "same-input";
      });
      await button(chat, "Approve").click();
      await waitForEvent(chat.page, "chatkit.response.end", 2);
      const [request] = requestsOf(chat.harness, "threads.custom_action");
      expect(request?.params).toEqual({
        thread_id: chat.threadId,
        item_id: chat.itemId,
        action: { type: "approve", payload: { id: 7 } },
      });
      // The update renders on the next frame: wait for it, then check there is exactly one.
      await chat.widget.locator("p", { hasText: "Approved" }).waitFor();
      await expect(chat.widget.locator("p", { hasText: "Approved" }).count()).resolves.toBe(1);
      await expect(chat.widget.locator(".markdown, .prose").first().textContent()).resolves.toMatch(
        /Notes: looks good/,
      );
      await expect(input.inputValue()).resolves.toBe("typed by the user");
      await expect(
        input.evaluate((el) => (el as unknown as { tkTag?: string }).tkTag),
      ).resolves.toBe("same-input");
      // The Approve button is interactive again.
      await expect(button(chat, "Approve").isEnabled()).resolves.toBe(true);
      expect(chat.errors).toEqual([]);
    } finally {
      await chat.dispose();
    }
  });

  it("thread.item.replaced and widget.root.updated keep what the user typed in fields that still exist", async () => {
    const chat = await openWidgetChat(browser, {
      widget: CARD,
      action: function* (ctx) {
        const item = ctx.thread.items.find((i) => i.id === itemIdOf(ctx))!;
        const children = [{ type: "Title", value: "Replaced" }, ...CARD.children];
        yield { type: "thread.item.replaced", item: { ...item, widget: { ...CARD, children } } };
        yield {
          type: "thread.item.updated",
          item_id: item.id,
          update: {
            type: "widget.root.updated",
            widget: {
              ...CARD,
              children: [...children, { type: "Caption", value: "Root updated" }],
            },
          },
        };
      },
    });
    try {
      const input = chat.widget.locator('input[name="note"]');
      await input.fill("keep me");
      await button(chat, "Approve").click();
      await waitForEvent(chat.page, "chatkit.response.end", 2);
      await chat.widget.getByText("Root updated").waitFor();
      await expect(chat.widget.getByText("Replaced").count()).resolves.toBe(1);
      await expect(input.inputValue()).resolves.toBe("keep me");
    } finally {
      await chat.dispose();
    }
  });

  it("streaming: false uses threads.sync_custom_action, applies updated_item, and works while a reply streams", async () => {
    let gate: Gate = createGate();
    const chat = await openWidgetChat(browser, {
      widget: CARD,
      action: async function* (ctx) {
        yield* streamText(ctx, "Working on it", 1);
        await gate.promise;
      },
      syncAction: (ctx) => {
        const item = ctx.thread.items.find((i) => i.id === ctx.request.params.item_id)!;
        const children = CARD.children.map((c) =>
          "id" in c && c.id === "status" ? { ...c, value: "Starred" } : c,
        );
        return { updated_item: { ...item, widget: { ...CARD, children } } };
      },
    });
    try {
      await button(chat, "Approve").click();
      await waitForEvent(chat.page, "chatkit.response.start", 2);
      // While that reply streams: a sync action goes through...
      await button(chat, "Star").click();
      await chat.widget.getByText("Starred").waitFor();
      const [sync] = requestsOf(chat.harness, "threads.sync_custom_action");
      expect(sync?.params).toEqual({
        thread_id: chat.threadId,
        item_id: chat.itemId,
        action: { type: "star", payload: null },
      });
      // ...an imperative streaming action and a new message are refused, for the developer...
      const refused = await chat.page.evaluate(async () => {
        type Tk = {
          sendCustomAction(a: unknown): Promise<void>;
          sendUserMessage(p: unknown): Promise<void>;
        };
        const tk = (window as unknown as { tk: Tk }).tk;
        const out: string[] = [];
        await tk.sendCustomAction({ type: "again" }).catch((e: Error) => out.push(e.message));
        await tk.sendUserMessage({ text: "hi" }).catch((e: Error) => out.push(e.message));
        return out;
      });
      expect(refused).toEqual([
        "ChatKit: sendAction() ignored - already responding",
        "ChatKit: sendUserMessage() ignored - already responding",
      ]);
      const errors = await recordedEvents(chat.page, "chatkit.error");
      expect(errors.map((e) => e.detail)).toContainEqual({
        error: { message: "ChatKit: sendAction() ignored - already responding" },
      });
      // ...and never shown to the user.
      await expect(chat.page.locator("threadkit-chat").textContent()).resolves.not.toContain(
        "ignored",
      );
      // A click is queued: its control shows loading, and it is sent when the reply ends.
      await button(chat, "Reject").click();
      await chat.widget.locator('button[aria-busy="true"]', { hasText: "Reject" }).waitFor();
      expect(requestsOf(chat.harness, "threads.custom_action")).toHaveLength(1);
      expect(requestsOf(chat.harness, "threads.add_user_message")).toHaveLength(0);
      gate.open();
      await waitForEvent(chat.page, "chatkit.response.end", 2);
      await waitForEvent(chat.page, "chatkit.response.end", 3);
      const actions = requestsOf(chat.harness, "threads.custom_action");
      expect(actions.map((r) => (r.params.action as { type: string }).type)).toEqual([
        "approve",
        "reject",
      ]);
      await expect(button(chat, "Reject").isEnabled()).resolves.toBe(true);
      expect((await recordedEvents(chat.page, "chatkit.error")).length).toBe(errors.length);
      gate = createGate();
    } finally {
      gate.open();
      await chat.dispose();
    }
  });

  it("a failed action restores the control and emits chatkit.error", async () => {
    const chat = await openWidgetChat(browser, {
      widget: CARD,
      route: (_req, res, body) => {
        const type = body.length ? (JSON.parse(body.toString()) as { type?: string }).type : "";
        if (type !== "threads.custom_action" && type !== "threads.sync_custom_action") return false;
        res.writeHead(500, { "content-type": "application/json" });
        res.end(JSON.stringify({ error: "boom", message: "Action exploded" }));
        return true;
      },
    });
    try {
      for (const name of ["Approve", "Star"]) {
        const before = (await recordedEvents(chat.page, "chatkit.error")).length;
        await button(chat, name).click();
        await waitForEvent(chat.page, "chatkit.error", before + 1);
        const b = button(chat, name);
        await expect(b.isEnabled()).resolves.toBe(true);
        await expect(b.getAttribute("aria-busy")).resolves.toBeNull();
        const last = (await recordedEvents(chat.page, "chatkit.error")).at(-1);
        expect(JSON.stringify(last?.detail)).toContain("Action exploded");
      }
      // Failed errors are reported once each.
      await expect(recordedEvents(chat.page, "chatkit.error")).resolves.toHaveLength(2);
    } finally {
      await chat.dispose();
    }
  });
});

describe("client actions", () => {
  it("reach widgets.onAction with {id, widget}, send nothing, and chain to the server with sendAction", async () => {
    const chat = await openWidgetChat(browser, {
      widget: CARD,
      mount: {
        script: `
          window.__onAction = [];
          options.widgets = {
            onAction: async (action, item) => {
              window.__onAction.push({ action, id: item.id, type: item.widget.type });
              await new Promise((r) => setTimeout(r, 50));
              await el.sendAction({ type: "opened", payload: action.payload }, item.id);
            },
          };`,
      },
    });
    try {
      const before = chat.harness.mock.requests.length;
      await button(chat, "Open").click();
      await waitForEvent(chat.page, "chatkit.response.end", 2);
      const seen = await chat.page.evaluate(
        () => (window as unknown as { __onAction: [] }).__onAction,
      );
      expect(seen).toEqual([
        { action: { type: "open", payload: { id: 7 } }, id: chat.itemId, type: "Card" },
      ]);
      const sent = chat.harness.mock.requests.slice(before);
      expect(sent.map((r) => r.type)).toEqual(["threads.custom_action"]);
      expect(sent[0]?.params).toEqual({
        thread_id: chat.threadId,
        item_id: chat.itemId,
        action: { type: "opened", payload: { id: 7 } },
      });
      await chat.page.locator("threadkit-chat").getByText("Action opened done").waitFor();
      expect(chat.errors).toEqual([]);
    } finally {
      await chat.dispose();
    }
  });

  it("are not blocked while a reply streams, and a rejecting handler restores the control", async () => {
    let gate: Gate = createGate();
    const chat = await openWidgetChat(browser, {
      widget: CARD,
      action: async function* (ctx) {
        yield* streamText(ctx, "Working", 1);
        await gate.promise;
      },
      mount: {
        script: `
          window.__opened = 0;
          options.widgets = { onAction: async () => { window.__opened++; throw new Error("client handler failed"); } };`,
      },
    });
    try {
      await button(chat, "Approve").click();
      await waitForEvent(chat.page, "chatkit.response.start", 2);
      await button(chat, "Open").click();
      await waitForEvent(chat.page, "chatkit.error");
      await expect(
        chat.page.evaluate(() => (window as unknown as { __opened: number }).__opened),
      ).resolves.toBe(1);
      const [error] = await recordedEvents(chat.page, "chatkit.error");
      expect(error?.detail).toEqual({ error: { message: "client handler failed" } });
      await expect(button(chat, "Open").isEnabled()).resolves.toBe(true);
      gate.open();
      await waitForEvent(chat.page, "chatkit.response.end", 2);
      gate = createGate();
    } finally {
      gate.open();
      await chat.dispose();
    }
  });
});

describe("rendering safety and item markers", () => {
  it("renders Markdown with <script> and javascript: links inert, in messages and widgets", async () => {
    const evil =
      'Hi <script>window.__pwned = 1</script> <img src=x onerror="window.__pwned = 2">\n\n' +
      "[click](javascript:window.__pwned=3) [ok](https://example.com)\n\n" +
      '<a href="javascript:window.__pwned=4">raw</a>';
    const mock = createMockChatKit({
      respond: function* (ctx) {
        yield* streamText(ctx, evil, 3);
        yield {
          type: "thread.item.done",
          item: {
            id: "wdg_md",
            type: "widget",
            thread_id: ctx.thread.id,
            created_at: new Date().toISOString(),
            widget: { type: "Card", children: [{ type: "Markdown", value: evil }] },
          },
        };
        const cite = (url: string, title: string) => ({
          type: "annotation",
          source: { type: "url", url, title },
        });
        yield {
          type: "thread.item.done",
          item: {
            id: "msg_cited",
            type: "assistant_message",
            thread_id: ctx.thread.id,
            created_at: new Date().toISOString(),
            content: [
              {
                type: "output_text",
                text: "Cited.",
                annotations: [
                  cite("javascript:window.__pwned=5", "Evil source"),
                  cite("java\tscript:window.__pwned=6", "Tabbed source"),
                  cite("https://example.org/src", "Good source"),
                ],
              },
            ],
          },
        };
      },
    });
    const harness = await startHarness({ mock });
    const { page, errors, close } = await newPage(browser);
    try {
      await mountChat(page, harness);
      await sendMessage(page, "be evil");
      await waitForEvent(page, "chatkit.response.end");
      const chat = page.locator("threadkit-chat");
      await chat.locator('tk-widget [class*="markdown"], tk-widget .prose').first().waitFor();
      const report = await page.evaluate(() => {
        const out: { scripts: number; handlers: number; jsLinks: number; links: string[] } = {
          scripts: 0,
          handlers: 0,
          jsLinks: 0,
          links: [],
        };
        const visit = (root: Document | ShadowRoot) => {
          for (const el of root.querySelectorAll("*")) {
            if (el.tagName === "SCRIPT" && root !== document) out.scripts++;
            for (const a of el.getAttributeNames()) if (a.startsWith("on")) out.handlers++;
            const href = el.getAttribute("href");
            if (href !== null && /^\s*javascript:/i.test(href)) out.jsLinks++;
            if (el.tagName === "A" && href) out.links.push(href);
            if (el.shadowRoot) visit(el.shadowRoot);
          }
        };
        visit(document);
        return out;
      });
      expect(report).toMatchObject({ scripts: 0, handlers: 0, jsLinks: 0 });
      expect(report.links.sort()).toEqual([
        "https://example.com",
        "https://example.com",
        "https://example.org/src",
      ]);
      await chat.getByText("Evil source").click();
      // Clicking the neutralised link runs nothing; raw HTML shows as text.
      await chat.getByText("click").first().click();
      await page.waitForTimeout(100);
      await expect(
        page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
      ).resolves.toBeUndefined();
      await expect(
        chat.locator('[data-item-type="assistant_message"]').first().textContent(),
      ).resolves.toContain("<script>");
      expect(errors).toEqual([]);
    } finally {
      await close();
      await harness.close();
    }
  });

  it("marks every rendered thread item with data-item-id and data-item-type", async () => {
    const chat = await openWidgetChat(browser, { widget: CARD });
    try {
      const marks = await chat.page.evaluate(() => {
        const root = document.querySelector("threadkit-chat")!.shadowRoot!;
        const inner = root.querySelector(".thread-inner")!;
        return [...inner.children]
          .filter((el) => !el.classList.contains("start-screen"))
          .map((el) => [el.getAttribute("data-item-type"), el.getAttribute("data-item-id")]);
      });
      expect(marks).toEqual([
        ["user_message", expect.stringMatching(/^msg_/)],
        ["widget", chat.itemId],
      ]);
    } finally {
      await chat.dispose();
    }
  });
});
