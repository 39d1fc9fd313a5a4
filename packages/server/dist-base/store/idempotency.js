/**
 * Idempotency keys: what a store remembers so that an action sent twice (a retry, two pages of the
 * same thread) is performed once. Optional for a {@link Store}; the built-in stores have it.
 * @module
 */
/** How long a finished key is remembered: 24 hours. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
/** A key still "running" after this long is taken to be abandoned (its process died): 15 minutes. */
export const IDEMPOTENCY_STALE_MS = 15 * 60 * 1000;
/**
 * What a claim of `key` finds in `existing` at `now`: the claim result, and whether the caller
 * must (re)write the record as a fresh running claim.
 */
export function decideClaim(existing, fingerprint, now) {
    if (!existing)
        return { state: "claimed" };
    const age = now - existing.createdAt;
    if (age >= IDEMPOTENCY_TTL_MS || (!existing.done && age >= IDEMPOTENCY_STALE_MS)) {
        return { state: "claimed" };
    }
    if (existing.fingerprint !== fingerprint)
        return { state: "mismatch" };
    return existing.done ? { state: "done", response: existing.response } : { state: "running" };
}
/**
 * Idempotency records in process memory, per user (used by `MemoryStore`). Expired records are
 * swept as new ones are claimed.
 */
export class MemoryIdempotency {
    #records = new Map();
    #lastSweep = 0;
    claim(userId, key, fingerprint) {
        const now = Date.now();
        this.#sweep(now);
        const id = `${userId}\u0000${key}`;
        const claim = decideClaim(this.#records.get(id), fingerprint, now);
        if (claim.state === "claimed") {
            this.#records.set(id, { fingerprint, response: null, done: false, createdAt: now });
        }
        return claim;
    }
    complete(userId, key, response) {
        const record = this.#records.get(`${userId}\u0000${key}`);
        if (record) {
            record.done = true;
            record.response = response;
        }
    }
    release(userId, key) {
        this.#records.delete(`${userId}\u0000${key}`);
    }
    #sweep(now) {
        if (now - this.#lastSweep < 60_000)
            return;
        this.#lastSweep = now;
        for (const [id, record] of this.#records) {
            if (now - record.createdAt >= IDEMPOTENCY_TTL_MS)
                this.#records.delete(id);
        }
    }
}
//# sourceMappingURL=idempotency.js.map