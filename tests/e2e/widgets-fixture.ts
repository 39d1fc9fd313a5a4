/**
 * Browser fixture for the widget tests (CLIENT-WIDGETS): bundles `packages/client/src/widgets`
 * with esbuild, serves it with CLIENT-SHELL's harness, and mounts `<tk-widget>` with a fake
 * `WidgetHost` that records `performAction` / `reportError` calls.
 *
 * In the page: `window.mountWidget(widget, { theme?, id? })`, `window.updateWidget(widget)`,
 * `window.__calls` (actions sent), `window.__errors` (reported error messages),
 * `window.__hold = true` keeps performAction pending until `window.__settle(ok)`.
 */
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import type { Page } from "playwright-core";
import { type Harness, startHarness } from "./helpers/index.js";

/** The widget fixtures in `../shared` beside the repository (or `WIDGET_FIXTURES`). */
export const FIXTURE_DIR =
  process.env.WIDGET_FIXTURES ??
  fileURLToPath(new URL("../../../shared/fixtures/widgets", import.meta.url));

/** Fixture file names and their parsed JSON. */
export function loadFixtures(): { name: string; widget: unknown }[] {
  return readdirSync(FIXTURE_DIR)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => ({
      name: f.replace(/\.json$/, ""),
      widget: JSON.parse(readFileSync(`${FIXTURE_DIR}/${f}`, "utf8")),
    }));
}

const PAGE = `<!doctype html><html><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
  html,body{margin:0}
  body{background:#fff;color-scheme:light;padding:16px;font-family:system-ui}
  body.dark{background:#212121;color-scheme:dark}
  #app{max-width:720px;margin:0 auto}
</style>
<script type="module" src="/widgets.js"></script>
<script type="module">
  window.__calls = [];
  window.__errors = [];
  window.__hold = false;
  let pending = [];
  window.__settle = (ok) => { const p = pending; pending = []; for (const [res, rej] of p) ok ? res() : rej(new Error("action failed")); };
  const host = {
    performAction(action, item) {
      window.__calls.push({ action: JSON.parse(JSON.stringify(action)), itemId: item.id });
      if (!window.__hold) return Promise.resolve();
      return new Promise((res, rej) => pending.push([res, rej]));
    },
    reportError(error) { window.__errors.push(error.message); },
  };
  window.mountWidget = async (widget, opts = {}) => {
    await customElements.whenDefined("tk-widget");
    document.body.classList.toggle("dark", opts.theme === "dark");
    const app = document.getElementById("app");
    app.textContent = "";
    const el = document.createElement("tk-widget");
    el.item = { type: "widget", id: opts.id ?? "item_1", thread_id: "thr_1", created_at: "2026-01-01T00:00:00", widget };
    el.host = host;
    el.setAttribute("data-item-id", el.item.id);
    app.append(el);
    await el.updateComplete;
    window.__el = el;
  };
  window.updateWidget = async (widget) => {
    const el = window.__el;
    el.item = { ...el.item, widget };
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 0));
  };
</script></head><body><div id="app"></div></body></html>`;

/** A 2×2 PNG served for every external image, so fixtures load without network. */
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGNk+M/AwMDAxMDAwMDAAAALKgEEWDSuaQAAAABJRU5ErkJggg==",
  "base64",
);

/** Bundles the widget renderer and starts the harness serving it at `/widgets.html`. */
export async function startWidgetHarness(): Promise<Harness> {
  const entry = fileURLToPath(
    new URL("../../packages/client/src/widgets/index.ts", import.meta.url),
  );
  const out = await build({
    entryPoints: [entry],
    bundle: true,
    format: "esm",
    write: false,
    target: "es2022",
    minify: false,
  });
  const code = out.outputFiles[0]!.text;
  return startHarness({
    files: { "/widgets.html": PAGE, "/widgets.js": code },
    route: (req, res) => {
      if (!/\.(png|jpe?g)$/.test(req.url ?? "")) return false;
      res.writeHead(200, { "content-type": "image/png" }).end(PNG);
      return true;
    },
  });
}

/** Opens the widget page and mounts `widget`; external images are answered locally. */
export async function mountWidget(
  page: Page,
  harness: Harness,
  widget: unknown,
  opts: { theme?: "light" | "dark"; id?: string } = {},
): Promise<void> {
  if (!page.url().startsWith(harness.baseUrl)) {
    await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) =>
      route.fulfill({ status: 200, contentType: "image/png", body: PNG }),
    );
    await page.goto(`${harness.baseUrl}/widgets.html`);
  }
  await page.evaluate(
    ({ widget, opts }) =>
      (window as unknown as { mountWidget: (w: unknown, o: unknown) => Promise<void> }).mountWidget(
        widget,
        opts,
      ),
    { widget, opts },
  );
}

/** The actions the fake host received so far. */
export function calls(page: Page): Promise<{ action: Record<string, unknown>; itemId: string }[]> {
  return page.evaluate(() => (window as unknown as { __calls: never[] }).__calls);
}

/** The error messages the widget reported through `host.reportError`. */
export function reported(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __errors: string[] }).__errors);
}
