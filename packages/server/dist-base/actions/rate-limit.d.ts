import { HttpError } from "../errors.js";
/** The per-user token bucket on actions and messages: `burst` at once, `perMinute` sustained. */
export interface RateLimitOptions {
    /** Tokens added per minute (the sustained rate). */
    perMinute: number;
    /** The bucket's size: how many requests may come at once. */
    burst: number;
    /**
     * The user a request counts against. Default: the store's `userIdFor(context)` (the built-in
     * stores have it), else `context.userId` when it is a string; with neither, nothing is limited.
     */
    key?: (context: never) => string;
}
/** The default: 30 at once, 120 a minute per user (far above what a person types or clicks). */
export declare const DEFAULT_RATE_LIMIT: Readonly<RateLimitOptions>;
/**
 * Over the limit: HTTP 429 `rate_limited` with `Retry-After` (seconds until a token is back).
 *
 * @example
 * throw new RateLimitedError(2);
 */
export declare class RateLimitedError extends HttpError {
    name: string;
    /** Seconds until the next request would be accepted. */
    readonly retryAfter: number;
    constructor(retryAfter: number);
}
/**
 * Token buckets by user, in this process (several instances each count their own share).
 *
 * @example
 * const limiter = new TokenBuckets({ perMinute: 60, burst: 10 });
 * limiter.take("alice"); // throws RateLimitedError when alice is over the limit
 */
export declare class TokenBuckets {
    #private;
    constructor(options: {
        perMinute: number;
        burst: number;
    });
    /** Takes one token for `user`, or throws {@link RateLimitedError}. */
    take(user: string, now?: number): void;
    /**
     * Gives back the token a refused request took (never above `burst`), so a request refused
     * before its handler ran (409 `thread_busy`, 404…) costs nothing.
     */
    refund(user: string): void;
}
//# sourceMappingURL=rate-limit.d.ts.map