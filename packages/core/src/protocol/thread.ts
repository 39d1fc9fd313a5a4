import { z } from "zod";
import { JsonObject, PageOf, Timestamp } from "./common.js";
import { ThreadItem } from "./items.js";

/**
 * The thread is active: users can send messages.
 * @example ActiveStatus.parse({ type: "active" });
 */
export const ActiveStatus = z.object({ type: z.literal("active") });
/** @example const s: ActiveStatus = { type: "active" }; */
export type ActiveStatus = z.infer<typeof ActiveStatus>;

/**
 * The thread is locked (read-only for now), with an optional reason shown to the user.
 * @example LockedStatus.parse({ type: "locked", reason: "Maintenance" });
 */
export const LockedStatus = z.object({ type: z.literal("locked"), reason: z.string().nullish() });
/** @example const s: LockedStatus = { type: "locked" }; */
export type LockedStatus = z.infer<typeof LockedStatus>;

/**
 * The thread is closed for good, with an optional reason.
 * @example ClosedStatus.parse({ type: "closed" });
 */
export const ClosedStatus = z.object({ type: z.literal("closed"), reason: z.string().nullish() });
/** @example const s: ClosedStatus = { type: "closed", reason: "Resolved" }; */
export type ClosedStatus = z.infer<typeof ClosedStatus>;

/**
 * A thread's lifecycle state, discriminated by `type`.
 * @example ThreadStatus.parse({ type: "locked", reason: "Read only" });
 */
export const ThreadStatus = z.discriminatedUnion("type", [
  ActiveStatus,
  LockedStatus,
  ClosedStatus,
]);
/** @example const status: ThreadStatus = { type: "active" }; */
export type ThreadStatus = z.infer<typeof ThreadStatus>;

/**
 * A thread without its items. `status` defaults to `{type: "active"}` and `metadata` (server-side
 * only, never sent: see `toThreadResponse`) to `{}`.
 *
 * @example
 * ThreadMetadata.parse({ id: "thr_1", created_at: "2026-11-24T03:04:14.315767" });
 */
export const ThreadMetadata = z.object({
  title: z.string().nullish(),
  id: z.string(),
  created_at: Timestamp,
  status: ThreadStatus.default(() => ({ type: "active" as const })),
  allowed_image_domains: z.array(z.string()).nullish(),
  metadata: JsonObject.default(() => ({})),
});
/** @example const t: ThreadMetadata = { id: "thr_1", created_at: "2026-11-24T03:04:14Z", status: { type: "active" }, metadata: {} }; */
export type ThreadMetadata = z.infer<typeof ThreadMetadata>;

/**
 * A page of thread items (`Page[ThreadItem]`).
 * @example ThreadItemPage.parse({ data: [], has_more: false });
 */
export const ThreadItemPage = PageOf(ThreadItem);
/** @example const p: ThreadItemPage = { data: [], has_more: false }; */
export type ThreadItemPage = z.infer<typeof ThreadItemPage>;

/**
 * A thread with a page of its items.
 *
 * @example
 * Thread.parse({ id: "thr_1", created_at: "2026-11-24T03:04:14Z", items: { data: [], has_more: false } });
 */
export const Thread = ThreadMetadata.extend({ items: ThreadItemPage });
/** @example const t: Thread = { ...metadata, items: { data: [], has_more: false } }; */
export type Thread = z.infer<typeof Thread>;

/**
 * A page of threads, as returned by `threads.list`.
 * @example ThreadPage.parse({ data: [], has_more: false });
 */
export const ThreadPage = PageOf(Thread);
/** @example const p: ThreadPage = { data: [], has_more: false }; */
export type ThreadPage = z.infer<typeof ThreadPage>;
