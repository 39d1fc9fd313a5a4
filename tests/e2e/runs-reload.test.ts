/**
 * Resumable replies in the real `<threadkit-chat>` against a real Threadkit server: a reload in the
 * middle of a reply rejoins it (Threadkit-Active-Run, Last-Event-ID from :0) and the reply completes
 * on the page exactly once, without running the model again.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { ChatKitServer, createNodeHandler, MemoryStore } from "@threadkit/server";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Pacer } from "../../packages/server/test/helpers/runs.js";
import {
  launchBrowser,
  mountChat,
  newPage,
  recordedEvents,
  sendMessage,
  startHarness,
} from "./helpers/index.js";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

type Ctx = { userId: string };
const WORDS = 20;

class PacedServer extends ChatKitServer<Ctx> {
  readonly pacer = new Pacer();
  readonly respond = this.pacer.respond(WORDS, "msg_reply") as ChatKitServer<Ctx>["respond"];
}

function occurrences(text: string, word: string): number {
  return text.split(/\s+/).filter((w) => w === word).length;
}

describe("a reload in the middle of a reply", () => {
  it("rejoins the running reply, which completes on the page once", async () => {
    const server = new PacedServer(new MemoryStore<Ctx>({ userId: (c) => c.userId }));
    const handler = createNodeHandler(server, { getContext: () => ({ userId: "u" }) });
    const harness = await startHarness({
      route: async (req: IncomingMessage, res: ServerResponse, body: Buffer) => {
        if (!req.url?.startsWith("/chatkit")) return false;
        (req as IncomingMessage & { body?: unknown }).body = body;
        handler(req, res);
        return true;
      },
    });
    const { page, errors, close } = await newPage(browser);
    try {
      await mountChat(page, harness);
      server.pacer.allow(5);
      await sendMessage(page, "Tell me twenty words");
      const chat = page.locator("threadkit-chat");
      await chat.getByText("w4", { exact: false }).first().waitFor();
      const change = (await recordedEvents(page, "chatkit.thread.change")).at(-1);
      const threadId = (change?.detail as { threadId: string }).threadId;
      expect(threadId).toMatch(/^thr_/);

      // Reload: the page goes away mid-reply and comes back on the same thread.
      await mountChat(page, harness, { options: { initialThread: threadId } });
      await chat.getByText("w4", { exact: false }).first().waitFor();
      server.pacer.allow();
      await chat
        .getByText(`w${WORDS - 1}`, { exact: false })
        .first()
        .waitFor();
      await page.waitForFunction(() => {
        const events = (window as unknown as { __tkEvents: { name: string }[] }).__tkEvents;
        return events.some((e) => e.name === "chatkit.response.end");
      });
      // The element renders in its shadow root.
      const text = await page.evaluate(
        () => document.querySelector("threadkit-chat")?.shadowRoot?.textContent ?? "",
      );
      for (let i = 0; i < WORDS; i++) expect(occurrences(text, `w${i}`)).toBe(1);
      expect(occurrences(text, "twenty")).toBe(1);
      expect(server.pacer.calls).toBe(1);
      expect(server.pacer.aborted).toBe(false);
      expect(await chat.locator(".error-row").count()).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await close();
      await harness.close();
    }
  });
});
