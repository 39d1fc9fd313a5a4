import { type ChildProcess, spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** A bench server running in its own process. */
export interface ServerProcess {
  name: string;
  port: number;
  child: ChildProcess;
  /** Resident set size of the server process, in KiB, read from /proc. */
  rssKb(): number;
  /** CPU time the server process (all its threads) has used so far, in ms. */
  cpuMs(): number;
  stop(): Promise<void>;
}

/**
 * Starts `bench/servers/<name>.ts` in its own Node process (through tsx) and waits for its
 * `ready <port>` line, so the load always comes from another process. With
 * `BENCH_CPU_PROF=<dir>` in the environment every server writes a V8 CPU profile there on exit.
 */
export function startServer(
  name: string,
  env: Record<string, string> = {},
): Promise<ServerProcess> {
  const file = fileURLToPath(new URL(`../servers/${name}.ts`, import.meta.url));
  const profile = process.env.BENCH_CPU_PROF;
  const flags = profile ? ["--cpu-prof", `--cpu-prof-dir=${profile}`] : [];
  // Through sh to raise the open-file limit to the hard limit first: the streams scenario holds
  // 5,000 sockets in the server (the default soft limit is often 1,024).
  const command = 'ulimit -n "$(ulimit -Hn)" 2>/dev/null; exec "$@"';
  const args = [process.execPath, ...flags, "--import", "tsx", file];
  const child = spawn("/bin/sh", ["-c", command, "sh", ...args], {
    env: { ...process.env, ...env, PORT: "0" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    let out = "";
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const match = /ready (\d+)/.exec(out);
      if (!match) return;
      child.stdout?.off("data", onData);
      child.stdout?.resume();
      resolve({
        name,
        port: Number(match[1]),
        child,
        rssKb: () => readRssKb(child.pid ?? 0),
        cpuMs: () => readCpuMs(child.pid ?? 0),
        stop: () =>
          new Promise((done) => {
            if (child.exitCode !== null) return done();
            child.once("exit", () => done());
            child.kill("SIGTERM");
          }),
      });
    };
    child.stdout?.on("data", onData);
    child.once("exit", (code) => reject(new Error(`bench server ${name} exited with ${code}`)));
  });
}

function readRssKb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const match = /VmRSS:\s+(\d+) kB/.exec(status);
  return match ? Number(match[1]) : Number.NaN;
}

/**
 * CPU time of every thread of the process, in ms with nanosecond resolution: the first field of
 * each /proc/<pid>/task/<tid>/schedstat (time on CPU). /proc/<pid>/stat counts in ticks of 10 ms,
 * too coarse for a round of 20,000 events at a few µs each. The bench servers' threads live as
 * long as the process, so the sum never loses a thread's time between two readings.
 */
function readCpuMs(pid: number): number {
  let ns = 0;
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      ns += Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, "utf8").split(" ")[0]);
    } catch {
      // A thread that ended between the listing and the read.
    }
  }
  return ns / 1e6;
}
