/** ChatKit's id prefix for each kind of stored object (`thr_`, `msg_`, `tc_`, ...). */
export const ID_PREFIXES = Object.freeze({
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
/** The two hex characters of each byte value. */
const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, "0"));
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
export function randomHex(length = ID_HEX_LENGTH) {
    const bytes = Math.ceil(length / 2);
    if (bytes > pool.length) {
        const fresh = globalThis.crypto.getRandomValues(new Uint8Array(bytes));
        return Array.from(fresh, (byte) => HEX[byte])
            .join("")
            .slice(0, length);
    }
    if (poolUsed + bytes > pool.length) {
        globalThis.crypto.getRandomValues(pool);
        poolUsed = 0;
    }
    let out = "";
    for (let i = poolUsed; i < poolUsed + bytes; i++)
        out += HEX[pool[i]];
    poolUsed += bytes;
    return out.length === length ? out : out.slice(0, length);
}
/**
 * A new id for `kind` with ChatKit's prefix: `thr_`, `msg_`, `tc_`, `tsk_`, `wf_`, `atc_`, `shcx_`,
 * followed by {@link ID_HEX_LENGTH} random hex characters.
 *
 * @example
 * generateId("thread");  // "thr_3f9a0c12d4e5b6a7"
 * generateId("message"); // "msg_0b1c2d3e4f5a6b7c"
 */
export function generateId(kind) {
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
export function isSafeId(id) {
    return typeof id === "string" && SAFE_ID.test(id);
}
//# sourceMappingURL=ids.js.map