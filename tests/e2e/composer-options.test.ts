/**
 * The composer options of ChatKitOptions 1.9.0 doing what they do in the official element:
 * tools (`pinned` chips, a Tools picker for the rest, `placeholderOverride`, `persistent`),
 * models (`default`, `disabled`, sent as `inference_options.model`), `theme.typography.fontSources`
 * (registered with `document.fonts`), and `composer.dictation` (record → `input.transcribe`).
 */
import { readdirSync, readFileSync } from "node:fs";
import type { ThreadStreamEvent } from "@threadkit/core";
import { type AudioInput, ChatKitServer, MemoryStore } from "@threadkit/server";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CHROMIUM_ARGS,
  createMockChatKit,
  launchBrowser,
  mountChat,
  newPage,
  realChatKit,
  recordedEvents,
  requestsOf,
  sendMessage,
  startHarness,
  streamText,
  waitForEvent,
} from "./helpers/index.js";

/** A real font file to serve: the icon font playwright-core ships (the test only needs it to load). */
const VITE = new URL("../../node_modules/playwright-core/lib/vite/", import.meta.url);
const FONT_PATH = (readdirSync(VITE, { recursive: true }) as string[]).find((f) =>
  f.endsWith(".ttf"),
);
const FONT = readFileSync(new URL(FONT_PATH ?? "missing.ttf", VITE));

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("composer options", () => {
  it("tools: pinned chips, the Tools picker, placeholderOverride and persistent; models with default and disabled", async () => {
    const harness = await startHarness({
      mock: createMockChatKit({ respond: (ctx) => streamText(ctx, "ok") }),
    });
    const { page, errors, close } = await newPage(browser);
    try {
      await mountChat(page, harness, {
        options: {
          composer: {
            placeholder: "Ask",
            tools: [
              {
                id: "search",
                label: "Search",
                icon: "search",
                pinned: true,
                persistent: true,
                placeholderOverride: "Search the web",
              },
              { id: "draw", label: "Draw", icon: "sparkle" },
            ],
            models: [
              { id: "fast", label: "Fast", disabled: true },
              { id: "deep", label: "Deep", default: true },
              { id: "mini", label: "Mini", description: "Cheaper" },
            ],
          },
        },
      });
      const chat = page.locator("threadkit-chat");
      const box = chat.locator("textarea");
      const search = chat.locator(".tool-chip[data-tool-id=search]");
      const picker = chat.getByRole("combobox", { name: "Tools" });
      const models = chat.getByRole("combobox", { name: "Model" });
      await expect(chat.locator("button.tool-chip").allTextContents()).resolves.toEqual([
        expect.stringContaining("Search"),
      ]);
      await expect(picker.locator("option").allTextContents()).resolves.toEqual(["Tools", "Draw"]);
      await expect(models.inputValue()).resolves.toBe("deep");
      await expect(models.locator("option[value=fast]").isDisabled()).resolves.toBe(true);

      await search.click();
      await expect(box.getAttribute("placeholder")).resolves.toBe("Search the web");
      await sendMessage(page, "one");
      await waitForEvent(page, "chatkit.response.end");
      // Persistent: still selected after sending.
      await expect(search.getAttribute("aria-pressed")).resolves.toBe("true");

      await picker.selectOption("draw");
      const draw = chat.locator(".tool-chip[data-tool-id=draw]");
      await expect(draw.getAttribute("aria-pressed")).resolves.toBe("true");
      await models.selectOption("mini");
      await sendMessage(page, "two");
      await waitForEvent(page, "chatkit.response.end", 2);
      // Not persistent: cleared after sending.
      await draw.waitFor({ state: "detached" });
      await expect(box.getAttribute("placeholder")).resolves.toBe("Ask");

      const sent = [
        ...requestsOf(harness, "threads.create"),
        ...requestsOf(harness, "threads.add_user_message"),
      ].map((r) => (r.params.input as { inference_options: unknown }).inference_options);
      expect(sent).toEqual([
        { tool_choice: { id: "search" }, model: "deep" },
        { tool_choice: { id: "draw" }, model: "mini" },
      ]);
      const changes = (await recordedEvents(page, "chatkit.tool.change")).map((e) => e.detail);
      expect(changes).toEqual([{ toolId: "search" }, { toolId: "draw" }, { toolId: null }]);
      expect(errors).toEqual([]);
    } finally {
      await close();
      await harness.close();
    }
  });

  it("theme.typography.fontSources registers the fonts; a font that fails to load is reported", async () => {
    const harness = await startHarness({
      route: (req, res) => {
        if (req.url !== "/fonts/tk.ttf") return false;
        res.writeHead(200, { "content-type": "font/ttf" });
        res.end(FONT);
        return true;
      },
    });
    const { page, close } = await newPage(browser);
    try {
      await mountChat(page, harness, {
        options: {
          theme: {
            typography: {
              fontFamily: "TkSans, sans-serif",
              fontSources: [
                { family: "TkSans", src: "/fonts/tk.ttf", weight: 400, display: "swap" },
                { family: "TkMissing", src: "/fonts/missing.woff2" },
              ],
            },
          },
        },
      });
      await page.waitForFunction(() =>
        [...document.fonts].some((f) => f.family === "TkSans" && f.status === "loaded"),
      );
      const family = await page
        .locator("threadkit-chat .root")
        .evaluate((el) => getComputedStyle(el).fontFamily);
      expect(family).toContain("TkSans");
      await waitForEvent(page, "chatkit.error");
      const [error] = await recordedEvents(page, "chatkit.error");
      expect(JSON.stringify(error?.detail)).toContain('font \\"TkMissing\\" failed to load');
    } finally {
      await close();
      await harness.close();
    }
  });
});

/** Transcribes by describing what it received. */
class DictationServer extends ChatKitServer<{ userId: string }> {
  async *respond(): AsyncGenerator<ThreadStreamEvent> {}
  override async transcribe(audio: AudioInput) {
    return { text: `heard ${audio.data.byteLength} bytes of ${audio.media_type}` };
  }
}

describe("dictation", () => {
  let micBrowser: Browser;
  beforeAll(async () => {
    // A fake microphone that needs no permission prompt.
    micBrowser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        ...CHROMIUM_ARGS,
        "--use-fake-ui-for-media-stream",
        "--use-fake-device-for-media-stream",
      ],
      headless: true,
    });
  });
  afterAll(async () => {
    await micBrowser?.close();
  });

  it("records, sends the audio to input.transcribe and inserts the text", async () => {
    const server = new DictationServer(new MemoryStore());
    const harness = await startHarness({ chatkit: realChatKit(server, { userId: "u" }) });
    const { page, errors, close } = await newPage(micBrowser);
    try {
      await mountChat(page, harness, { options: { composer: { dictation: { enabled: true } } } });
      const chat = page.locator("threadkit-chat");
      await chat.locator("textarea").fill("Note:");
      const mic = chat.getByRole("button", { name: "Dictate" });
      await mic.click();
      const stop = chat.getByRole("button", { name: "Stop dictation" });
      await expect(stop.getAttribute("aria-pressed")).resolves.toBe("true");
      await stop.click();
      await expect
        .poll(() => chat.locator("textarea").inputValue())
        .toMatch(/^Note: heard [1-9]\d* bytes of audio\/\w+$/);
      await expect(mic.getAttribute("aria-pressed")).resolves.toBe("false");
      expect(errors).toEqual([]);
    } finally {
      await close();
      await harness.close();
    }
  });
});
