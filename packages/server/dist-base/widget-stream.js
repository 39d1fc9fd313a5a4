import { diffWidget, } from "@threadkit/core";
import { generateId } from "./store/ids.js";
import { nowIso } from "./util.js";
function isAsyncIterable(value) {
    return (value !== null &&
        typeof value === "object" &&
        typeof value[Symbol.asyncIterator] === "function");
}
/**
 * ChatKit's `stream_widget`: a static root yields one `thread.item.done` with a new widget item;
 * an async iterable of roots yields `thread.item.added` for the first, `thread.item.updated`
 * for each delta from `diffWidget` (streaming text or `widget.root.updated`), then
 * `thread.item.done` with the last root.
 *
 * @example
 * async function* roots() { yield Card({ children: [Text({ id: "t", value: "", streaming: true })] }); ... }
 * yield* streamWidget(thread, roots(), { copyText: "Forecast" });
 */
export async function* streamWidget(thread, widget, options = {}) {
    const id = (options.generateId ?? generateId)("message");
    const item = (root) => ({
        type: "widget",
        id,
        thread_id: thread.id,
        created_at,
        widget: root,
        copy_text: options.copyText,
    });
    const created_at = nowIso();
    if (!isAsyncIterable(widget)) {
        yield { type: "thread.item.done", item: item(widget) };
        return;
    }
    let last;
    for await (const root of widget) {
        if (last === undefined) {
            yield { type: "thread.item.added", item: item(root) };
        }
        else {
            for (const update of diffWidget(last, root)) {
                yield { type: "thread.item.updated", item_id: id, update };
            }
        }
        last = root;
    }
    if (last !== undefined) {
        yield { type: "thread.item.done", item: item(last) };
    }
}
/**
 * Updates a sender widget in place (the seed's "update the widget"): saves the item with its
 * new root (`saveItem`) and yields `thread.item.updated` with `widget.root.updated`.
 *
 * @example
 * async *action(thread, action, sender, ctx) {
 *   if (sender) yield* this.replaceWidgetRoot(thread, sender, Card({ children: [Text({ value: "Saved" })] }), ctx);
 * }
 */
export async function* replaceWidgetRoot(store, thread, sender, root, context) {
    await store.saveItem(thread.id, { ...sender, widget: root }, context);
    yield {
        type: "thread.item.updated",
        item_id: sender.id,
        update: { type: "widget.root.updated", widget: root },
    };
}
//# sourceMappingURL=widget-stream.js.map