/** One figure of the bench, as written to bench/results/latest.json. */
export interface Row {
  name: string;
  metric: string;
  unit: string;
  threadkit: number;
  bare?: number;
  peer?: number;
  ratio_bare?: number;
  ratio_peer?: number;
  /** Spread of the Threadkit rounds: (max - min) / median. */
  spread?: number;
  note?: string;
}

const round = (value: number) => (Number.isFinite(value) ? Number(value.toPrecision(4)) : value);

/** Builds a row, computing each ratio as threadkit / baseline. */
export function row(
  name: string,
  metric: string,
  unit: string,
  values: { threadkit: number; bare?: number; peer?: number; spread?: number; note?: string },
): Row {
  const result: Row = { name, metric, unit, threadkit: round(values.threadkit) };
  if (values.bare !== undefined) {
    result.bare = round(values.bare);
    result.ratio_bare = round(values.threadkit / values.bare);
  }
  if (values.peer !== undefined) {
    result.peer = round(values.peer);
    result.ratio_peer = round(values.threadkit / values.peer);
  }
  if (values.spread !== undefined) result.spread = round(values.spread);
  if (values.note) result.note = values.note;
  return result;
}

/** Prints the rows as an aligned table under a title line (the Node version and machine). */
export function printTable(title: string, rows: readonly Row[]): void {
  const header = ["figure", "unit", "threadkit", "bare", "peer", "tk/bare", "tk/peer", "spread"];
  const lines = rows.map((r) => [
    r.name,
    r.unit,
    String(r.threadkit),
    r.bare === undefined ? "" : String(r.bare),
    r.peer === undefined ? "" : String(r.peer),
    r.ratio_bare === undefined ? "" : `${r.ratio_bare}x`,
    r.ratio_peer === undefined ? "" : `${r.ratio_peer}x`,
    r.spread === undefined ? "" : `${Math.round(r.spread * 100)}%`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? "").length)));
  const format = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join("  ");
  console.log(title);
  console.log(format(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const line of lines) console.log(format(line));
  for (const r of rows) if (r.note) console.log(`  ${r.name}: ${r.note}`);
}

/** The rows as a Markdown table under a title line (for the README's Performance section). */
export function markdownTable(title: string, rows: readonly Row[]): string {
  const cell = (value: number | undefined, suffix = "") =>
    value === undefined ? "" : `${value}${suffix}`;
  const lines = [
    title,
    "",
    "| figure | unit | threadkit | bare | peer | tk / bare | tk / peer | spread |",
    "|---|---|--:|--:|--:|--:|--:|--:|",
    ...rows.map(
      (r) =>
        `| \`${r.name}\` | ${r.unit} | ${r.threadkit} | ${cell(r.bare)} | ${cell(r.peer)} | ${cell(r.ratio_bare, "x")} | ${cell(r.ratio_peer, "x")} | ${r.spread === undefined ? "" : `${Math.round(r.spread * 100)}%`} |`,
    ),
  ];
  return lines.join("\n");
}
