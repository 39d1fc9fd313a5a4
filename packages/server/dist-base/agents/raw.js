/**
 * Small readers for the untyped objects that come out of an Agents SDK stream (Responses API
 * events, run items). The SDK types these loosely (`any`), and other providers send other
 * shapes, so everything is narrowed here instead of trusted.
 */
/** A plain object view of `value`, or `undefined` when it is not an object. */
export function record(value) {
    return typeof value === "object" && value !== null && !Array.isArray(value)
        ? value
        : undefined;
}
/** `value[key]` when it is a string. */
export function str(value, key) {
    const v = record(value)?.[key];
    return typeof v === "string" ? v : undefined;
}
/** `value[key]` when it is a finite number. */
export function num(value, key) {
    const v = record(value)?.[key];
    return typeof v === "number" && Number.isFinite(v) ? v : undefined;
}
/** `value[key]` when it is an array (else an empty array). */
export function list(value, key) {
    const v = record(value)?.[key];
    return Array.isArray(v) ? v : [];
}
/** `value[key]` as is. */
export function field(value, key) {
    return record(value)?.[key];
}
//# sourceMappingURL=raw.js.map