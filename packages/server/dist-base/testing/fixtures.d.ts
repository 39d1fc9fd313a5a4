/**
 * Protocol-shaped fixtures for store tests: threads, items and attachments with deterministic
 * ids and timestamps.
 * @module
 */
import type { Attachment, ThreadItem, ThreadMetadata } from "@threadkit/core";
/**
 * A ChatKit-style naive ISO timestamp (`YYYY-MM-DDTHH:MM:SS.ffffff`) `seconds` after
 * 2025-01-01T00:00:00.
 *
 * @example
 * at(1); // "2025-01-01T00:00:01.000000"
 */
export declare function at(seconds: number): string;
/**
 * Thread metadata with an optional title.
 *
 * @example
 * makeThread("thr_1", { title: "Hello", createdAt: at(0) });
 */
export declare function makeThread(id: string, options?: {
    title?: string | null;
    createdAt?: string;
    metadata?: Record<string, unknown>;
}): ThreadMetadata;
/**
 * A user message with one text part and optional attachments.
 *
 * @example
 * userMessage("msg_1", "thr_1", "hi", at(1));
 */
export declare function userMessage(id: string, threadId: string, text: string, createdAt?: string, attachments?: Attachment[]): ThreadItem;
/**
 * An assistant message with one output_text part.
 *
 * @example
 * assistantMessage("msg_2", "thr_1", "hello!", at(2));
 */
export declare function assistantMessage(id: string, threadId: string, text: string, createdAt?: string): ThreadItem;
/**
 * A widget item: a Card holding a Col with `padding: {x, y}` and `border: {bottom}` (as in
 * ChatKit's store test).
 *
 * @example
 * widgetItem("wgt_1", "thr_1", "Title", at(3));
 */
export declare function widgetItem(id: string, threadId: string, title: string, createdAt?: string): ThreadItem;
/**
 * A hidden item: `hidden_context_item` (integration) or `sdk_hidden_context` (SDK) by `kind`.
 *
 * @example
 * hiddenItem("hc_1", "thr_1", at(4), "sdk_hidden_context");
 */
export declare function hiddenItem(id: string, threadId: string, createdAt?: string, kind?: "hidden_context_item" | "sdk_hidden_context"): ThreadItem;
/**
 * A file attachment with private `metadata`.
 *
 * @example
 * fileAttachment("atc_1");
 */
export declare function fileAttachment(id: string, threadId?: string): Attachment;
/**
 * An image attachment with `preview_url` and private `metadata`.
 *
 * @example
 * imageAttachment("atc_2");
 */
export declare function imageAttachment(id: string): Attachment;
//# sourceMappingURL=fixtures.d.ts.map