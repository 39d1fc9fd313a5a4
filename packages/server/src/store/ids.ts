import type { StoreItemType } from "./types.js";

/** ChatKit's id prefix for each kind of stored object (`thr_`, `msg_`, `tc_`, ...). */
export const ID_PREFIXES: Readonly<Record<StoreItemType, string>> = Object.freeze({
  thread: "thr",
  message: "msg",
  tool_call: "tc",
  task: "tsk",
  workflow: "wf",
  attachment: "atc",
  sdk_hidden_context: "shcx",
});

/**
 * Number of random hex characters after the prefix.
 *
 * ChatKit uses 8 (`uuid4().hex[:8]`, 32 bits). With 32 bits the birthday bound makes a collision
 * likely (50%) after about 77,000 ids of one kind, which a single busy SQLite file reaches quickly,
 * and attachment ids double as unguessable upload/preview URLs. 16 hex characters (64 bits) push
 * the 50% point to about 5 billion ids and keep ChatKit's look (`thr_` + lowercase hex).
 */
export const ID_HEX_LENGTH = 16;

/** The two hex characters' codes of each byte value, at `2 * byte` and `2 * byte + 1`. */
const HEX_CODES = new Uint16Array(512);
for (let byte = 0; byte < 256; byte++) {
  const hex = byte.toString(16).padStart(2, "0");
  HEX_CODES[2 * byte] = hex.charCodeAt(0);
  HEX_CODES[2 * byte + 1] = hex.charCodeAt(1);
}
/** The codes of one id's characters, turned into a string at once. */
const chars = new Uint16Array(64);

/**
 * Random bytes drawn ahead, a few kilobytes at a time: one `getRandomValues` call per id cost
 * more than the rest of making it (a call has a fixed cost of several microseconds).
 */
const pool = new Uint8Array(4096);
let poolUsed = pool.length;

/**
 * `length` random lowercase hex characters from the platform CSPRNG (`crypto.getRandomValues`,
 * available on Node 19+, Bun, Deno, browsers and workers), taken from a pool it refills. Never
 * `Math.random`.
 *
 * @example
 * randomHex(8); // "9f1c03ab"
 */
export function randomHex(length: number = ID_HEX_LENGTH): string {
  const bytes = Math.ceil(length / 2);
  let source = pool;
  let from = poolUsed;
  if (bytes > pool.length) {
    source = globalThis.crypto.getRandomValues(new Uint8Array(bytes));
    from = 0;
  } else {
    if (poolUsed + bytes > pool.length) {
      globalThis.crypto.getRandomValues(pool);
      poolUsed = 0;
      from = 0;
    }
    poolUsed += bytes;
  }
  // One flat string: appending two characters at a time made a chain of a dozen string pieces
  // per id, which an id kept for as long as it lived (a run's id: its whole stream).
  const codes = 2 * bytes <= chars.length ? chars : new Uint16Array(2 * bytes);
  for (let i = 0; i < bytes; i++) {
    const byte = source[from + i] as number;
    codes[2 * i] = HEX_CODES[2 * byte] as number;
    codes[2 * i + 1] = HEX_CODES[2 * byte + 1] as number;
  }
  return String.fromCharCode.apply(null, codes.subarray(0, length) as unknown as number[]);
}

/**
 * A new id for `kind` with ChatKit's prefix: `thr_`, `msg_`, `tc_`, `tsk_`, `wf_`, `atc_`, `shcx_`,
 * followed by {@link ID_HEX_LENGTH} random hex characters.
 *
 * @example
 * generateId("thread");  // "thr_3f9a0c12d4e5b6a7"
 * generateId("message"); // "msg_0b1c2d3e4f5a6b7c"
 */
export function generateId(kind: StoreItemType): string {
  return `${ID_PREFIXES[kind]}_${randomHex()}`;
}

/** Ids accepted where an id becomes part of a path or URL: letters, digits, `_` and `-` only. */
const SAFE_ID = /^[A-Za-z0-9_-]{1,128}$/;

/**
 * True when `id` is safe to use in a file name or URL segment (no `/`, `.`, `%`, NUL, ...).
 *
 * @example
 * isSafeId("atc_0011aabb"); // true
 * isSafeId("../etc/passwd"); // false
 */
export function isSafeId(id: unknown): id is string {
  return typeof id === "string" && SAFE_ID.test(id);
}
