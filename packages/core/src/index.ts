/**
 * @threadkit/core — the ChatKit protocol (v1.6.5) as runtime schemas with inferred types,
 * widgets and their builders, typed actions, and the form-payload rules shared by client and server.
 *
 * Types are named exports (`ThreadItem`, `WidgetItem`, `ThreadStreamEvent`, ...); the parser of each
 * lives in the `schemas` namespace under the same name (`schemas.ThreadItem.parse(json)`).
 */

export { z } from "zod";
export * from "./actions.js";
export * from "./forms.js";
export type * from "./protocol/index.js";
export * as schemas from "./schemas.js";
export * from "./serialize.js";
export * from "./updates.js";
export * from "./widgets/index.js";
