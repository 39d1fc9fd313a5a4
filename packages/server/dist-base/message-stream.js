import { generateId } from "./store/ids.js";
import { nowIso } from "./util.js";
/**
 * Streams text as one assistant message, without a model SDK: `thread.item.added`, the content
 * part's `added`, one `text_delta` per chunk of `text`, the part's `done`, then `thread.item.done`
 * (which the pipeline persists). A string is sent as a single delta. If the stream is cancelled
 * midway, the pipeline saves the partial text it has seen.
 *
 * @example
 * async *respond(thread, input, context) {
 *   async function* words() { for (const w of ["Hello", ", ", "world"]) yield w; }
 *   yield* streamAssistantMessage(thread, words());
 * }
 */
export async function* streamAssistantMessage(thread, text, options = {}) {
    const id = (options.generateId ?? generateId)("message");
    const created_at = nowIso();
    const part = (t) => ({
        type: "output_text",
        text: t,
        annotations: [],
    });
    const item = (content) => ({
        type: "assistant_message",
        id,
        thread_id: thread.id,
        created_at,
        content,
    });
    yield { type: "thread.item.added", item: item([]) };
    yield {
        type: "thread.item.updated",
        item_id: id,
        update: { type: "assistant_message.content_part.added", content_index: 0, content: part("") },
    };
    let sent = "";
    for await (const delta of typeof text === "string" ? [text] : text) {
        if (options.signal?.aborted)
            break;
        if (delta === "")
            continue;
        sent += delta;
        yield {
            type: "thread.item.updated",
            item_id: id,
            update: { type: "assistant_message.content_part.text_delta", content_index: 0, delta },
        };
    }
    yield {
        type: "thread.item.updated",
        item_id: id,
        update: { type: "assistant_message.content_part.done", content_index: 0, content: part(sent) },
    };
    yield { type: "thread.item.done", item: item([part(sent)]) };
}
//# sourceMappingURL=message-stream.js.map