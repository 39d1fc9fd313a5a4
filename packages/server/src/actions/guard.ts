/**
 * What runs around every request before its handler: the per-user rate limit on actions and
 * messages, and idempotency keys on actions (a repeat of a finished action runs nothing again; a
 * repeat of one still running gets 409).
 */
import type { ChatKitRequest, ThreadStreamEvent } from "@threadkit/core";
import { BadRequestError, HttpError } from "../errors.js";
import type { ChatKitServer } from "../server.js";
import type { IdempotencyStore } from "../store/idempotency.js";
import { logError } from "../util.js";
import { isRefusal } from "./check.js";
import { DEFAULT_RATE_LIMIT, TokenBuckets } from "./rate-limit.js";

type Stream = () => AsyncIterable<ThreadStreamEvent>;

/** The requests a person makes by typing or clicking: they count against the rate limit. */
const LIMITED: ReadonlySet<string> = new Set([
  "threads.create",
  "threads.add_user_message",
  "threads.retry_after_item",
  "threads.add_structured_input",
  "threads.custom_action",
  "threads.sync_custom_action",
]);
const ACTIONS: ReadonlySet<string> = new Set([
  "threads.custom_action",
  "threads.sync_custom_action",
]);
const KEY_SHAPE = /^[\x21-\x7e]{1,255}$/;

const limiters = new WeakMap<object, TokenBuckets | null>();

function limiterOf<C>(server: ChatKitServer<C>): TokenBuckets | null {
  let limiter = limiters.get(server);
  if (limiter === undefined) {
    const option = server.options.rateLimit;
    limiter = option === false ? null : new TokenBuckets(option ?? DEFAULT_RATE_LIMIT);
    limiters.set(server, limiter);
  }
  return limiter;
}

function userOf<C>(server: ChatKitServer<C>, context: C): string | undefined {
  const key = server.options.rateLimit ? server.options.rateLimit.key : undefined;
  if (key) return (key as (context: C) => string)(context);
  if (server.store.userIdFor) return server.store.userIdFor(context);
  const userId = (context as { userId?: unknown } | null)?.userId;
  return typeof userId === "string" ? userId : undefined;
}

/** cyrb53 twice: a digest of the request, to tell a repeat from another use of the same key. */
function fingerprint(request: ChatKitRequest): string {
  const text = JSON.stringify([request.type, request.params]);
  const hash = (seed: number) => {
    let h1 = 0xdeadbeef ^ seed;
    let h2 = 0x41c6ce57 ^ seed;
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ ch, 2654435761);
      h2 = Math.imul(h2 ^ ch, 1597334677);
    }
    h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
    h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16);
  };
  return `${hash(1)}.${hash(2)}`;
}

/** How one request is wrapped: a replay instead of running it, or hooks around its run. */
export interface RequestGuard {
  /** The repeat's answer, when the action already ran: stream events, or JSON text. */
  replay?: { stream: Stream } | { json: string };
  /** Wraps the request's stream (a no-op unless the request holds an idempotency key). */
  stream(stream: Stream): Stream;
  /** Records the JSON answer of a sync action; returns it. */
  json(text: string): Promise<string>;
  /** Forgets the key: the request failed before its handler ran. */
  release(): Promise<void>;
  /** Gives back the request's rate-limit token: it was refused before its handler ran. */
  refund(): void;
}

const OPEN: RequestGuard = {
  stream: (stream) => stream,
  json: async (text) => text,
  release: async () => undefined,
  refund: () => undefined,
};

function idempotencyStoreOf<C>(server: ChatKitServer<C>): IdempotencyStore<C> | undefined {
  const { store } = server;
  if (
    server.options.idempotency === false ||
    !store.claimIdempotencyKey ||
    !store.completeIdempotencyKey ||
    !store.releaseIdempotencyKey
  ) {
    return undefined;
  }
  return store as IdempotencyStore<C>;
}

/**
 * Takes a rate-limit token for `request` (throws `RateLimitedError`, 429) and, for an action with
 * an `Idempotency-Key`, claims the key (throws 409 while a repeat is running, 422 when the key was
 * used for another request; those refusals give the token back). Without a key to claim, the
 * guard comes back at once, not as a promise: most requests have none.
 */
export function guardRequest<C>(
  server: ChatKitServer<C>,
  request: ChatKitRequest,
  context: C,
  key: string | undefined,
): RequestGuard | Promise<RequestGuard> {
  let refund: (() => void) | undefined;
  if (LIMITED.has(request.type)) {
    const limiter = limiterOf(server);
    const user = limiter ? userOf(server, context) : undefined;
    if (limiter && user !== undefined) {
      limiter.take(user);
      refund = () => limiter.refund(user);
    }
  }
  if (key === undefined || !ACTIONS.has(request.type)) return refund ? { ...OPEN, refund } : OPEN;
  return guardKey(server, request, context, key, refund).catch((error: unknown) => {
    refund?.();
    throw error;
  });
}

/** {@link guardRequest}'s idempotency half; `refund` gives the request's token back. */
async function guardKey<C>(
  server: ChatKitServer<C>,
  request: ChatKitRequest,
  context: C,
  key: string,
  refund: (() => void) | undefined,
): Promise<RequestGuard> {
  const open = refund ? { ...OPEN, refund } : OPEN;
  if (!KEY_SHAPE.test(key)) {
    throw new BadRequestError("Idempotency-Key: expected 1 to 255 visible ASCII characters");
  }
  const store = idempotencyStoreOf(server);
  if (!store) return open;
  const claim = await store.claimIdempotencyKey(key, fingerprint(request), context);
  if (claim.state === "running") {
    throw new HttpError(409, "action_in_progress", "This action is still running");
  }
  if (claim.state === "mismatch") {
    throw new HttpError(
      422,
      "idempotency_key_reused",
      "This Idempotency-Key was already used for another request",
    );
  }
  if (claim.state === "done") return { ...open, replay: replayOf(server, request, context, claim) };
  const releaseKey = () =>
    store.releaseIdempotencyKey(key, context).catch((error: unknown) => {
      logError("Could not release an idempotency key", error);
    });
  return {
    stream(stream) {
      if (isRefusal(stream)) {
        // Refused before anything ran: the key is free for a corrected request.
        return async function* () {
          await releaseKey();
          yield* stream();
        };
      }
      return async function* () {
        let failed = false;
        try {
          for await (const event of stream()) {
            if (event.type === "error") failed = true;
            yield event;
          }
        } finally {
          // A failed run may be retried; a finished (or cancelled) one is never run again.
          if (failed) await releaseKey();
          else await store.completeIdempotencyKey(key, null, context);
        }
      };
    },
    async json(text) {
      await store.completeIdempotencyKey(key, text, context);
      return text;
    },
    release: releaseKey,
    refund: open.refund,
  };
}

/** A finished action's repeat: its JSON again, or the sender widget as it is now. */
function replayOf<C>(
  server: ChatKitServer<C>,
  request: ChatKitRequest,
  context: C,
  claim: { response: string | null },
): { stream: Stream } | { json: string } {
  if (request.type === "threads.sync_custom_action") return { json: claim.response ?? "{}" };
  const params = request.params as { thread_id: string; item_id?: string | null };
  return {
    async *stream() {
      if (!params.item_id) return;
      const item = await server.store
        .loadItem(params.thread_id, params.item_id, context)
        .catch(() => null);
      if (item?.type === "widget")
        yield { type: "thread.item.replaced", item } as ThreadStreamEvent;
    },
  };
}
