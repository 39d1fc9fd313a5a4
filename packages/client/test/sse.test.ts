import { describe, expect, it } from "vitest";
import { sseDecoder } from "../src/sse.js";
import { readSSE, toStreamEvent } from "../src/transport.js";

function decode(chunks: string[]): string[] {
  const out: string[] = [];
  const feed = sseDecoder((d) => out.push(d));
  for (const c of chunks) feed(c);
  feed(null);
  return out;
}

describe("sseDecoder", () => {
  it("splits events on blank lines across arbitrary chunk boundaries", () => {
    const text = 'data: {"a":1}\n\ndata: {"b":2}\n\n';
    for (let cut = 0; cut <= text.length; cut++) {
      expect(decode([text.slice(0, cut), text.slice(cut)])).toEqual(['{"a":1}', '{"b":2}']);
    }
  });

  it("handles CRLF and CR line ends, including a CRLF split between chunks", () => {
    expect(decode(["data: x\r", "\n\r\ndata: y\r\r"])).toEqual(["x", "y"]);
  });

  it("joins multi-line data, skips comments and other fields, strips one leading space", () => {
    expect(
      decode([": ping\nevent: message\nid: 3\ndata:  two spaces\ndata:second\nretry: 5\n\n"]),
    ).toEqual([" two spaces\nsecond"]);
  });

  it("flushes a last event without its blank line and ignores empty events", () => {
    expect(decode(["\n\n", "data: last"])).toEqual(["last"]);
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
