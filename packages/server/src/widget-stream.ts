import {
  diffWidget,
  type ThreadMetadata,
  type ThreadStreamEvent,
  type WidgetItem,
  type WidgetRoot,
} from "@threadkit/core";
import { generateId } from "./store/ids.js";
import type { StoreItemType, StoreWrites } from "./store/types.js";
import { nowIso } from "./util.js";

/** Options of {@link streamWidget}. */
export interface StreamWidgetOptions {
  /** Text copied when the user copies the widget item. */
  copyText?: string;
  /** Id generator; defaults to a random `msg_` id. */
  generateId?: (kind: StoreItemType) => string;
}

function isAsyncIterable(value: unknown): value is AsyncIterable<WidgetRoot> {
  return (
    value !== null &&
    typeof value === "object" &&
    typeof (value as { [Symbol.asyncIterator]?: unknown })[Symbol.asyncIterator] === "function"
  );
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
export async function* streamWidget(
  thread: ThreadMetadata,
  widget: WidgetRoot | AsyncIterable<WidgetRoot>,
  options: StreamWidgetOptions = {},
): AsyncGenerator<ThreadStreamEvent> {
  const id = (options.generateId ?? generateId)("message");
  const item = (root: WidgetRoot): WidgetItem =>
    ({
      type: "widget",
      id,
      thread_id: thread.id,
      created_at,
      widget: root,
      copy_text: options.copyText,
    }) as WidgetItem;
  const created_at = nowIso();
  if (!isAsyncIterable(widget)) {
    yield { type: "thread.item.done", item: item(widget) } as ThreadStreamEvent;
    return;
  }
  let last: WidgetRoot | undefined;
  for await (const root of widget) {
    if (last === undefined) {
      yield { type: "thread.item.added", item: item(root) } as ThreadStreamEvent;
    } else {
      for (const update of diffWidget(last, root)) {
        yield { type: "thread.item.updated", item_id: id, update } as ThreadStreamEvent;
      }
    }
    last = root;
  }
  if (last !== undefined) {
    yield { type: "thread.item.done", item: item(last) } as ThreadStreamEvent;
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
export async function* replaceWidgetRoot<TContext>(
  store: StoreWrites<TContext>,
  thread: ThreadMetadata,
  sender: WidgetItem,
  root: WidgetRoot,
  context: TContext,
): AsyncGenerator<ThreadStreamEvent> {
  await store.saveItem(thread.id, { ...sender, widget: root } as WidgetItem, context);
  yield {
    type: "thread.item.updated",
    item_id: sender.id,
    update: { type: "widget.root.updated", widget: root },
  } as ThreadStreamEvent;
}
