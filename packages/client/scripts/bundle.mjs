// Builds packages/client/dist/threadkit.js: one self-contained, minified ES module with every
// dependency bundled (lit, marked, dompurify, d3-shape, eventsource-parser, @threadkit/core), with the static text of Lit's
// css``/html`` templates minified. Prints the minified and gzipped sizes. Usage: `node packages/client/scripts/bundle.mjs [--meta]`.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { templateMinifier } from "./minify-templates.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const pkg = resolve(here, "..");
const root = resolve(pkg, "../..");
const outfile = join(pkg, "dist/threadkit.js");
const coreSrc = join(root, "packages/core/src");

/**
 * Resolves @threadkit/core to its TypeScript source and marks core modules side-effect free, so
 * the client only pays for the pure functions it uses (zod schemas it never touches are dropped).
 */
const coreSource = {
  name: "threadkit-core-source",
  setup(b) {
    b.onResolve({ filter: /^@threadkit\/core$/ }, () => ({
      path: join(coreSrc, "index.ts"),
      sideEffects: false,
    }));
    b.onResolve({ filter: /^\.\.?\// }, (args) => {
      if (args.kind !== "import-statement") return undefined;
      if (!args.importer.startsWith(coreSrc)) return undefined;
      const path = resolve(args.resolveDir, args.path.replace(/\.js$/, ".ts"));
      // Widget schema modules register themselves with a dispatcher (bare `import "./x.js"`), so
      // they keep their side effects; they are only reached when widget schemas are used.
      return { path, sideEffects: path.includes("/widgets/schemas/") ? undefined : false };
    });
  },
};

const started = Date.now();
const result = await build({
  entryPoints: [join(pkg, "src/index.ts")],
  outfile,
  bundle: true,
  format: "esm",
  platform: "browser",
  target: "es2022",
  minify: true,
  sourcemap: false,
  legalComments: "none",
  metafile: true,
  tsconfig: join(pkg, "tsconfig.json"),
  plugins: [coreSource, templateMinifier(join(pkg, "src"))],
  logLevel: "warning",
});

mkdirSync(dirname(outfile), { recursive: true });
const code = readFileSync(outfile);
const gz = gzipSync(code, { level: 9 });
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
console.log(
  `bundle: ${outfile.slice(root.length + 1)} ${kb(code.length)} min, ${kb(gz.length)} gzip (${Date.now() - started} ms)`,
);
if (process.argv.includes("--meta")) {
  const inputs = Object.entries(
    result.metafile.outputs[Object.keys(result.metafile.outputs)[0]].inputs,
  )
    .map(([name, v]) => [name.replace(/^.*node_modules\//, ""), v.bytesInOutput])
    .sort((a, b) => b[1] - a[1]);
  const byPkg = new Map();
  for (const [name, bytes] of inputs) {
    const key = name.startsWith("packages/")
      ? name.split("/").slice(0, 3).join("/")
      : name.split("/")[0];
    byPkg.set(key, (byPkg.get(key) ?? 0) + bytes);
  }
  for (const [k, v] of [...byPkg].sort((a, b) => b[1] - a[1]))
    console.log(`  ${kb(v).padStart(9)}  ${k}`);
  writeFileSync(join(pkg, "dist/threadkit.meta.json"), JSON.stringify(result.metafile));
}
