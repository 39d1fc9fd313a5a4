import { HttpError } from "../errors.js";
/** The default: 30 at once, 120 a minute per user (far above what a person types or clicks). */
export const DEFAULT_RATE_LIMIT = { perMinute: 120, burst: 30 };
/**
 * Over the limit: HTTP 429 `rate_limited` with `Retry-After` (seconds until a token is back).
 *
 * @example
 * throw new RateLimitedError(2);
 */
export class RateLimitedError extends HttpError {
    name = "RateLimitedError";
    /** Seconds until the next request would be accepted. */
    retryAfter;
    constructor(retryAfter) {
        super(429, "rate_limited", `Too many requests; try again in ${retryAfter} s`);
        this.retryAfter = retryAfter;
        this.headers = { "Retry-After": String(retryAfter) };
    }
}
/** Buckets kept before full ones are swept (a full bucket is the same as no bucket). */
const SWEEP_AT = 10_000;
/**
 * Token buckets by user, in this process (several instances each count their own share).
 *
 * @example
 * const limiter = new TokenBuckets({ perMinute: 60, burst: 10 });
 * limiter.take("alice"); // throws RateLimitedError when alice is over the limit
 */
export class TokenBuckets {
    #burst;
    #perMs;
    #buckets = new Map();
    constructor(options) {
        if (!(options.perMinute > 0) || !(options.burst >= 1)) {
            throw new RangeError("rateLimit: perMinute must be > 0 and burst >= 1");
        }
        this.#burst = options.burst;
        this.#perMs = options.perMinute / 60_000;
    }
    /** Takes one token for `user`, or throws {@link RateLimitedError}. */
    take(user, now = Date.now()) {
        const bucket = this.#buckets.get(user) ?? { tokens: this.#burst, at: now };
        bucket.tokens = Math.min(this.#burst, bucket.tokens + (now - bucket.at) * this.#perMs);
        bucket.at = now;
        if (bucket.tokens < 1) {
            this.#buckets.set(user, bucket);
            throw new RateLimitedError(Math.max(1, Math.ceil((1 - bucket.tokens) / this.#perMs / 1000)));
        }
        bucket.tokens -= 1;
        this.#buckets.set(user, bucket);
        if (this.#buckets.size > SWEEP_AT)
            this.#sweep(now);
    }
    /**
     * Gives back the token a refused request took (never above `burst`), so a request refused
     * before its handler ran (409 `thread_busy`, 404…) costs nothing.
     */
    refund(user) {
        const bucket = this.#buckets.get(user);
        if (bucket)
            bucket.tokens = Math.min(this.#burst, bucket.tokens + 1);
    }
    #sweep(now) {
        for (const [user, bucket] of this.#buckets) {
            if (bucket.tokens + (now - bucket.at) * this.#perMs >= this.#burst)
                this.#buckets.delete(user);
        }
    }
}
//# sourceMappingURL=rate-limit.js.map