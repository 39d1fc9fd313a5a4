/**
 * The split bundle (`dist/lazy/`): `<threadkit-chat>` works from its entry alone, the Markdown
 * engine arrives right after it, and the Chart renderer (with d3-shape) and the history panel
 * are fetched from the same origin only when first used, then render as in the one-file build;
 * a page in another language fetches that translation alone and paints in it from the start.
 */
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createMockChatKit,
  launchBrowser,
  makeItem,
  mountChat,
  newPage,
  sendMessage,
  startHarness,
  streamText,
  waitForEvent,
} from "./helpers/index.js";

const LAZY = fileURLToPath(new URL("../../packages/client/dist/lazy/", import.meta.url));

/** The split build served as the page's `/threadkit.js`, with its chunks beside it. */
function lazyFiles(): Record<string, string> {
  const files: Record<string, string> = {
    "/threadkit.js": readFileSync(`${LAZY}threadkit.js`, "utf8"),
  };
  for (const name of readdirSync(`${LAZY}chunks`)) {
    files[`/chunks/${name}`] = readFileSync(`${LAZY}chunks/${name}`, "utf8");
  }
  return files;
}

const CHART = {
  type: "Card",
  children: [
    {
      type: "Chart",
      height: 160,
      xAxis: "day",
      data: [
        { day: "Mon", visits: 3 },
        { day: "Tue", visits: 7 },
        { day: "Wed", visits: 5 },
      ],
      series: [{ type: "line", dataKey: "visits", label: "Visits", curveType: "natural" }],
    },
  ],
};

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("split bundle", () => {
  it("loads the chart and the history panel on first use, from the same origin", async () => {
    const mock = createMockChatKit({
      *respond(ctx) {
        yield* streamText(ctx, "**Hello** from the _lazy_ build");
        yield { type: "thread.item.done", item: makeItem(ctx, "widget", { widget: CHART }) };
      },
    });
    const harness = await startHarness({ mock, files: lazyFiles() });
    const { page, errors, close } = await newPage(browser);
    const chunks = () => harness.log.filter((line) => line.startsWith("GET /chunks/"));
    try {
      await mountChat(page, harness);
      await expect(page.locator("threadkit-chat textarea").isEditable()).resolves.toBe(true);
      expect(chunks().some((line) => /chart|history/.test(line))).toBe(false);

      await sendMessage(page, "hi");
      await waitForEvent(page, "chatkit.response.end");
      // Markdown rendered by the engine (not the plain-text stand-in), the chart by d3-shape.
      await page.locator("threadkit-chat .prose strong", { hasText: "Hello" }).waitFor();
      await expect(page.locator("threadkit-chat .prose em").textContent()).resolves.toBe("lazy");
      const chart = page.locator("threadkit-chat tk-chart");
      await chart.locator("svg path").first().waitFor();
      const path = await chart.evaluate(
        (el) => el.shadowRoot?.querySelector("svg path")?.getAttribute("d") ?? "",
      );
      expect(path).toMatch(/^M[\d.,]+C/);
      expect(chunks().some((line) => line.includes("/chunks/chart-"))).toBe(true);
      expect(chunks().some((line) => line.includes("/chunks/history-"))).toBe(false);

      await page.locator('threadkit-chat button[aria-label="History"]').click();
      await page.locator("threadkit-chat .history-row").first().waitFor();
      expect(chunks().some((line) => line.includes("/chunks/history-"))).toBe(true);
      expect(errors).toEqual([]);
    } finally {
      await close();
      await harness.close();
    }
  });

  it("fetches only the page's translation and paints in it from the first frame", async () => {
    const harness = await startHarness({ files: lazyFiles() });
    const { page, errors, close } = await newPage(browser);
    const chunks = () => harness.log.filter((line) => line.startsWith("GET /chunks/"));
    try {
      // Records every label the "new chat" button ever had, from the element's first render.
      await page.addInitScript(() => {
        const w = window as unknown as { labels: string[] };
        w.labels = [];
        new MutationObserver(() => {
          const el = document.querySelector("threadkit-chat");
          const button = el?.shadowRoot?.querySelector(".header .icon-btn:last-of-type");
          const label = button?.getAttribute("aria-label");
          if (label && w.labels.at(-1) !== label) w.labels.push(label);
          if (el?.shadowRoot) watch(el.shadowRoot);
        }).observe(document, { childList: true, subtree: true });
        const seen = new WeakSet<Node>();
        function watch(root: ShadowRoot) {
          if (seen.has(root)) return;
          seen.add(root);
          new MutationObserver(() => {
            const label = root
              .querySelector(".header .icon-btn:last-of-type")
              ?.getAttribute("aria-label");
            if (label && w.labels.at(-1) !== label) w.labels.push(label);
          }).observe(root, { childList: true, subtree: true, attributes: true });
        }
      });
      await mountChat(page, harness, { options: { locale: "fr-FR" } });
      await page.locator('threadkit-chat button[aria-label="Nouvelle discussion"]').waitFor();
      const labels = await page.evaluate(() => (window as unknown as { labels: string[] }).labels);
      expect(labels).toEqual(["Nouvelle discussion"]);
      expect(chunks().filter((line) => /\/chunks\/[a-z]{2}-/.test(line))).toEqual([
        expect.stringMatching(/^GET \/chunks\/fr-/),
      ]);
      expect(errors).toEqual([]);
    } finally {
      await close();
      await harness.close();
    }
  });
});
