// Builds the client bundles, minified ES modules with every dependency bundled (lit, marked,
// dompurify, d3-shape, eventsource-parser, @threadkit/core) and the static text of Lit's
// css``/html`` templates minified:
// - packages/client/dist/threadkit.js: one self-contained file with the whole library API;
// - packages/client/dist/lazy/threadkit.js: defines <threadkit-chat> and loads the rarely used
//   parts (the Chart renderer with d3-shape, the history panel) on first use from chunks beside
//   it (dist/lazy/chunks/), same origin, so less is fetched before the element is interactive.
// Prints the minified and gzipped sizes of both (for the split build: the entry plus the chunks
// it imports statically). Usage: `node packages/client/scripts/bundle.mjs [--meta]`.
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { templateMinifier } from "./minify-templates.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const pkg = resolve(here, "..");
const root = resolve(pkg, "../..");
const outfile = join(pkg, "dist/threadkit.js");
const lazyDir = join(pkg, "dist/lazy");
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

const common = {
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
};

const started = Date.now();
rmSync(lazyDir, { recursive: true, force: true });
const [result, lazy] = await Promise.all([
  build({ ...common, entryPoints: [join(pkg, "src/index.ts")], outfile }),
  build({
    ...common,
    entryPoints: { threadkit: join(pkg, "src/lazy.ts") },
    outdir: lazyDir,
    splitting: true,
    chunkNames: "chunks/[name]-[hash]",
  }),
]);

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const sizes = (files) => {
  const code = files.map((f) => readFileSync(f));
  return {
    min: code.reduce((n, c) => n + c.length, 0),
    gz: code.reduce((n, c) => n + gzipSync(c, { level: 9 }).length, 0),
  };
};
const one = sizes([outfile]);
console.log(
  `bundle: ${outfile.slice(root.length + 1)} ${kb(one.min)} min, ${kb(one.gz)} gzip (${Date.now() - started} ms)`,
);
// The split build's entry and what it imports statically: what loads before the element is
// interactive. Chunks reached only through import() load on first use.
const outputs = lazy.metafile.outputs;
const initial = new Set();
const visit = (file) => {
  if (initial.has(file)) return;
  initial.add(file);
  for (const imp of outputs[file].imports) if (imp.kind === "import-statement") visit(imp.path);
};
visit(relative(process.cwd(), join(lazyDir, "threadkit.js")));
if (process.argv.includes("--meta")) {
  const byInput = new Map();
  for (const file of initial)
    for (const [name, v] of Object.entries(outputs[file].inputs))
      byInput.set(name, (byInput.get(name) ?? 0) + v.bytesInOutput);
  console.log("split build, before interactive (minified bytes by input):");
  for (const [k, v] of [...byInput].sort((x, y) => y[1] - x[1]).slice(0, 40))
    console.log(`  ${kb(v).padStart(9)}  ${k.replace(/^.*node_modules\//, "")}`);
}
const all = sizes(Object.keys(outputs).map((f) => resolve(process.cwd(), f)));
const first = sizes([...initial].map((f) => resolve(process.cwd(), f)));
writeFileSync(
  join(lazyDir, "sizes.json"),
  `${JSON.stringify({ initial: first, all, initialFiles: initial.size }, null, 2)}\n`,
);
console.log(
  `bundle: ${lazyDir.slice(root.length + 1)}/threadkit.js ${kb(first.min)} min, ${kb(first.gz)} gzip before interactive (${initial.size} files); ${kb(all.gz)} gzip in all`,
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
