/**
 * A minimal `text/event-stream` decoder (the part of the SSE format ChatKit uses): lines end with
 * CRLF, LF or CR; `data:` lines of one event are joined with "\n"; a blank line ends the event;
 * comments (`:`) and other fields (`event:`, `id:`, `retry:`) are ignored.
 */

/**
 * Feeds decoded text chunks and calls `onData` with the data of each complete event.
 *
 * @example
 * ```ts
 * const feed = sseDecoder((data) => console.log(data));
 * feed('data: {"a":1}\n'); feed("\n"); // logs {"a":1}
 * feed(null); // end of stream: flushes a last event without its blank line
 * ```
 */
export function sseDecoder(onData: (data: string) => void): (chunk: string | null) => void {
  let buffer = "";
  let data: string[] = [];
  let pendingCR = false;
  const line = (text: string) => {
    if (text === "") {
      if (data.length > 0) onData(data.join("\n"));
      data = [];
      return;
    }
    if (text.startsWith(":")) return;
    const colon = text.indexOf(":");
    const field = colon < 0 ? text : text.slice(0, colon);
    if (field !== "data") return;
    let value = colon < 0 ? "" : text.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    data.push(value);
  };
  return (chunk) => {
    if (chunk === null) {
      if (buffer !== "") line(buffer);
      buffer = "";
      line("");
      return;
    }
    let text = chunk;
    // A CR at the end of the previous chunk may be the first half of a CRLF.
    if (pendingCR && text.startsWith("\n")) text = text.slice(1);
    pendingCR = false;
    buffer += text;
    let start = 0;
    for (let i = 0; i < buffer.length; i++) {
      const c = buffer[i];
      if (c !== "\n" && c !== "\r") continue;
      line(buffer.slice(start, i));
      if (c === "\r") {
        if (i + 1 === buffer.length) pendingCR = true;
        else if (buffer[i + 1] === "\n") i++;
      }
      start = i + 1;
    }
    buffer = buffer.slice(start);
  };
}
