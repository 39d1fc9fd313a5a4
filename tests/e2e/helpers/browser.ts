import { mkdirSync } from "node:fs";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";

/** Chromium flags used by every browser test (CI containers have no sandbox and no GPU). */
export const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"];

/** Where `screenshot()` writes its PNGs. */
export const SHOTS_DIR = "/tmp/shots";

/**
 * Launches Debian's Chromium (`/usr/bin/chromium`, overridable with `CHROMIUM_PATH`) headless.
 *
 * @example
 * const browser = await launchBrowser();
 * afterAll(() => browser.close());
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: CHROMIUM_ARGS,
    headless: true,
  });
}

/** Options for {@link newPage}. */
export interface NewPageOptions {
  /** Viewport width in CSS pixels (default 1280). */
  width?: number;
  /** Viewport height in CSS pixels (default 800). */
  height?: number;
  /** Emulated `prefers-color-scheme` (default light). */
  colorScheme?: "light" | "dark";
}

/** A page plus the console errors and uncaught page errors it produced. */
export interface TestPage {
  page: Page;
  context: BrowserContext;
  /** `console.error` texts and uncaught exceptions, in order. */
  errors: string[];
  /** Closes the page's context. */
  close(): Promise<void>;
}

/**
 * Opens a fresh context + page and records console errors and page errors into `errors`.
 *
 * @example
 * const { page, errors, close } = await newPage(browser, { width: 375 });
 */
export async function newPage(browser: Browser, options: NewPageOptions = {}): Promise<TestPage> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: options.height ?? 800 },
    colorScheme: options.colorScheme ?? "light",
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") errors.push(msg.text());
  });
  page.on("pageerror", (err) => errors.push(`pageerror: ${err.message}`));
  return { page, context, errors, close: () => context.close() };
}

/**
 * Saves a full-page PNG to `/tmp/shots/<name>.png` and returns the path.
 *
 * @example
 * await screenshot(page, "chat-375-dark");
 */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SHOTS_DIR, { recursive: true });
  const path = `${SHOTS_DIR}/${name}.png`;
  await page.screenshot({ path, fullPage: false });
  return path;
}
