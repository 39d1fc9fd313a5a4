import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createGate,
  createMockChatKit,
  type Gate,
  launchBrowser,
  mountChat,
  newPage,
  recordedEvents,
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

describe("<threadkit-chat> conversation", () => {
  it("sends a message and renders the streamed Markdown reply", async () => {
    const mock = createMockChatKit({
      respond: (ctx) =>
        streamText(
          ctx,
          `# Title\n\nYou said **${ctx.text}**.\n\n- one\n- two\n\n\`\`\`js\nconst x = 1;\n\`\`\``,
          5,
        ),
    });
    const harness = await startHarness({ mock });
    const { page, errors, close } = await newPage(browser);
    try {
      await mountChat(page, harness, { options: { locale: "fr-FR" } });
      await sendMessage(page, "hello there");
      await waitForEvent(page, "chatkit.response.end");
      const user = page.locator('threadkit-chat [data-item-type="user_message"]');
      await expect(user.textContent()).resolves.toContain("hello there");
      const reply = page.locator('threadkit-chat [data-item-type="assistant_message"]');
      await expect(reply.locator("h1").textContent()).resolves.toBe("Title");
      await expect(reply.locator("strong").textContent()).resolves.toBe("hello there");
      await expect(reply.locator("li").count()).resolves.toBe(2);
      await expect(reply.locator("pre code").textContent()).resolves.toContain("const x = 1;");
      const first = mock.requests[0];
      expect(first?.type).toBe("threads.create");
      expect(first?.headers["accept-language"]).toBe("fr-FR");
      expect(first?.params).toMatchObject({
        input: {
          content: [{ type: "input_text", text: "hello there" }],
          attachments: [],
          inference_options: {},
        },
      });
      const names = (await recordedEvents(page)).map((e) => e.name);
      expect(names).toEqual([
        "chatkit.ready",
        "chatkit.response.start",
        "chatkit.thread.change",
        "chatkit.response.end",
      ]);
      // a second message goes to the same thread
      await sendMessage(page, "again");
      await waitForEvent(page, "chatkit.response.end", 2);
      expect(mock.requests[1]?.type).toBe("threads.add_user_message");
      expect(errors).toEqual([]);
    } finally {
      await close();
      await harness.close();
    }
  });

  it("stops a streaming response and refuses commands while it streams", async () => {
    let gate: Gate = createGate();
    const mock = createMockChatKit({
      respond: async function* (ctx) {
        yield* streamText(ctx, "Partial answer", 1);
        yield { type: "progress_update", text: "Thinking hard" };
        await gate.promise;
        yield* streamText(ctx, "never shown", 1);
      },
    });
    const harness = await startHarness({ mock });
    const { page, close } = await newPage(browser);
    try {
      await mountChat(page, harness);
      await sendMessage(page, "long one");
      const status = page.locator("threadkit-chat .status-line");
      await status.waitFor();
      await expect(status.textContent()).resolves.toContain("Thinking hard");
      const refused = await page.evaluate(async () => {
        const tk = (
          window as unknown as {
            tk: {
              sendAction(a: unknown): Promise<void>;
              sendUserMessage(p: unknown): Promise<void>;
            };
          }
        ).tk;
        const out: string[] = [];
        await tk.sendAction({ type: "x" }).catch((e: Error) => out.push(e.message));
        await tk.sendUserMessage({ text: "y" }).catch((e: Error) => out.push(e.message));
        return out;
      });
      expect(refused).toEqual([
        "ChatKit: sendAction() ignored - already responding",
        "ChatKit: sendUserMessage() ignored - already responding",
      ]);
      await page.locator('threadkit-chat button[aria-label="Stop"]').click();
      await waitForEvent(page, "chatkit.response.end");
      gate.open();
      await expect(
        page.locator('threadkit-chat button[aria-label="Send message"]').count(),
      ).resolves.toBe(1);
      await expect(page.locator("threadkit-chat .status-line").count()).resolves.toBe(0);
      await expect(page.locator("threadkit-chat").textContent()).resolves.not.toContain(
        "never shown",
      );
      gate = createGate();
    } finally {
      gate.open();
      await close();
      await harness.close();
    }
  });

  it("opens a 300-item thread at its real bottom, every message rendered", async () => {
    const mock = createMockChatKit();
    const at = (i: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString();
    mock.addThread({
      id: "thr_long",
      items: Array.from({ length: 300 }, (_, i) => ({
        id: `itm_${i}`,
        thread_id: "thr_long",
        created_at: at(i),
        ...(i % 2 === 0
          ? { type: "user_message", content: [{ type: "input_text", text: `Question ${i}` }] }
          : {
              type: "assistant_message",
              content: [
                {
                  type: "output_text",
                  text: `Answer ${i}: ${"words ".repeat(i % 40)}`,
                  annotations: [],
                },
              ],
            }),
      })),
    });
    const harness = await startHarness({ mock });
    const { page, errors, close } = await newPage(browser, { width: 400, height: 700 });
    try {
      await mountChat(page, harness, { options: { initialThread: "thr_long" } });
      await waitForEvent(page, "chatkit.thread.load.end");
      const last = page.locator('threadkit-chat [data-item-id="itm_299"]');
      await last.waitFor();
      await expect(page.locator("threadkit-chat [data-item-id]").count()).resolves.toBe(300);
      const gap = await page.evaluate(async () => {
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        const thread = document
          .querySelector("threadkit-chat")
          ?.shadowRoot?.querySelector(".thread");
        return thread ? thread.scrollHeight - thread.scrollTop - thread.clientHeight : -1;
      });
      expect(gap).toBeLessThanOrEqual(1);
      expect(gap).toBeGreaterThanOrEqual(0);
      expect(errors).toEqual([]);
    } finally {
      await close();
      await harness.close();
    }
  });
});
