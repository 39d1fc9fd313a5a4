import { describe, expect, it } from "vitest";
import { readSSE, toStreamEvent } from "../src/transport.js";

/** Reads an SSE body delivered in the given chunks (as bytes, so UTF-8 can split too). */
async function read(chunks: (string | Uint8Array)[]): Promise<unknown[]> {
  const enc = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(c) {
      for (const chunk of chunks) c.enqueue(typeof chunk === "string" ? enc.encode(chunk) : chunk);
      c.close();
    },
  });
  const out: unknown[] = [];
  for await (const d of readSSE(body)) out.push(d);
  return out;
}

describe("readSSE framing", () => {
  it("splits events on blank lines across arbitrary chunk boundaries", async () => {
    const text = 'data: {"a":1}\n\ndata: {"b":2}\n\n';
    for (let cut = 0; cut <= text.length; cut++) {
      await expect(read([text.slice(0, cut), text.slice(cut)])).resolves.toEqual([
        { a: 1 },
        { b: 2 },
      ]);
    }
  });

  it("handles CRLF and CR line ends, including a CRLF split between chunks", async () => {
    await expect(read(['data: "x"\r', '\n\r\ndata: "y"\r\r'])).resolves.toEqual(["x", "y"]);
  });

  it("joins multi-line data and skips comments (heartbeats) and other fields", async () => {
    await expect(
      read([': ping\nevent: message\nid: 3\ndata: {"a":\ndata: 1}\nretry: 5\n\n']),
    ).resolves.toEqual([{ a: 1 }]);
  });

  it("keeps a multi-byte character split between chunks, and a last event without its blank line", async () => {
    const bytes = new TextEncoder().encode('data: "é"\n\ndata: "end"');
    await expect(read([bytes.slice(0, 8), bytes.slice(8)])).resolves.toEqual(["é", "end"]);
  });
});

describe("readSSE and toStreamEvent", () => {
  it("yields parsed JSON payloads and skips non-JSON data", async () => {
    const body = new Response('data: {"type":"x"}\n\ndata: not json\n\ndata: [1]\n\n').body!;
    const out: unknown[] = [];
    for await (const d of readSSE(body)) out.push(d);
    expect(out).toEqual([{ type: "x" }, [1]]);
  });

  it("accepts known events with the fields the client needs, and drops the rest", () => {
    expect(toStreamEvent({ type: "progress_update", text: "Searching" })).toEqual({
      type: "progress_update",
      text: "Searching",
    });
    expect(toStreamEvent({ type: "future.event" })).toBeNull();
    expect(toStreamEvent({ type: "thread.item.added", item: { id: 1 } })).toBeNull();
    expect(toStreamEvent({ type: "thread.item.updated", item_id: "a" })).toBeNull();
    expect(toStreamEvent("text")).toBeNull();
  });
});
