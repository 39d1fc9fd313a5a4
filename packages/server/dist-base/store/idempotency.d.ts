/**
 * Idempotency keys: what a store remembers so that an action sent twice (a retry, two pages of the
 * same thread) is performed once. Optional for a {@link Store}; the built-in stores have it.
 * @module
 */
/** How long a finished key is remembered: 24 hours. */
export declare const IDEMPOTENCY_TTL_MS: number;
/** A key still "running" after this long is taken to be abandoned (its process died): 15 minutes. */
export declare const IDEMPOTENCY_STALE_MS: number;
/**
 * The answer to {@link IdempotencyStore.claimIdempotencyKey}: `claimed` (new, or expired: go
 * ahead), `running` (another request with this key has not finished), `done` (it finished; its
 * stored response, `null` for a stream), or `mismatch` (the key was used for another request).
 */
export type IdempotencyClaim = {
    state: "claimed";
} | {
    state: "running";
} | {
    state: "done";
    response: string | null;
} | {
    state: "mismatch";
};
/**
 * Remembers idempotency keys per user (the context's user, like every store read), for
 * {@link IDEMPOTENCY_TTL_MS}. A claim must be atomic: of two concurrent claims of one key, one
 * gets `claimed` and the other `running`.
 */
export interface IdempotencyStore<TContext = unknown> {
    /** Claims `key` for a request whose digest is `fingerprint` (see {@link IdempotencyClaim}). */
    claimIdempotencyKey(key: string, fingerprint: string, context: TContext): Promise<IdempotencyClaim>;
    /** Marks a claimed key finished, with the response to give a repeat (`null` for a stream). */
    completeIdempotencyKey(key: string, response: string | null, context: TContext): Promise<void>;
    /** Forgets a claimed key (the request was refused or failed before any effect). */
    releaseIdempotencyKey(key: string, context: TContext): Promise<void>;
}
/** One remembered key. */
export interface IdempotencyRecord {
    fingerprint: string;
    /** `null` while running. */
    response: string | null;
    done: boolean;
    /** When it was claimed, in ms since the epoch. */
    createdAt: number;
}
/**
 * What a claim of `key` finds in `existing` at `now`: the claim result, and whether the caller
 * must (re)write the record as a fresh running claim.
 */
export declare function decideClaim(existing: IdempotencyRecord | undefined, fingerprint: string, now: number): IdempotencyClaim;
/**
 * Idempotency records in process memory, per user (used by `MemoryStore`). Expired records are
 * swept as new ones are claimed.
 */
export declare class MemoryIdempotency {
    #private;
    claim(userId: string, key: string, fingerprint: string): IdempotencyClaim;
    complete(userId: string, key: string, response: string | null): void;
    release(userId: string, key: string): void;
}
//# sourceMappingURL=idempotency.d.ts.map