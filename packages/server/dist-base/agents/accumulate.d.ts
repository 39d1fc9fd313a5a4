import { type AgentRunStreamEvent } from "./raw.js";
/** A streaming-text widget (`Text` or `Markdown`) as `accumulateText` needs it. */
export interface StreamingTextWidget {
    type: "Text" | "Markdown";
    value: string;
    streaming?: boolean | null;
}
/**
 * Turns a run's text into successive states of a `Text` or `Markdown` widget (ChatKit's
 * `accumulate_text`): first `baseWidget`, then a copy holding all text so far after every text
 * delta, then a final copy with `streaming: false`. Give the widget an `id` and pass the result
 * to `streamWidget` so the client receives text deltas rather than whole widgets.
 *
 * Text deltas are read from the SDK's model-agnostic `output_text_delta` events, so this works
 * with Responses and chat-completions models alike.
 *
 * @example
 * const result = await run(writer, "Write a haiku", { stream: true });
 * await ctx.streamWidget(
 *   accumulateText(result, Markdown({ id: "haiku", value: "", streaming: true })),
 * );
 */
export declare function accumulateText<T extends StreamingTextWidget>(events: AsyncIterable<AgentRunStreamEvent>, baseWidget: T): AsyncGenerator<T>;
//# sourceMappingURL=accumulate.d.ts.map