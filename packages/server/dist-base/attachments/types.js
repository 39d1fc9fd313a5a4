/**
 * True when `store` can receive uploads and serve files (has `handleUpload` and `openFile`).
 *
 * @example
 * if (attachmentStore && isUploadingAttachmentStore(attachmentStore)) mountUploadRoutes(attachmentStore);
 */
export function isUploadingAttachmentStore(store) {
    const s = store;
    return typeof s.handleUpload === "function" && typeof s.openFile === "function";
}
//# sourceMappingURL=types.js.map