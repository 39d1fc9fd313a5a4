/** Stores: the interface, SQLite and memory implementations, ids and page helpers. @module */
export * from "./idempotency.js";
export * from "./ids.js";
export * from "./memory.js";
export * from "./not-found.js";
export * from "./order.js";
export * from "./pages.js";
export * from "./sqlite.js";
export * from "./sqlite-schema.js";
export * from "./types.js";
//# sourceMappingURL=index.d.ts.map