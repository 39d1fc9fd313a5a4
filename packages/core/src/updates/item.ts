import type {
  AssistantMessageContent,
  AssistantMessageItem,
  ThreadItem,
  ThreadItemUpdate,
  WorkflowItem,
} from "../protocol/index.js";
import { applyWidgetUpdate, cloneData } from "./widget.js";

/**
 * The furthest an assistant update may pad `content` beyond its current end. ChatKit pads without
 * limit; an index past this bound (a corrupt or hostile stream) leaves the item unchanged rather
 * than allocating a huge array.
 */
export const MAX_CONTENT_PADDING = 1024;

type AssistantUpdate = Extract<ThreadItemUpdate, { type: `assistant_message.${string}` }>;
type WorkflowUpdate = Extract<ThreadItemUpdate, { type: `workflow.${string}` }>;

function isIndex(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= 0;
}

function emptyPart(): AssistantMessageContent {
  return { type: "output_text", text: "", annotations: [] };
}

function applyAssistantUpdate(
  item: AssistantMessageItem,
  update: AssistantUpdate,
): AssistantMessageItem {
  const index = update.content_index;
  if (!isIndex(index) || index > item.content.length + MAX_CONTENT_PADDING) return item;
  const content = item.content.slice();
  while (content.length <= index) content.push(emptyPart());
  const part = content[index] as AssistantMessageContent;
  switch (update.type) {
    case "assistant_message.content_part.added":
    case "assistant_message.content_part.done":
      content[index] = cloneData(update.content);
      break;
    case "assistant_message.content_part.text_delta":
      content[index] = { ...part, text: (part.text ?? "") + update.delta };
      break;
    case "assistant_message.content_part.annotation_added": {
      const annotations = (part.annotations ?? []).slice();
      const annotation = cloneData(update.annotation);
      if (isIndex(update.annotation_index) && update.annotation_index <= annotations.length) {
        annotations.splice(update.annotation_index, 0, annotation);
      } else {
        annotations.push(annotation);
      }
      content[index] = { ...part, annotations };
      break;
    }
  }
  return { ...item, content };
}

function applyWorkflowUpdate(item: WorkflowItem, update: WorkflowUpdate): WorkflowItem {
  const tasks = item.workflow.tasks.slice();
  if (update.type === "workflow.task.added") {
    tasks.push(cloneData(update.task));
  } else {
    if (!isIndex(update.task_index) || update.task_index >= tasks.length) return item;
    tasks[update.task_index] = cloneData(update.task);
  }
  return { ...item, workflow: { ...item.workflow, tasks } };
}

/**
 * Applies a `thread.item.updated` update to an item and returns the new item, with the semantics of
 * ChatKit's event pipeline (protocol §1.6 step 5). Used by the server (pending items, so a cancelled
 * stream can save partial state) and by the client (rendering). Pure: the inputs are never modified;
 * the parts of the item that did not change are shared with the result.
 *
 * - **Assistant message** (`assistant_message.content_part.*`): first pads `content` with empty
 *   `output_text` parts until `content_index` exists; then `added` and `done` set the part,
 *   `text_delta` appends to its text, `annotation_added` inserts at `annotation_index` (appends when
 *   the index is past the end).
 * - **Workflow**: `workflow.task.added` appends the task (ChatKit ignores `task_index` here);
 *   `workflow.task.updated` replaces `tasks[task_index]` (an index out of range changes nothing).
 * - **Widget**: see {@link applyWidgetUpdate} (`widget.root.updated`,
 *   `widget.streaming_text.value_delta`, `widget.component.updated`).
 * - **Generated image**: `generated_image.updated` sets `image` (`progress` is not stored on the item).
 *
 * An update that does not apply to the item's type (e.g. a text delta for a widget) returns the item
 * itself, unchanged, as ChatKit ignores it; so `applyItemUpdate(item, u) === item` means "no effect".
 *
 * @example
 * ```ts
 * let item: ThreadItem = { type: "assistant_message", id: "msg_1", thread_id: "thr_1",
 *   created_at: "2026-01-01T00:00:00Z", content: [] };
 * item = applyItemUpdate(item, {
 *   type: "assistant_message.content_part.text_delta", content_index: 0, delta: "Hi",
 * }); // content: [{ type: "output_text", text: "Hi", annotations: [] }]
 * ```
 */
export function applyItemUpdate(item: ThreadItem, update: ThreadItemUpdate): ThreadItem {
  switch (update.type) {
    case "assistant_message.content_part.added":
    case "assistant_message.content_part.text_delta":
    case "assistant_message.content_part.annotation_added":
    case "assistant_message.content_part.done":
      return item.type === "assistant_message" ? applyAssistantUpdate(item, update) : item;
    case "workflow.task.added":
    case "workflow.task.updated":
      return item.type === "workflow" ? applyWorkflowUpdate(item, update) : item;
    case "widget.root.updated":
    case "widget.streaming_text.value_delta":
    case "widget.component.updated": {
      if (item.type !== "widget") return item;
      const widget = applyWidgetUpdate(item.widget, update);
      return widget === item.widget ? item : { ...item, widget };
    }
    case "generated_image.updated":
      return item.type === "generated_image" ? { ...item, image: cloneData(update.image) } : item;
    default:
      return item;
  }
}
