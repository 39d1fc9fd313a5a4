/**
 * The ChatKit v1.6.5 wire protocol: every request, stream event, item update and thread item as a
 * zod schema with an inferred type of the same name.
 *
 * @example
 * import { ThreadItem } from "./protocol/index.js";
 * const item = ThreadItem.parse(json);
 */
export * from "./attachments.js";
export * from "./common.js";
export * from "./content.js";
export * from "./errors.js";
export * from "./event-types.js";
export * from "./events.js";
export * from "./icons.js";
export * from "./items.js";
export * from "./requests.js";
export * from "./structured.js";
export * from "./tasks.js";
export * from "./thread.js";
export * from "./updates.js";
