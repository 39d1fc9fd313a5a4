import { serialize } from "@threadkit/core";
/**
 * True when `serialize(value)` would give back `value` unchanged, so `JSON.stringify(value)`
 * already is its JSON: no `null` property (serialize drops those), no attachment `metadata`, no
 * class instance, function, symbol or bigint (serialize converts or drops them differently from
 * JSON.stringify). `null` and `undefined` array entries are fine: both give `null`.
 */
function isClean(value) {
    switch (typeof value) {
        case "string":
        case "number":
        case "boolean":
        case "undefined":
            return true;
        case "object":
            break;
        default:
            return false;
    }
    if (value === null)
        return true;
    if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++)
            if (!isClean(value[i]))
                return false;
        return true;
    }
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null)
        return false;
    const record = value;
    if (record.metadata !== undefined && (record.type === "file" || record.type === "image")) {
        return false;
    }
    for (const key in record) {
        const child = record[key];
        if (child === null || !isClean(child))
            return false;
    }
    return true;
}
/** True when `value` is a plain object whose own keys are exactly `keys`, in that order. */
function hasKeys(value, keys) {
    if (Object.getPrototypeOf(value) !== Object.prototype)
        return false;
    let i = 0;
    for (const key in value)
        if (key !== keys[i++])
            return false;
    return i === keys.length;
}
const DELTA_KEYS = ["type", "item_id", "update"];
const DELTA_UPDATE_KEYS = ["type", "content_index", "delta"];
const DELTA_TYPE = "assistant_message.content_part.text_delta";
/**
 * The JSON of a text delta event (most of a streamed answer) built from a template, about twice
 * as fast as JSON.stringify on the object; null when `event` is not exactly that shape (its keys
 * in the usual order, a string id and delta, a finite index), so the text is always the same as
 * JSON.stringify's.
 */
function textDeltaJson(event) {
    const update = event.update;
    if (typeof update !== "object" ||
        update === null ||
        update.type !== DELTA_TYPE ||
        typeof event.item_id !== "string" ||
        typeof update.delta !== "string" ||
        typeof update.content_index !== "number" ||
        !Number.isFinite(update.content_index) ||
        !hasKeys(event, DELTA_KEYS) ||
        !hasKeys(update, DELTA_UPDATE_KEYS)) {
        return null;
    }
    return `{"type":"thread.item.updated","item_id":${JSON.stringify(event.item_id)},"update":{"type":"${DELTA_TYPE}","content_index":${update.content_index},"delta":${JSON.stringify(update.delta)}}}`;
}
/**
 * The compact JSON of a stream event under ChatKit's rules, exactly `JSON.stringify(serialize(event))`.
 * Most events (text deltas above all) are already clean, and checking that is far cheaper than
 * serialize's deep copy, which was a large share of the server's time per streamed event.
 *
 * @example
 * eventJson({ type: "progress_update", text: "Searching", icon: null });
 * // '{"type":"progress_update","text":"Searching"}'
 */
export function eventJson(event) {
    const record = event;
    if (record !== null && typeof record === "object" && record.type === "thread.item.updated") {
        const json = textDeltaJson(record);
        if (json !== null)
            return json;
    }
    // thread.created / thread.updated carry a thread that serialize rebuilds (toThreadResponse).
    const rebuilt = record !== null &&
        typeof record === "object" &&
        (record.type === "thread.created" || record.type === "thread.updated");
    return JSON.stringify(!rebuilt && isClean(event) ? event : serialize(event));
}
/**
 * The compact JSON of a response body under ChatKit's rules, exactly
 * `JSON.stringify(serialize(value))`: a page's top-level `null`s (`after` on the last page) are
 * dropped first, so that a clean page skips serialize's deep copy as events do.
 */
export function responseJson(value) {
    let body = value;
    if (value !== null && typeof value === "object" && !Array.isArray(value)) {
        const record = value;
        if (Object.getPrototypeOf(record) === Object.prototype && record.type === undefined) {
            const copy = {};
            for (const key in record)
                if (record[key] !== null)
                    copy[key] = record[key];
            body = copy;
        }
    }
    return JSON.stringify(isClean(body) ? body : serialize(value));
}
//# sourceMappingURL=event-json.js.map