import type { Page } from "playwright-core";
import type { Harness } from "./harness.js";

/** Every DOM event the element dispatches; `mountChat` records them all into `window.__tkEvents`. */
export const CHATKIT_EVENTS = [
  "chatkit.ready",
  "chatkit.error",
  "chatkit.log",
  "chatkit.effect",
  "chatkit.deeplink",
  "chatkit.response.start",
  "chatkit.response.end",
  "chatkit.thread.change",
  "chatkit.thread.load.start",
  "chatkit.thread.load.end",
  "chatkit.tool.change",
  "chatkit.history.open",
  "chatkit.history.close",
] as const;

/** One recorded event: name plus a JSON-safe detail (errors become `{message}`). */
export interface RecordedEvent {
  name: string;
  detail: unknown;
}

/** Options for {@link mountChat}. */
export interface MountOptions {
  /** JSON-safe options merged over `{ api: { url: harness.apiUrl } }`. */
  options?: Record<string, unknown>;
  /**
   * JS function body run in the page before `setOptions`, with `el` (the element), `options`
   * (mutable) and `window` in scope: add callbacks here, e.g.
   * `options.onClientTool = (t) => ({ ok: t.name })`.
   */
  script?: string;
  /** Page to open (default `/`). */
  path?: string;
  /** Wait for `chatkit.ready` (default true). */
  waitReady?: boolean;
}

/**
 * Opens the harness page, creates `<threadkit-chat>` in `#app` (also `window.tk`), records all
 * `chatkit.*` events and calls `setOptions`.
 *
 * @example
 * await mountChat(page, harness, { options: { startScreen: { greeting: "Hi" } } });
 * await page.locator("threadkit-chat textarea").fill("hello");
 */
export async function mountChat(page: Page, harness: Harness, mount: MountOptions = {}) {
  await page.goto(harness.baseUrl + (mount.path ?? "/"));
  await page.evaluate(() => customElements.whenDefined("threadkit-chat"));
  await page.evaluate(
    ({ apiUrl, json, script, names }) => {
      const w = window as unknown as Record<string, unknown>;
      const events: { name: string; detail: unknown }[] = [];
      w.__tkEvents = events;
      const el = document.createElement("threadkit-chat") as HTMLElement & {
        setOptions(o: unknown): void;
      };
      w.tk = el;
      for (const name of names) {
        el.addEventListener(name, (e) => {
          const detail = (e as CustomEvent).detail;
          const safe =
            detail && typeof detail === "object" && "error" in detail
              ? { error: { message: String((detail.error as Error)?.message ?? detail.error) } }
              : detail;
          events.push({ name, detail: JSON.parse(JSON.stringify(safe ?? null)) });
        });
      }
      const options: Record<string, unknown> = { ...json, api: { url: apiUrl, ...json.api } };
      if (script) new Function("el", "options", "window", script)(el, options, window);
      el.setOptions(options);
      document.getElementById("app")?.append(el);
    },
    {
      apiUrl: harness.apiUrl,
      json: (mount.options ?? {}) as Record<string, Record<string, unknown>>,
      script: mount.script ?? "",
      names: [...CHATKIT_EVENTS],
    },
  );
  if (mount.waitReady ?? true) await waitForEvent(page, "chatkit.ready");
  return page.locator("threadkit-chat");
}

/** Returns the events recorded so far (optionally only those named `name`). */
export async function recordedEvents(page: Page, name?: string): Promise<RecordedEvent[]> {
  const all = (await page.evaluate(
    () => (window as unknown as { __tkEvents: RecordedEvent[] }).__tkEvents,
  )) as RecordedEvent[];
  return name ? all.filter((e) => e.name === name) : all;
}

/**
 * Waits until at least `count` events named `name` have been recorded; returns the last one.
 *
 * @example
 * await waitForEvent(page, "chatkit.response.end");
 */
export async function waitForEvent(
  page: Page,
  name: string,
  count = 1,
  timeout = 15_000,
): Promise<RecordedEvent> {
  await page.waitForFunction(
    ({ name, count }) =>
      ((window as unknown as { __tkEvents?: { name: string }[] }).__tkEvents ?? []).filter(
        (e) => e.name === name,
      ).length >= count,
    { name, count },
    { timeout },
  );
  const list = await recordedEvents(page, name);
  return list[list.length - 1] as RecordedEvent;
}

/** Sends `text` through the composer (fills the textarea and presses Enter). */
export async function sendMessage(page: Page, text: string): Promise<void> {
  const box = page.locator("threadkit-chat textarea").first();
  await box.fill(text);
  await box.press("Enter");
}
