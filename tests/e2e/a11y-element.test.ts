/**
 * Issue #13, accessibility of the element itself: axe-core finds 0 violations in light and dark,
 * at 1280 and 390 px, on the start screen, a thread with every shared widget fixture
 * (`../shared/fixtures/widgets`), the error state and the history panel. Keyboard only: every
 * widget control is reached by Tab, Escape closes the history panel, and focus is visible.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations } from "./helpers/axe.js";
import {
  createMockChatKit,
  launchBrowser,
  type MockEvent,
  makeItem,
  mountChat,
  newPage,
  type RespondContext,
  sendMessage,
  startHarness,
  streamText,
  waitForEvent,
} from "./helpers/index.js";
import { loadFixtures } from "./widgets-fixture.js";

const fixtures = loadFixtures();

/** A well-formed host page (language, main landmark, h1): the audit is about the element. */
const HOST_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Element audit</title>
<style>html,body{margin:0;height:100%}main{height:100vh}#app{height:100%}threadkit-chat{display:block;height:100%}
h1{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}</style>
<script type="module" src="/threadkit.js"></script></head>
<body><main><h1>Support chat</h1><div id="app"></div></main></body></html>`;

function* respond(ctx: RespondContext): Generator<MockEvent> {
  if (ctx.text === "fail") {
    yield {
      type: "error",
      code: "custom",
      message: "The calendar is unavailable.",
      allow_retry: true,
    };
    return;
  }
  yield* streamText(ctx, "Here are **all the widgets**:");
  for (const { widget } of fixtures) {
    yield { type: "thread.item.done", item: makeItem(ctx, "widget", { widget }) };
  }
}

/** The fixtures' pictures live on the internet, which the test machine does not reach. */
const notImageLoad = (e: string) => !e.startsWith("Failed to load resource");

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const options = {
  startScreen: {
    greeting: "What can I help with today?",
    prompts: [
      { label: "Compare plans", prompt: "Compare the plans", icon: "sparkle" },
      { label: "Write an email", prompt: "Write an email" },
    ],
  },
  threadItemActions: { feedback: true, retry: true },
  composer: { placeholder: "Ask anything", attachments: { enabled: true } },
  disclaimer: { text: "AI can make mistakes." },
  history: { enabled: true },
};

/** The deep focused element's outline, as the user sees it (width and style). */
const focusRing = (page: import("playwright-core").Page) =>
  page.evaluate(() => {
    let a: Element | null = document.activeElement;
    while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
    if (!a) return "none";
    const s = getComputedStyle(a);
    return s.outlineStyle !== "none" && Number.parseFloat(s.outlineWidth) >= 1
      ? "visible"
      : `${a.tagName} ${s.outlineStyle} ${s.outlineWidth} ${s.boxShadow}`;
  });

describe("element accessibility (axe)", () => {
  for (const width of [1280, 390]) {
    for (const colorScheme of ["light", "dark"] as const) {
      it(`has no axe violations at ${width}px ${colorScheme}`, async () => {
        const harness = await startHarness({
          mock: createMockChatKit({ respond }),
          files: { "/host.html": HOST_PAGE },
        });
        const { page, errors, close } = await newPage(browser, { width, height: 860, colorScheme });
        const found: string[] = [];
        const audit = async (label: string) => {
          found.push(...(await axeViolations(page, `${width} ${colorScheme} ${label}`)));
        };
        try {
          await mountChat(page, harness, {
            path: "/host.html",
            options: { ...options, theme: { colorScheme } },
          });
          await page.locator("threadkit-chat .start").waitFor();
          await audit("start screen");
          await sendMessage(page, "show every widget");
          await waitForEvent(page, "chatkit.response.end");
          await expect
            .poll(() => page.locator("threadkit-chat tk-widget >> .root").count())
            .toBe(fixtures.length);
          await audit("every widget fixture");
          await sendMessage(page, "fail");
          await waitForEvent(page, "chatkit.response.end", 2);
          await page.locator("threadkit-chat .error-row").waitFor();
          await audit("error state");
          await page.locator('threadkit-chat button[aria-label="History"]').click();
          await page.locator("threadkit-chat .history-row").first().waitFor();
          await audit("history");
          expect(found).toEqual([]);
          expect(errors.filter(notImageLoad)).toEqual([]);
        } finally {
          await close();
          await harness.close();
        }
      });
    }
  }
});

describe("element keyboard use", () => {
  it("reaches every widget control by Tab with a visible focus ring, and Escape closes history", async () => {
    const harness = await startHarness({
      mock: createMockChatKit({ respond }),
      files: { "/host.html": HOST_PAGE },
    });
    const { page, errors, close } = await newPage(browser, { width: 1280, height: 860 });
    try {
      await mountChat(page, harness, { path: "/host.html", options });
      await sendMessage(page, "show every widget");
      await waitForEvent(page, "chatkit.response.end");
      await expect
        .poll(() => page.locator("threadkit-chat tk-widget >> .root").count())
        .toBe(fixtures.length);
      // Tag every enabled control in every widget, then Tab from the header through the thread.
      const total = await page.evaluate(() => {
        const chat = document.querySelector("threadkit-chat")?.shadowRoot;
        let n = 0;
        for (const w of chat?.querySelectorAll("tk-widget") ?? []) {
          for (const el of w.shadowRoot?.querySelectorAll(
            "button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), a[href], [tabindex='0']",
          ) ?? []) {
            el.setAttribute("data-kb", String(n++));
          }
        }
        return n;
      });
      expect(total).toBeGreaterThan(20);
      await page.locator('threadkit-chat button[aria-label="New chat"]').focus();
      const reached = new Set<string>();
      const unringed: string[] = [];
      for (let i = 0; i < total * 3 + 40 && reached.size < total; i++) {
        await page.keyboard.press("Tab");
        const idx = await page.evaluate(() => {
          let a: Element | null = document.activeElement;
          while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
          return a?.getAttribute("data-kb") ?? null;
        });
        if (idx === null) continue;
        reached.add(idx);
        const ring = await focusRing(page);
        if (ring !== "visible") unringed.push(ring);
      }
      expect(reached.size).toBe(total);
      expect(unringed).toEqual([]);

      await page.locator('threadkit-chat button[aria-label="History"]').focus();
      await page.keyboard.press("Enter");
      await page.locator("threadkit-chat .history").waitFor();
      await page.keyboard.press("Escape");
      await page.locator("threadkit-chat .history").waitFor({ state: "detached" });
      expect(errors.filter(notImageLoad)).toEqual([]);
    } finally {
      await close();
      await harness.close();
    }
  });
});
