const BASE = Date.UTC(2025, 0, 1);
/**
 * A ChatKit-style naive ISO timestamp (`YYYY-MM-DDTHH:MM:SS.ffffff`) `seconds` after
 * 2025-01-01T00:00:00.
 *
 * @example
 * at(1); // "2025-01-01T00:00:01.000000"
 */
export function at(seconds) {
    const iso = new Date(BASE + Math.round(seconds * 1000)).toISOString(); // ...SS.mmmZ
    return `${iso.slice(0, 23)}000`;
}
/**
 * Thread metadata with an optional title.
 *
 * @example
 * makeThread("thr_1", { title: "Hello", createdAt: at(0) });
 */
export function makeThread(id, options = {}) {
    const thread = {
        id,
        created_at: options.createdAt ?? at(0),
        status: { type: "active" },
        metadata: options.metadata ?? {},
    };
    if (options.title !== undefined)
        thread.title = options.title;
    return thread;
}
/**
 * A user message with one text part and optional attachments.
 *
 * @example
 * userMessage("msg_1", "thr_1", "hi", at(1));
 */
export function userMessage(id, threadId, text, createdAt = at(0), attachments = []) {
    return {
        type: "user_message",
        id,
        thread_id: threadId,
        created_at: createdAt,
        content: [{ type: "input_text", text }],
        attachments,
        inference_options: {},
    };
}
/**
 * An assistant message with one output_text part.
 *
 * @example
 * assistantMessage("msg_2", "thr_1", "hello!", at(2));
 */
export function assistantMessage(id, threadId, text, createdAt = at(0)) {
    return {
        type: "assistant_message",
        id,
        thread_id: threadId,
        created_at: createdAt,
        content: [{ type: "output_text", text, annotations: [] }],
    };
}
/**
 * A widget item: a Card holding a Col with `padding: {x, y}` and `border: {bottom}` (as in
 * ChatKit's store test).
 *
 * @example
 * widgetItem("wgt_1", "thr_1", "Title", at(3));
 */
export function widgetItem(id, threadId, title, createdAt = at(0)) {
    return {
        type: "widget",
        id,
        thread_id: threadId,
        created_at: createdAt,
        copy_text: title,
        widget: {
            type: "Card",
            children: [
                {
                    type: "Col",
                    padding: { x: 4, y: 2 },
                    border: { bottom: 1 },
                    children: [{ type: "Text", id: "title", value: title }],
                },
            ],
        },
    };
}
/**
 * A hidden item: `hidden_context_item` (integration) or `sdk_hidden_context` (SDK) by `kind`.
 *
 * @example
 * hiddenItem("hc_1", "thr_1", at(4), "sdk_hidden_context");
 */
export function hiddenItem(id, threadId, createdAt = at(0), kind = "hidden_context_item") {
    const content = kind === "sdk_hidden_context" ? "note" : { note: "for the model", n: 1 };
    return {
        type: kind,
        id,
        thread_id: threadId,
        created_at: createdAt,
        content,
    };
}
/**
 * A file attachment with private `metadata`.
 *
 * @example
 * fileAttachment("atc_1");
 */
export function fileAttachment(id, threadId) {
    return {
        type: "file",
        id,
        name: "report.pdf",
        mime_type: "application/pdf",
        upload_descriptor: { url: `https://uploads.example/${id}`, method: "PUT", headers: {} },
        ...(threadId ? { thread_id: threadId } : {}),
        metadata: { bucket: "b1", key: `files/${id}`, nested: { size: 1234 } },
    };
}
/**
 * An image attachment with `preview_url` and private `metadata`.
 *
 * @example
 * imageAttachment("atc_2");
 */
export function imageAttachment(id) {
    return {
        type: "image",
        id,
        name: "cat.png",
        mime_type: "image/png",
        preview_url: `https://cdn.example/previews/${id}`,
        metadata: { width: 640, height: 480 },
    };
}
//# sourceMappingURL=fixtures.js.map