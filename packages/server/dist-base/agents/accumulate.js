import { str } from "./raw.js";
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
export async function* accumulateText(events, baseWidget) {
    let text = "";
    yield baseWidget;
    for await (const event of events) {
        if (event.type !== "raw_model_stream_event")
            continue;
        const data = event.data;
        if (str(data, "type") !== "output_text_delta")
            continue;
        text += str(data, "delta") ?? "";
        yield { ...baseWidget, value: text };
    }
    yield { ...baseWidget, value: text, streaming: false };
}
//# sourceMappingURL=accumulate.js.map