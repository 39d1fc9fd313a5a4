/** Raised by a store when a thread, item or attachment is missing or belongs to another user. */
export class NotFoundError extends Error {
    name = "NotFoundError";
}
//# sourceMappingURL=types.js.map