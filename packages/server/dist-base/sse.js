import { eventJson } from "./event-json.js";
const encoder = new TextEncoder();
/**
 * One SSE chunk for an event: `data: <compact JSON>\n\n`, serialised with ChatKit's rules
 * (nulls omitted, attachment metadata stripped).
 *
 * @example
 * encodeSseEvent({ type: "progress_update", text: "Searching" });
 * // bytes of 'data: {"type":"progress_update","text":"Searching"}\n\n'
 */
export function encodeSseEvent(event) {
    return encoder.encode(`data: ${eventJson(event)}\n\n`);
}
/** The SSE comment sent on idle streams so proxies keep the connection open. */
export const SSE_HEARTBEAT = encoder.encode(": keep-alive\n\n");
/**
 * Parses `data:` events out of an SSE body (for tests and simple clients).
 *
 * @example
 * parseSseEvents('data: {"type":"x"}\n\n'); // [{ type: "x" }]
 */
export function parseSseEvents(text) {
    const events = [];
    for (const block of text.split("\n\n")) {
        const data = block
            .split("\n")
            .filter((line) => line.startsWith("data:"))
            .map((line) => line.slice(5).replace(/^ /, ""))
            .join("\n");
        if (data)
            events.push(JSON.parse(data));
    }
    return events;
}
//# sourceMappingURL=sse.js.map