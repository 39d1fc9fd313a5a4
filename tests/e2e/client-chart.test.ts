/**
 * The Chart widget in `<threadkit-chat>`: bars, a stacked area and lines with several curve
 * types draw real SVG paths (the in-house curves that replaced d3-shape), in light and dark.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, openWidgetChat, SHOTS_DIR } from "./helpers/index.js";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun"];
const CHART = {
  type: "Card",
  size: "lg",
  children: [
    { type: "Title", value: "Signups", size: "sm" },
    {
      type: "Chart",
      height: 220,
      xAxis: "month",
      showLegend: true,
      data: months.map((month, i) => ({
        month,
        web: 10 + ((i * 7) % 13),
        mobile: 4 + ((i * 5) % 9),
        trend: 12 + i * 3,
        target: 30 - i * 2,
      })),
      series: [
        { type: "bar", dataKey: "web", label: "Web", stack: "s" },
        { type: "bar", dataKey: "mobile", label: "Mobile", stack: "s" },
        { type: "area", dataKey: "trend", label: "Trend", curveType: "natural" },
        { type: "line", dataKey: "target", label: "Target", curveType: "step" },
      ],
    },
  ],
};

describe("Chart widget", () => {
  for (const colorScheme of ["light", "dark"] as const) {
    it(`draws bars, an area and curved lines (${colorScheme})`, async () => {
      const chat = await openWidgetChat(browser, {
        widget: CHART,
        mount: { options: { theme: colorScheme } },
        page: { width: 900, height: 700, colorScheme },
      });
      try {
        const chart = chat.widget.locator("tk-chart");
        await chart.locator("svg").waitFor();
        const shapes = await chart.evaluate((el) => {
          const svg = el.shadowRoot!.querySelector("svg")!;
          return {
            rects: svg.querySelectorAll("rect").length,
            paths: [...svg.querySelectorAll("path")].map((p) => p.getAttribute("d") ?? ""),
          };
        });
        expect(shapes.rects).toBe(12);
        expect(shapes.paths).toHaveLength(3);
        const [area, areaEdge, step] = shapes.paths as [string, string, string];
        expect(area).toMatch(/^M[\d.,]+C.*L[\d.,]+C.*Z$/);
        expect(areaEdge).toMatch(/^M[\d.,]+(C[\d.,-]+){5}$/);
        expect(step).toMatch(/^M[\d.,]+(L[\d.,]+){11}$/);
        await expect(chart.getByRole("img").getAttribute("aria-label")).resolves.toContain(
          "Web, Mobile, Trend, Target",
        );
        await chat.widget.screenshot({ path: `${SHOTS_DIR}/chart-${colorScheme}.png` });
        expect(chat.errors).toEqual([]);
      } finally {
        await chat.dispose();
      }
    });
  }
});
