import { type ThreadMetadata, type ThreadStreamEvent, type WidgetItem, type WidgetRoot } from "@threadkit/core";
import type { StoreItemType, StoreWrites } from "./store/types.js";
/** Options of {@link streamWidget}. */
export interface StreamWidgetOptions {
    /** Text copied when the user copies the widget item. */
    copyText?: string;
    /** Id generator; defaults to a random `msg_` id. */
    generateId?: (kind: StoreItemType) => string;
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
export declare function streamWidget(thread: ThreadMetadata, widget: WidgetRoot | AsyncIterable<WidgetRoot>, options?: StreamWidgetOptions): AsyncGenerator<ThreadStreamEvent>;
/**
 * Updates a sender widget in place (the seed's "update the widget"): saves the item with its
 * new root (`saveItem`) and yields `thread.item.updated` with `widget.root.updated`.
 *
 * @example
 * async *action(thread, action, sender, ctx) {
 *   if (sender) yield* this.replaceWidgetRoot(thread, sender, Card({ children: [Text({ value: "Saved" })] }), ctx);
 * }
 */
export declare function replaceWidgetRoot<TContext>(store: StoreWrites<TContext>, thread: ThreadMetadata, sender: WidgetItem, root: WidgetRoot, context: TContext): AsyncGenerator<ThreadStreamEvent>;
//# sourceMappingURL=widget-stream.d.ts.map