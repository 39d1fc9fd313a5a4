/**
 * One SSE chunk for an event: `data: <compact JSON>\n\n`, serialised with ChatKit's rules
 * (nulls omitted, attachment metadata stripped).
 *
 * @example
 * encodeSseEvent({ type: "progress_update", text: "Searching" });
 * // bytes of 'data: {"type":"progress_update","text":"Searching"}\n\n'
 */
export declare function encodeSseEvent(event: unknown): Uint8Array;
/** The SSE comment sent on idle streams so proxies keep the connection open. */
export declare const SSE_HEARTBEAT: Uint8Array;
/**
 * Parses `data:` events out of an SSE body (for tests and simple clients).
 *
 * @example
 * parseSseEvents('data: {"type":"x"}\n\n'); // [{ type: "x" }]
 */
export declare function parseSseEvents(text: string): Record<string, unknown>[];
//# sourceMappingURL=sse.d.ts.map