/**
 * Structural equality of JSON-like values (key order ignored, `undefined` props ignored).
 *
 * @example
 * deepEqual({ a: 1, b: undefined }, { a: 1 }); // true
 */
export function deepEqual(a, b) {
    if (a === b)
        return true;
    if (typeof a !== typeof b || a === null || b === null || typeof a !== "object") {
        return Number.isNaN(a) && Number.isNaN(b);
    }
    if (Array.isArray(a) !== Array.isArray(b))
        return false;
    if (Array.isArray(a) && Array.isArray(b)) {
        if (a.length !== b.length)
            return false;
        for (let i = 0; i < a.length; i++)
            if (!deepEqual(a[i], b[i]))
                return false;
        return true;
    }
    // The pipeline compares the thread with its snapshot after every event, so this walks the keys
    // in place: no Set of the union of keys, no arrays of keys.
    const ao = a;
    const bo = b;
    for (const key in ao) {
        if (Object.hasOwn(ao, key) && !deepEqual(ao[key], bo[key]))
            return false;
    }
    // Keys only `b` has (every key of `a` was compared above): equal only when `undefined`.
    for (const key in bo) {
        if (Object.hasOwn(bo, key) && !Object.hasOwn(ao, key) && bo[key] !== undefined)
            return false;
    }
    return true;
}
/**
 * A deep copy with `structuredClone`'s result. Plain objects and arrays (all a thread or an item
 * normally holds) are copied here, which is several times faster than `structuredClone` for the
 * small objects the pipeline copies on every stream; anything else (a Date, a Map, a class
 * instance, a function that must throw `DataCloneError`) goes through `structuredClone` itself.
 * Unlike it, an object reachable twice is copied twice (JSON-like values never share); a cycle
 * ends up in `structuredClone` too, as anything deeper than {@link FAST_DEPTH} is handed over.
 *
 * @example
 * const copy = clone({ a: [1] });
 */
export function clone(value) {
    return copy(value, 0);
}
/** How deep {@link clone} copies by itself before it hands a subtree to `structuredClone`. */
const FAST_DEPTH = 32;
function copy(value, depth) {
    if (value === null || typeof value !== "object") {
        return typeof value === "function" || typeof value === "symbol"
            ? structuredClone(value)
            : value;
    }
    if (depth > FAST_DEPTH)
        return structuredClone(value);
    if (Array.isArray(value)) {
        if (Object.getPrototypeOf(value) !== Array.prototype)
            return structuredClone(value);
        const out = new Array(value.length);
        for (let i = 0; i < value.length; i++)
            if (i in value)
                out[i] = copy(value[i], depth + 1);
        return out;
    }
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null)
        return structuredClone(value);
    const out = {};
    for (const key of Object.keys(value)) {
        out[key] = copy(value[key], depth + 1);
    }
    return out;
}
/**
 * The current time as an ISO-8601 string, as `created_at` values are sent.
 *
 * @example
 * nowIso(); // "2026-11-24T04:10:06.123Z"
 */
export function nowIso() {
    return new Date().toISOString();
}
/**
 * Logs an error without request bodies or message text: only its name and, for our own
 * errors, the message (which never contains user text).
 */
export function logError(where, error) {
    const name = error instanceof Error ? error.name : typeof error;
    const stack = error instanceof Error && error.stack ? `\n${redactStack(error.stack)}` : "";
    console.error(`[threadkit] ${where}: ${name}${stack}`);
}
/** Keeps only the "at ..." frames of a stack, dropping the first line (which holds the message). */
function redactStack(stack) {
    return stack
        .split("\n")
        .filter((line) => line.trimStart().startsWith("at "))
        .slice(0, 8)
        .join("\n");
}
//# sourceMappingURL=util.js.map