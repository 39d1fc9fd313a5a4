/**
 * Scenario 5: the `<threadkit-chat>` element in headless Chromium, loading the real bundle from a
 * loopback page server (lib/page-server.ts). Times are taken in the page with performance.now(),
 * from the API call to the end of a forced style and layout pass, and include the one loopback
 * request each step makes (the responder answers from prebuilt bytes).
 */

import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import type { Page } from "playwright-core";
import { launchBrowser } from "../../tests/e2e/helpers/browser.js";
import {
  BIG_ITEMS,
  CARD_NODES,
  STREAM_DELTAS,
  startPageServer,
  THREADS,
  WIDGET_ITEM_ID,
} from "../lib/page-server.js";
import { type Row, row } from "../lib/report.js";
import { figure } from "../lib/stats.js";

const BUNDLE = fileURLToPath(new URL("../../packages/client/dist/threadkit.js", import.meta.url));
const ROOT = fileURLToPath(new URL("../../", import.meta.url));
/** Written by the bundle script: the split build's sizes, before interactive and in all. */
const LAZY_SIZES = fileURLToPath(
  new URL("../../packages/client/dist/lazy/sizes.json", import.meta.url),
);

/** The element's public API, as the page sees it. */
interface Chat extends HTMLElement {
  setOptions(options: unknown): void;
  setThreadId(id: string | null): Promise<void>;
  sendAction(action: { type: string; payload?: unknown }, itemId?: string): Promise<void>;
  sendUserMessage(params: { text: string }): Promise<void>;
  updateComplete: Promise<boolean>;
}
type BenchWindow = Window & { tk: Chat };

/** Builds the bundle when a fresh clone has not (`npm install` normally does, via `prepare`). */
function ensureBundle(): void {
  if (existsSync(BUNDLE)) return;
  process.stderr.write(" (building the client bundle)");
  execFileSync("npm", ["run", "build"], { cwd: ROOT, stdio: ["ignore", "ignore", "inherit"] });
}

async function mount(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.evaluate(async () => {
    await customElements.whenDefined("threadkit-chat");
    const el = document.createElement("threadkit-chat") as Chat;
    el.setOptions({ api: { url: `${location.origin}/chatkit` } });
    document.body.append(el);
    (window as unknown as BenchWindow).tk = el;
    await el.updateComplete;
  });
}

/** Opens a 1,000-item thread; returns ms and the number of items rendered. */
function renderThread(page: Page) {
  return page.evaluate(async (threadId) => {
    const el = (window as unknown as BenchWindow).tk;
    await el.setThreadId(null);
    await el.updateComplete;
    const start = performance.now();
    await el.setThreadId(threadId);
    await el.updateComplete;
    document.body.offsetHeight; // forces style and layout, shadow trees included
    const ms = performance.now() - start;
    return { ms, check: el.shadowRoot?.querySelectorAll("[data-item-id]").length ?? 0 };
  }, THREADS.big);
}

/** One custom action answered by one `widget.root.updated`; ms until the new card is laid out. */
function updateRoot(page: Page) {
  return page.evaluate(
    async ({ threadId, itemId }) => {
      const el = (window as unknown as BenchWindow).tk;
      if (!el.shadowRoot?.querySelector("tk-widget")) {
        await el.setThreadId(threadId);
        await el.updateComplete;
      }
      const widget = el.shadowRoot?.querySelector("tk-widget") as Chat | null;
      const before = widget?.shadowRoot?.textContent ?? "";
      const start = performance.now();
      await el.sendAction({ type: "bench.update", payload: {} }, itemId);
      await el.updateComplete;
      await widget?.updateComplete;
      document.body.offsetHeight;
      const ms = performance.now() - start;
      const after = widget?.shadowRoot?.textContent ?? "";
      return { ms, check: after !== before && /Row \d+ \(r\d+\)/.test(after) ? 1 : 0 };
    },
    { threadId: THREADS.widget, itemId: WIDGET_ITEM_ID },
  );
}

/** Sends a message answered by a 5,000-delta stream; ms until the full text is laid out. */
function streamMessage(page: Page) {
  return page.evaluate(async (threadId) => {
    const el = (window as unknown as BenchWindow).tk;
    await el.setThreadId(null);
    await el.setThreadId(threadId);
    await el.updateComplete;
    const start = performance.now();
    await el.sendUserMessage({ text: "stream" });
    await el.updateComplete;
    document.body.offsetHeight;
    const ms = performance.now() - start;
    const text = el.shadowRoot?.querySelector("[data-item-id=msg_streamed]")?.textContent ?? "";
    return { ms, check: text.length };
  }, THREADS.stream);
}

async function rounds(
  name: string,
  count: number,
  step: () => Promise<{ ms: number; check: number }>,
  expect: (check: number) => boolean,
): Promise<number[]> {
  const results: number[] = [];
  for (let i = -1; i < count; i++) {
    const { ms, check } = await step();
    if (!expect(check)) throw new Error(`client ${name}: unexpected result (${check})`);
    if (i >= 0) results.push(ms); // round -1 is the warm-up
  }
  return results;
}

export async function clientScenario(quick: boolean): Promise<Row[]> {
  ensureBundle();
  const code = readFileSync(BUNDLE);
  const minKb = code.length / 1024;
  const gzKb = gzipSync(code, { level: 9 }).length / 1024;
  const lazy = JSON.parse(readFileSync(LAZY_SIZES, "utf8")) as {
    initial: { min: number; gz: number };
    all: { min: number; gz: number };
  };
  const count = quick ? 3 : 15;
  const server = await startPageServer(BUNDLE);
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await mount(page, server.url);
    const render = figure(
      await rounds(
        "render",
        count,
        () => renderThread(page),
        (n) => n === BIG_ITEMS,
      ),
    );
    const update = figure(
      await rounds(
        "root update",
        count,
        () => updateRoot(page),
        (n) => n === 1,
      ),
    );
    // The streamed text is DELTA x 5,000, rendered as one paragraph.
    const stream = figure(
      await rounds(
        "stream",
        count,
        () => streamMessage(page),
        (n) => n >= STREAM_DELTAS * 90,
      ),
    );
    if (errors.length) throw new Error(`client page errors: ${errors.join("; ")}`);
    return [
      row("client.render_1000_items_ms", `open a ${BIG_ITEMS}-item thread`, "ms", {
        threadkit: render.value,
        spread: render.spread,
        note: "target < 200 ms; includes one loopback threads.get_by_id of all items",
      }),
      row(
        "client.root_update_200_nodes_ms",
        `custom action answered by widget.root.updated, ${CARD_NODES}-node card`,
        "ms",
        { threadkit: update.value, spread: update.spread },
      ),
      row("client.stream_5000_deltas_ms", `${STREAM_DELTAS}-delta streamed message`, "ms", {
        threadkit: stream.value,
        spread: stream.spread,
      }),
      row("client.bundle_min_kb", "dist/threadkit.js minified", "KB", { threadkit: minKb }),
      row("client.bundle_gz_kb", "dist/threadkit.js (one file) gzipped (level 9)", "KB", {
        threadkit: gzKb,
      }),
      row(
        "client.lazy_initial_gz_kb",
        "dist/lazy/threadkit.js and the chunks it imports statically, gzipped (level 9)",
        "KB",
        {
          threadkit: lazy.initial.gz / 1024,
          note: `target <= 60 KB before the element is interactive; the Markdown engine follows at once, the chart and history panel on first use (${(lazy.all.gz / 1024).toFixed(1)} KB gzip in all)`,
        },
      ),
    ];
  } finally {
    await browser.close();
    await server.close();
  }
}
