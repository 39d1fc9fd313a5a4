/**
 * The compact JSON of a stream event under ChatKit's rules, exactly `JSON.stringify(serialize(event))`.
 * Most events (text deltas above all) are already clean, and checking that is far cheaper than
 * serialize's deep copy, which was a large share of the server's time per streamed event.
 *
 * @example
 * eventJson({ type: "progress_update", text: "Searching", icon: null });
 * // '{"type":"progress_update","text":"Searching"}'
 */
export declare function eventJson(event: unknown): string;
/**
 * The compact JSON of a response body under ChatKit's rules, exactly
 * `JSON.stringify(serialize(value))`: a page's top-level `null`s (`after` on the last page) are
 * dropped first, so that a clean page skips serialize's deep copy as events do.
 */
export declare function responseJson(value: unknown): string;
//# sourceMappingURL=event-json.d.ts.map