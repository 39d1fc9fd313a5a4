import { type ChildProcess, spawn } from "node:child_process";
import { request } from "node:http";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADAPTERS } from "./helpers/http.js";

const LIMIT = 64 * 1024;
/** Far over the limit, so the client is still sending when the server has read enough. */
const OVERSIZED = 8 * 1024 * 1024;
const FIXTURE = fileURLToPath(new URL("./fixtures/http/body-limit-server.ts", import.meta.url));

/** The server runs in a process of its own: in one event loop with the client, no reset shows. */
function startServer(adapter: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ["--import", "tsx", FIXTURE], {
    env: { ...process.env, ADAPTER: adapter, MAX_BODY_BYTES: String(LIMIT) },
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`body-limit server exited (${code})`)));
    child.stdout?.once("data", (chunk: Buffer) => {
      resolve({ url: `http://127.0.0.1:${chunk.toString().trim()}/chatkit`, child });
    });
  });
}

function streamedBody(): ReadableStream<Uint8Array> {
  let sent = 0;
  const chunk = new Uint8Array(64 * 1024).fill(0x20);
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= OVERSIZED) return controller.close();
      sent += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
}

describe.each(ADAPTERS)("413 over the %s adapter while the client is still sending", (adapter) => {
  let url: string;
  let child: ChildProcess;
  beforeAll(async () => {
    ({ url, child } = await startServer(adapter));
  });
  afterAll(() => {
    child.removeAllListeners("exit");
    child.kill();
  });

  it("20 out of 20 oversized bodies from Node's fetch see the 413 JSON answer", async () => {
    const outcomes: string[] = [];
    for (let i = 0; i < 20; i++) {
      const streamed = i % 2 === 1; // half with a declared length, half chunked
      try {
        const res = await fetch(url, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: streamed ? streamedBody() : new Uint8Array(OVERSIZED).fill(0x20),
          duplex: "half",
        } as RequestInit);
        const body = (await res.json()) as { error?: { code?: string } };
        outcomes.push(`${res.status} ${body.error?.code}`);
      } catch (error) {
        outcomes.push(String((error as { cause?: { code?: string } }).cause?.code ?? error));
      }
    }
    expect(outcomes).toEqual(Array(20).fill("413 payload_too_large"));
  }, 60_000);

  it("node:http clients see it too, and the server keeps answering", async () => {
    for (let i = 0; i < 5; i++) {
      const status = await new Promise<number>((resolve, reject) => {
        const req = request(url, { method: "POST" }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on("error", reject);
        req.end(Buffer.alloc(OVERSIZED, 0x20));
      });
      expect(status).toBe(413);
    }
    const ok = await fetch(url, { method: "POST", body: '{"type":"threads.list","params":{}}' });
    expect(ok.status).toBe(200);
  }, 60_000);
});
