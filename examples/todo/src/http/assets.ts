import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

/** The example's folder (`examples/todo/`). */
export const APP_DIR = fileURLToPath(new URL("../../", import.meta.url));

/** A file served as is: its bytes and content type. */
export interface Asset {
  body: Buffer | string;
  type: string;
}

/** Where `<threadkit-chat>`'s self-contained bundle is (`npm run build` writes it). */
export const CLIENT_BUNDLE = fileURLToPath(
  new URL("../../../../packages/client/dist/threadkit.js", import.meta.url),
);

/**
 * Bundles the host page's script (`src/page/main.ts`) in memory with esbuild: one ES module,
 * minified, with the app's action definitions inlined.
 */
export async function bundlePageScript(): Promise<string> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL("../page/main.ts", import.meta.url))],
    bundle: true,
    format: "esm",
    target: "es2022",
    minify: true,
    write: false,
    logLevel: "silent",
  });
  const file = result.outputFiles[0];
  if (!file) throw new Error("esbuild produced no page script");
  return file.text;
}

/**
 * Loads every asset of the page once at startup: the HTML, the stylesheet, the page script and
 * the client bundle. A missing bundle is reported with the command that builds it.
 */
export async function loadAssets(): Promise<Map<string, Asset>> {
  const publicFile = (name: string) => readFile(new URL(`../../public/${name}`, import.meta.url));
  let bundle: Buffer;
  try {
    bundle = await readFile(CLIENT_BUNDLE);
  } catch {
    throw new Error("packages/client/dist/threadkit.js is missing: run `npm run build` first");
  }
  return new Map<string, Asset>([
    ["/", { body: await publicFile("index.html"), type: "text/html; charset=utf-8" }],
    ["/app.css", { body: await publicFile("app.css"), type: "text/css; charset=utf-8" }],
    ["/app.js", { body: await bundlePageScript(), type: "text/javascript; charset=utf-8" }],
    ["/threadkit.js", { body: bundle, type: "text/javascript; charset=utf-8" }],
    ["/favicon.svg", { body: await publicFile("favicon.svg"), type: "image/svg+xml" }],
  ]);
}
