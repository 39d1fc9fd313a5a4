import {
  diffWidget,
  type ThreadMetadata,
  type ThreadStreamEvent,
  type WidgetItem,
  type WidgetRoot,
} from "@threadkit/core";

/** A widget to stream: one root, or an async sequence of roots (each a new state of the widget). */
export type WidgetSource = WidgetRoot | AsyncIterable<WidgetRoot>;

/** Whether `value` is an async sequence rather than a single widget root. */
export function isAsyncIterable<T>(value: unknown): value is AsyncIterable<T> {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { [Symbol.asyncIterator]?: unknown })[Symbol.asyncIterator] === "function"
  );
}

/**
 * The events that stream a widget into a thread, with ChatKit's `stream_widget` semantics:
 * a single root gives one `thread.item.done`; an async sequence gives `thread.item.added` for the
 * first root, `thread.item.updated` for each difference between consecutive roots (computed by
 * core's `diffWidget`: text value deltas or a full `widget.root.updated`), then
 * `thread.item.done` with the last root. The item id comes from `generateId("message")`.
 *
 * @example
 * for await (const event of widgetStreamEvents(thread, Card({ children: [] }), {
 *   generateId: (kind) => store.generateItemId(kind, thread, ctx),
 * })) {
 *   console.log(event.type); // "thread.item.done"
 * }
 */
export async function* widgetStreamEvents(
  thread: ThreadMetadata,
  widget: WidgetSource,
  options: { copyText?: string | null; generateId: (kind: "message") => string },
): AsyncGenerator<ThreadStreamEvent> {
  const base = {
    type: "widget" as const,
    id: options.generateId("message"),
    thread_id: thread.id,
    created_at: new Date().toISOString(),
    ...(options.copyText != null ? { copy_text: options.copyText } : {}),
  };
  if (!isAsyncIterable<WidgetRoot>(widget)) {
    const item = { ...base, widget } as WidgetItem;
    yield { type: "thread.item.done", item };
    return;
  }
  let last: WidgetRoot | undefined;
  for await (const root of widget) {
    if (last === undefined) {
      const item = { ...base, widget: root } as WidgetItem;
      yield { type: "thread.item.added", item };
    } else {
      for (const update of diffWidget(last, root)) {
        yield { type: "thread.item.updated", item_id: base.id, update };
      }
    }
    last = root;
  }
  if (last !== undefined) {
    const item = { ...base, widget: last } as WidgetItem;
    yield { type: "thread.item.done", item };
  }
}
