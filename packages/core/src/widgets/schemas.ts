/**
 * Zod schemas of every ChatKit widget (the union of the Python and JS SDKs), each with a type of
 * the same name. Reached from the package as `schemas.Card`, `schemas.WidgetRoot`, ...
 *
 * @example
 * ```ts
 * import { schemas } from "@threadkit/core";
 * const root = schemas.WidgetRoot.parse(json); // throws a ZodError naming the path on bad input
 * ```
 */

export * from "./schemas/chart.js";
export * from "./schemas/common.js";
export * from "./schemas/content.js";
export * from "./schemas/controls.js";
export * from "./schemas/datetime.js";
export * from "./schemas/layout.js";
export * from "./schemas/roots.js";
export * from "./schemas/table.js";
export * from "./schemas/text.js";
export * from "./schemas/union.js";
