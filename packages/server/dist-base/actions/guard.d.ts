/**
 * What runs around every request before its handler: the per-user rate limit on actions and
 * messages, and idempotency keys on actions (a repeat of a finished action runs nothing again; a
 * repeat of one still running gets 409).
 */
import type { ChatKitRequest, ThreadStreamEvent } from "@threadkit/core";
import type { ChatKitServer } from "../server.js";
type Stream = () => AsyncIterable<ThreadStreamEvent>;
/** How one request is wrapped: a replay instead of running it, or hooks around its run. */
export interface RequestGuard {
    /** The repeat's answer, when the action already ran: stream events, or JSON text. */
    replay?: {
        stream: Stream;
    } | {
        json: string;
    };
    /** Wraps the request's stream (a no-op unless the request holds an idempotency key). */
    stream(stream: Stream): Stream;
    /** Records the JSON answer of a sync action; returns it. */
    json(text: string): Promise<string>;
    /** Forgets the key: the request failed before its handler ran. */
    release(): Promise<void>;
    /** Gives back the request's rate-limit token: it was refused before its handler ran. */
    refund(): void;
}
/**
 * Takes a rate-limit token for `request` (throws `RateLimitedError`, 429) and, for an action with
 * an `Idempotency-Key`, claims the key (throws 409 while a repeat is running, 422 when the key was
 * used for another request; those refusals give the token back).
 */
export declare function guardRequest<C>(server: ChatKitServer<C>, request: ChatKitRequest, context: C, key: string | undefined): Promise<RequestGuard>;
export {};
//# sourceMappingURL=guard.d.ts.map