import type { StoreItemType } from "./types.js";
/** ChatKit's id prefix for each kind of stored object (`thr_`, `msg_`, `tc_`, ...). */
export declare const ID_PREFIXES: Readonly<Record<StoreItemType, string>>;
/**
 * Number of random hex characters after the prefix.
 *
 * ChatKit uses 8 (`uuid4().hex[:8]`, 32 bits). With 32 bits the birthday bound makes a collision
 * likely (50%) after about 77,000 ids of one kind, which a single busy SQLite file reaches quickly,
 * and attachment ids double as unguessable upload/preview URLs. 16 hex characters (64 bits) push
 * the 50% point to about 5 billion ids and keep ChatKit's look (`thr_` + lowercase hex).
 */
export declare const ID_HEX_LENGTH = 16;
/**
 * `length` random lowercase hex characters from the platform CSPRNG (`crypto.getRandomValues`,
 * available on Node 19+, Bun, Deno, browsers and workers), taken from a pool it refills. Never
 * `Math.random`.
 *
 * @example
 * randomHex(8); // "9f1c03ab"
 */
export declare function randomHex(length?: number): string;
/**
 * A new id for `kind` with ChatKit's prefix: `thr_`, `msg_`, `tc_`, `tsk_`, `wf_`, `atc_`, `shcx_`,
 * followed by {@link ID_HEX_LENGTH} random hex characters.
 *
 * @example
 * generateId("thread");  // "thr_3f9a0c12d4e5b6a7"
 * generateId("message"); // "msg_0b1c2d3e4f5a6b7c"
 */
export declare function generateId(kind: StoreItemType): string;
/**
 * True when `id` is safe to use in a file name or URL segment (no `/`, `.`, `%`, NUL, ...).
 *
 * @example
 * isSafeId("atc_0011aabb"); // true
 * isSafeId("../etc/passwd"); // false
 */
export declare function isSafeId(id: unknown): id is string;
//# sourceMappingURL=ids.d.ts.map