/** Scenario 3: many idle streams held open; server memory per stream and JSON latency under that load. */
import type http from "node:http";
import { openIdleStream, post } from "../lib/client.js";
import { startServer } from "../lib/proc.js";
import { type Row, row } from "../lib/report.js";
import { figure, median, percentile } from "../lib/stats.js";
import { addMessage, createThread } from "./stream.js";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function holdStreams(name: string, streams: number, listRequests: number) {
  const server = await startServer(name);
  const open: http.ClientRequest[] = [];
  try {
    // One thread per stream, made before the first reading: a thread runs one reply at a time
    // (Threadkit answers 409 to a second), and what is measured is the streams, not the threads.
    const threads: string[] = [];
    for (let i = 0; i < streams; i += 100) {
      const batch = Array.from({ length: Math.min(100, streams - i) }, () =>
        createThread(server.port),
      );
      for (const { threadId } of await Promise.all(batch)) threads.push(threadId);
    }
    for (let i = 0; i < 50; i++) await post(server.port, { type: "threads.list", params: {} });
    await sleep(500);
    const before = server.rssKb();
    // Open in batches so the listen backlog never overflows.
    for (let i = 0; i < streams; i += 100) {
      const batch = threads
        .slice(i, i + 100)
        .map((threadId) => openIdleStream(server.port, addMessage(threadId, "idle")));
      open.push(...(await Promise.all(batch)));
    }
    await sleep(1000);
    const after = server.rssKb();
    const list: number[] = [];
    for (let i = 0; i < listRequests; i++) {
      list.push((await post(server.port, { type: "threads.list", params: { limit: 20 } })).end);
    }
    return { kbPerStream: (after - before) / streams, listP99: percentile(list, 99) };
  } finally {
    for (const req of open) req.destroy();
    await sleep(200);
    await server.stop();
  }
}

/**
 * Each round starts fresh server processes (memory is measured from a known start); the two
 * servers take turns round by round.
 */
export async function streamsScenario(quick: boolean): Promise<Row[]> {
  const streams = 5000;
  const list = quick ? 100 : 400;
  const rounds = quick ? 2 : 3;
  const tk = { kb: [] as number[], p99: [] as number[] };
  const bare = { kb: [] as number[], p99: [] as number[] };
  for (let round = 0; round < rounds; round++) {
    for (const [name, into] of [
      ["threadkit", tk],
      ["bare", bare],
    ] as const) {
      const result = await holdStreams(name, streams, list);
      into.kb.push(result.kbPerStream);
      into.p99.push(result.listP99);
    }
  }
  const kb = figure(tk.kb);
  const p99 = figure(tk.p99);
  return [
    row(
      "streams.kb_per_idle_stream",
      `server RSS growth per idle stream, ${streams} streams`,
      "KB",
      {
        threadkit: kb.value,
        bare: median(bare.kb),
        spread: kb.spread,
        note: "target <= 20 KB; RSS after opening them minus RSS before, garbage included, for both servers",
      },
    ),
    row(
      "streams.list_p99_ms_under_load",
      `threads.list p99 with ${streams} idle streams open`,
      "ms",
      { threadkit: p99.value, bare: median(bare.p99), spread: p99.spread },
    ),
  ];
}
