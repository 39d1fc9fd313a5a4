/**
 * Applying `thread.item.updated` updates to items (`applyItemUpdate`) and widget roots
 * (`applyWidgetUpdate`), with ChatKit's pipeline semantics. Shared by the server and the client.
 */
export { applyItemUpdate, MAX_CONTENT_PADDING } from "./updates/item.js";
export { applyWidgetUpdate } from "./updates/widget.js";
