/**
 * Small readers for the untyped objects that come out of an Agents SDK stream (Responses API
 * events, run items). The SDK types these loosely (`any`), and other providers send other
 * shapes, so everything is narrowed here instead of trusted.
 */
/** A plain object view of `value`, or `undefined` when it is not an object. */
export declare function record(value: unknown): Record<string, unknown> | undefined;
/** `value[key]` when it is a string. */
export declare function str(value: unknown, key: string): string | undefined;
/** `value[key]` when it is a finite number. */
export declare function num(value: unknown, key: string): number | undefined;
/** `value[key]` when it is an array (else an empty array). */
export declare function list(value: unknown, key: string): unknown[];
/** `value[key]` as is. */
export declare function field(value: unknown, key: string): unknown;
/**
 * An event of an Agents SDK streamed run, typed loosely enough that both the SDK's own
 * `RunStreamEvent` classes and recorded JSON replays fit: `raw_model_stream_event` (with `data`
 * of type `model` carrying a raw Responses API event, `output_text_delta`, `response_started`,
 * `response_done`), `run_item_stream_event` and `agent_updated_stream_event`.
 *
 * @example
 * const event: AgentRunStreamEvent = {
 *   type: "raw_model_stream_event",
 *   data: { type: "output_text_delta", delta: "Hi" },
 * };
 */
export type AgentRunStreamEvent = {
    readonly type: "raw_model_stream_event";
    readonly data: {
        readonly type: string;
    };
} | {
    readonly type: "run_item_stream_event";
    readonly name: string;
    readonly item: {
        readonly type: string;
        readonly rawItem?: unknown;
    };
} | {
    readonly type: "agent_updated_stream_event";
};
//# sourceMappingURL=raw.d.ts.map