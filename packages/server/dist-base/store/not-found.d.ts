import { NotFoundError } from "./types.js";
/**
 * ChatKit's error for a missing or foreign thread: `"Thread {id} not found"` (a ChatKit test
 * checks this text).
 *
 * @example
 * throw threadNotFound("thr_1"); // NotFoundError: Thread thr_1 not found
 */
export declare function threadNotFound(threadId: string): NotFoundError;
/**
 * The error for a missing or foreign item of a thread.
 *
 * @example
 * throw itemNotFound("thr_1", "msg_1"); // NotFoundError: Item msg_1 not found in thread thr_1
 */
export declare function itemNotFound(threadId: string, itemId: string): NotFoundError;
/**
 * The error for a missing or foreign attachment.
 *
 * @example
 * throw attachmentNotFound("atc_1"); // NotFoundError: Attachment atc_1 not found
 */
export declare function attachmentNotFound(attachmentId: string): NotFoundError;
//# sourceMappingURL=not-found.d.ts.map