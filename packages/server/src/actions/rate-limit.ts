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
export const DEFAULT_RATE_LIMIT: Readonly<RateLimitOptions> = { perMinute: 120, burst: 30 };

/**
 * Over the limit: HTTP 429 `rate_limited` with `Retry-After` (seconds until a token is back).
 *
 * @example
 * throw new RateLimitedError(2);
 */
export class RateLimitedError extends HttpError {
  override name = "RateLimitedError";
  /** Seconds until the next request would be accepted. */
  readonly retryAfter: number;
  constructor(retryAfter: number) {
    super(429, "rate_limited", `Too many requests; try again in ${retryAfter} s`);
    this.retryAfter = retryAfter;
    this.headers = { "Retry-After": String(retryAfter) };
  }
}

interface Bucket {
  tokens: number;
  at: number;
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
  readonly #burst: number;
  readonly #perMs: number;
  readonly #buckets = new Map<string, Bucket>();

  constructor(options: { perMinute: number; burst: number }) {
    if (!(options.perMinute > 0) || !(options.burst >= 1)) {
      throw new RangeError("rateLimit: perMinute must be > 0 and burst >= 1");
    }
    this.#burst = options.burst;
    this.#perMs = options.perMinute / 60_000;
  }

  /** Takes one token for `user`, or throws {@link RateLimitedError}. */
  take(user: string, now = Date.now()): void {
    const bucket = this.#buckets.get(user) ?? { tokens: this.#burst, at: now };
    bucket.tokens = Math.min(this.#burst, bucket.tokens + (now - bucket.at) * this.#perMs);
    bucket.at = now;
    if (bucket.tokens < 1) {
      this.#buckets.set(user, bucket);
      throw new RateLimitedError(Math.max(1, Math.ceil((1 - bucket.tokens) / this.#perMs / 1000)));
    }
    bucket.tokens -= 1;
    this.#buckets.set(user, bucket);
    if (this.#buckets.size > SWEEP_AT) this.#sweep(now);
  }

  /**
   * Gives back the token a refused request took (never above `burst`), so a request refused
   * before its handler ran (409 `thread_busy`, 404…) costs nothing.
   */
  refund(user: string): void {
    const bucket = this.#buckets.get(user);
    if (bucket) bucket.tokens = Math.min(this.#burst, bucket.tokens + 1);
  }

  #sweep(now: number): void {
    for (const [user, bucket] of this.#buckets) {
      if (bucket.tokens + (now - bucket.at) * this.#perMs >= this.#burst)
        this.#buckets.delete(user);
    }
  }
}
