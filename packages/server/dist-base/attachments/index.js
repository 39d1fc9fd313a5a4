/** Attachment stores: the interface, the disk implementation, errors and MIME helpers. @module */
export * from "./disk.js";
export * from "./errors.js";
export * from "./mime.js";
export * from "./types.js";
export * from "./upload.js";
//# sourceMappingURL=index.js.map