import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** A bench server running in its own process. */
export interface ServerProcess {
  name: string;
  port: number;
  child: ChildProcess;
  /** Resident set size of the server process, in KiB, read from /proc. */
  rssKb(): number;
  /** CPU time (user + system) the server process has used so far, in ms (10 ms resolution). */
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

/** utime + stime from /proc/<pid>/stat, in clock ticks of 10 ms (Linux's USER_HZ). */
function readCpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  // Fields after the parenthesised command name; utime and stime are fields 14 and 15.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
}
