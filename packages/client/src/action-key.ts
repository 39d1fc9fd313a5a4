/**
 * The `Idempotency-Key` of an action: a digest of what the action is and of the thread as the page
 * shows it (the sender widget and the newest item). A retry of the same request, or two pages of
 * the same thread sending the same click, carry the same key, so the server performs it once; the
 * next click after the action changed the widget or the thread gets a new key.
 */

/** cyrb53: a fast 53-bit string hash (not cryptographic: the key is scoped to the user anyway). */
function hash53(text: string, seed: number): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** What identifies one action on one state of a thread. */
export interface ActionKeyParts {
  threadId: string;
  itemId: string | null;
  /** The sender widget's root as the page shows it. */
  widget: unknown;
  /** The id of the newest item the page shows. */
  newestItemId: string | null;
  action: { type: string; payload: unknown };
}

/**
 * The key for `parts`: `tk1-` and 28 hex digits (two 53-bit digests).
 *
 * @example
 * ```ts
 * actionKey({ threadId: "thr_1", itemId: "wdg_1", widget, newestItemId: "msg_9", action });
 * // "tk1-0f3a…"
 * ```
 */
export function actionKey(parts: ActionKeyParts): string {
  const text = JSON.stringify([
    parts.threadId,
    parts.itemId,
    parts.widget ?? null,
    parts.newestItemId,
    parts.action.type,
    parts.action.payload ?? null,
  ]);
  const a = hash53(text, 1).toString(16).padStart(14, "0");
  const b = hash53(text, 2).toString(16).padStart(14, "0");
  return `tk1-${a}${b}`;
}
