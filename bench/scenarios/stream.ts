/** Scenario 1: one streamed assistant message of 20,000 text deltas; events per second received. */
import { parseSse, post } from "../lib/client.js";
import { type ServerProcess, startServer } from "../lib/proc.js";
import { type Row, row } from "../lib/report.js";
import { figure } from "../lib/stats.js";

const DELTAS = 20_000;
const SERVERS = ["threadkit", "bare", "peer"] as const;

const userInput = (text: string) => ({
  content: [{ type: "input_text", text }],
  attachments: [],
  inference_options: {},
});

/** Creates a thread on a bench server and returns its id and the events of that first stream. */
export async function createThread(port: number, text = "hello") {
  const created = await post(
    port,
    { type: "threads.create", params: { input: userInput(text) } },
    { keepBody: true },
  );
  const events = parseSse(created.body ?? "");
  const thread = events.find((e) => e.type === "thread.created")?.thread as
    | { id: string }
    | undefined;
  if (!thread) throw new Error(`no thread.created in ${created.body?.slice(0, 200)}`);
  return { threadId: thread.id, events };
}

export const addMessage = (threadId: string, text: string) => ({
  type: "threads.add_user_message",
  params: { thread_id: threadId, input: userInput(text) },
});

/** Events per second of one 20,000-delta stream, and the server's CPU time per event in µs. */
async function oneStream(server: ServerProcess, threadId: string) {
  const cpu = server.cpuMs();
  const timing = await post(server.port, addMessage(threadId, `stream:${DELTAS}`));
  if (timing.events < DELTAS) throw new Error(`${server.name}: only ${timing.events} events`);
  return {
    rate: timing.events / (timing.end / 1000),
    cpuUs: ((server.cpuMs() - cpu) * 1000) / timing.events,
  };
}

/**
 * The three servers run side by side and take turns, round by round, so that load from outside
 * the bench (a shared machine) falls on all of them alike. `warmUp` replies each come first.
 */
export async function streamScenario(rounds: number, warmUp: number): Promise<Row[]> {
  const servers = await Promise.all(SERVERS.map((name) => startServer(name)));
  try {
    const threads = await Promise.all(servers.map((s) => createThread(s.port)));
    // Warm-up until the JIT has settled, as a long-running server's has. Code that runs once per
    // write or per reply reaches TurboFan many replies later than per-event code: with
    // --trace-opt, Threadkit's server compiled for 178, 63 and 23 ms in its first three replies,
    // about 7 ms a reply (on a helper thread, 0.35 µs an event) up to the 20th, then next to
    // nothing; bare's settles after two. After one 2,000-delta reply, the rounds measured that
    // compiling (1.17x bare's CPU per event; 1.09x after 20 replies, in alternating runs).
    for (let n = 0; n < warmUp; n++) {
      for (const [i, server] of servers.entries()) {
        await post(server.port, addMessage(threads[i]!.threadId, `stream:${DELTAS}`));
      }
    }
    const rates: number[][] = servers.map(() => []);
    const cpus: number[][] = servers.map(() => []);
    for (let round = 0; round < rounds; round++) {
      for (const [i, server] of servers.entries()) {
        const { rate, cpuUs } = await oneStream(server, threads[i]!.threadId);
        rates[i]!.push(rate);
        cpus[i]!.push(cpuUs);
      }
    }
    const [threadkit, bare, peer] = rates.map(figure);
    const [tkCpu, bareCpu, peerCpu] = cpus.map(figure);
    return [
      row(
        "stream.events_per_s",
        "events received per second, one 20,000-delta message",
        "events/s",
        {
          threadkit: threadkit!.value,
          bare: bare!.value,
          peer: peer!.value,
          spread: threadkit!.spread,
          note: "target >= 0.85x bare and >= the peer; the peer validates no request and keeps items in memory, Threadkit validates every request and persists to SQLite, bare does neither",
        },
      ),
      // CPU time is what the server spent, whatever else the machine was running: steadier than
      // the wall-clock rate on a shared machine.
      row("stream.server_cpu_us_per_event", "server CPU time per event streamed", "µs", {
        threadkit: tkCpu!.value,
        bare: bareCpu!.value,
        peer: peerCpu!.value,
        spread: tkCpu!.spread,
      }),
    ];
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
  }
}
