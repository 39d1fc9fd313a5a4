/**
 * `npm run bench`: every scenario of the real stack over loopback HTTP, each figure beside a
 * baseline measured in the same run (the bare node:http limit, the peer SDK), as ratios.
 * `--quick` keeps every scenario and size with fewer rounds; `--only=stream,action` runs some;
 * `--markdown` also prints the table as Markdown. Writes bench/results/latest.json. The table's
 * title and latest.json's `machine.node` name the Node it ran on; `npm run bench:node22` runs it
 * on Node 22 (bench/on-node).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { fileURLToPath } from "node:url";
import { markdownTable, printTable, type Row } from "./lib/report.js";
import { actionScenario } from "./scenarios/action.js";
import { clientScenario } from "./scenarios/client.js";
import { runsScenario } from "./scenarios/runs.js";
import { storeScenario } from "./scenarios/store.js";
import { streamScenario } from "./scenarios/stream.js";
import { streamsScenario } from "./scenarios/streams.js";

const quick = process.argv.includes("--quick");
const only = process.argv.find((arg) => arg.startsWith("--only="))?.slice(7);
const markdown = process.argv.includes("--markdown");

const scenarios: Array<[string, () => Promise<Row[]>]> = [
  ["stream", () => streamScenario(quick ? 3 : 11, quick ? 2 : 20)],
  ["action", () => actionScenario(quick)],
  ["streams", () => streamsScenario(quick)],
  ["store", () => storeScenario(quick)],
  ["client", () => clientScenario(quick)],
  ["runs", () => runsScenario(quick)],
];

const rows: Row[] = [];
for (const [name, run] of scenarios) {
  if (only && !only.split(",").includes(name)) continue;
  const start = performance.now();
  process.stderr.write(`bench: ${name}...`);
  rows.push(...(await run()));
  process.stderr.write(` ${((performance.now() - start) / 1000).toFixed(1)} s\n`);
}

const machine = { cpus: cpus().length, cpu_model: cpus()[0]?.model ?? "", node: process.version };
// Every server process is spawned with this same Node (process.execPath).
const title = `Node ${machine.node}, ${machine.cpus} x ${machine.cpu_model}${quick ? ", quick" : ""}`;
printTable(title, rows);
if (markdown) console.log(`\n${markdownTable(title, rows)}`);
const results = {
  machine,
  quick,
  date: new Date().toISOString(),
  scenarios: rows,
};
const dir = fileURLToPath(new URL("./results/", import.meta.url));
mkdirSync(dir, { recursive: true });
// A partial run (--only) must not replace the last complete results.
const file = only ? "partial.json" : "latest.json";
writeFileSync(`${dir}${file}`, `${JSON.stringify(results, null, 2)}\n`);
console.log(`\nwrote bench/results/${file}`);
