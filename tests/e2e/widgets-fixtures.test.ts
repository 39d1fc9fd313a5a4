import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, launchBrowser, newPage, screenshot } from "./helpers/index.js";
import { loadFixtures, mountWidget, startWidgetHarness } from "./widgets-fixture.js";

const fixtures = loadFixtures();
let browser: Browser;
let harness: Harness;

beforeAll(async () => {
  [browser, harness] = await Promise.all([launchBrowser(), startWidgetHarness()]);
});
afterAll(async () => {
  await Promise.all([browser?.close(), harness?.close()]);
});

const FOCUSABLE =
  "button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex='0']";

describe("widget fixtures", () => {
  it("has fixtures to render", () => {
    expect(fixtures.length).toBeGreaterThan(5);
  });

  for (const { name, widget } of fixtures) {
    it(`${name} renders without console errors and every control is reachable by Tab`, async () => {
      const { page, errors, close } = await newPage(browser);
      try {
        await mountWidget(page, harness, widget);
        const root = page.locator("tk-widget .root");
        await expect(root.count()).resolves.toBe(1);
        const box = await root.boundingBox();
        expect(box?.height ?? 0).toBeGreaterThan(10);
        // Tag every focusable control, then Tab through the page and record what got focus.
        const total = await page.evaluate((sel) => {
          const shadow = document.querySelector("tk-widget")!.shadowRoot!;
          const all = [...shadow.querySelectorAll<HTMLElement>(sel)];
          for (const [i, el] of all.entries()) el.setAttribute("data-focus-idx", String(i));
          return all.length;
        }, FOCUSABLE);
        const reached = new Set<string>();
        for (let i = 0; i < total + 2; i++) {
          await page.keyboard.press("Tab");
          const idx = await page.evaluate(() => {
            let a: Element | null = document.activeElement;
            while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
            return a?.getAttribute("data-focus-idx") ?? null;
          });
          if (idx !== null) reached.add(idx);
        }
        expect(reached.size).toBe(total);
        expect(errors).toEqual([]);
      } finally {
        await close();
      }
    });
  }

  it("screenshots every fixture in light and dark at 375px and 1280px", async () => {
    for (const scheme of ["light", "dark"] as const) {
      for (const width of [375, 1280]) {
        const { page, errors, close } = await newPage(browser, { width, colorScheme: scheme });
        try {
          for (const { name, widget } of fixtures) {
            await mountWidget(page, harness, widget, { theme: scheme });
            await page.evaluate(() => document.fonts.ready);
            await page.waitForLoadState("networkidle");
            await screenshot(page, `widget-${name}-${scheme}-${width}`);
          }
          expect(errors).toEqual([]);
        } finally {
          await close();
        }
      }
    }
  });
});
