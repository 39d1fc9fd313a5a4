/**
 * @threadkit/server — ChatKitServer for Node and web runtimes: the ChatKit request set, the event
 * pipeline, SQLite and memory stores, HTTP adapters (fetch and node:http) and widget templates.
 */

export type { Order, Store, StoreItemType } from "./store/types.js";
export { NotFoundError } from "./store/types.js";
export { TemplateRenderError, tojson } from "./templates/jinja.js";
export { WidgetTemplate, type WidgetTemplateDefinition, WidgetTemplateError } from "./templates.js";
