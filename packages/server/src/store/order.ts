/**
 * Helpers shared by the built-in stores: the sort key of a `created_at` and page limits.
 * @module
 */

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;

/**
 * The sort key of a `created_at`: microseconds since the Unix epoch, as an integer.
 *
 * ChatKit timestamps are ISO-8601 with microseconds and often no timezone
 * (`"2026-11-24T03:04:14.315767"`, from Python's naive `datetime.now()`); a naive time is read as
 * UTC so the key never depends on the server's time zone. `Date` objects and epoch milliseconds
 * are accepted too. Anything unparseable sorts first (key 0) and then by insertion order.
 *
 * @example
 * timeKey("1970-01-01T00:00:01.000002"); // 1_000_002
 * timeKey("1970-01-01T01:00:00+01:00");  // 0
 */
export function timeKey(value: unknown): number {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 0 : value.getTime() * 1000;
  if (typeof value === "number") return Number.isFinite(value) ? Math.trunc(value * 1000) : 0;
  if (typeof value !== "string") return 0;
  const canonical = toIsoStringKey(value);
  if (canonical !== undefined) return canonical;
  const m = ISO.exec(value.trim());
  if (!m) {
    const ms = Date.parse(value);
    return Number.isNaN(ms) ? 0 : ms * 1000;
  }
  const n = (i: number): number => Number(m[i] ?? 0);
  const ms = Date.UTC(n(1), n(2) - 1, n(3), n(4), n(5), n(6));
  const micros = Number((m[7] ?? "").slice(0, 6).padEnd(6, "0"));
  let offsetMinutes = 0;
  const zone = m[8];
  if (zone && zone !== "Z" && zone !== "z") {
    const digits = zone.slice(1).replace(":", "");
    const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0);
    offsetMinutes = zone.startsWith("-") ? -minutes : minutes;
  }
  return (ms - offsetMinutes * 60_000) * 1000 + micros;
}

/** Where `Date#toISOString()` (`2026-11-24T03:04:14.315Z`) has digits. */
const DIGITS = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18, 20, 21, 22];

/**
 * {@link timeKey} of a `created_at` exactly in `Date#toISOString()`'s form (what the server and
 * most handlers write), computed as the general path does, without its regular expression and
 * the strings it cuts; undefined for any other text.
 */
function toIsoStringKey(value: string): number | undefined {
  if (
    value.length !== 24 ||
    value.charCodeAt(4) !== 45 || // -
    value.charCodeAt(7) !== 45 ||
    value.charCodeAt(10) !== 84 || // T
    value.charCodeAt(13) !== 58 || // :
    value.charCodeAt(16) !== 58 ||
    value.charCodeAt(19) !== 46 || // .
    value.charCodeAt(23) !== 90 // Z
  ) {
    return undefined;
  }
  for (const i of DIGITS) {
    const code = value.charCodeAt(i);
    if (code < 48 || code > 57) return undefined;
  }
  const n = (from: number, to: number): number => {
    let result = 0;
    for (let i = from; i < to; i++) result = result * 10 + value.charCodeAt(i) - 48;
    return result;
  };
  const ms = Date.UTC(n(0, 4), n(5, 7) - 1, n(8, 10), n(11, 13), n(14, 16), n(17, 19));
  return ms * 1000 + n(20, 23) * 1000;
}

/**
 * Page size actually used: an integer of at least 1 (ChatKit's default of 20 for a missing or
 * invalid limit), so that a page always has room for the row its cursor needs.
 *
 * @example
 * pageLimit(7); // 7
 * pageLimit(0); // 20
 */
export function pageLimit(limit: unknown): number {
  if (typeof limit !== "number" || !Number.isFinite(limit) || limit < 1) return 20;
  return Math.floor(limit);
}

/**
 * The `Page` for rows fetched with `limit + 1`: `has_more` when the extra row came back, and
 * `after` (the id of the last returned row) only then.
 *
 * @example
 * cutPage([{ id: "a" }, { id: "b" }, { id: "c" }], 2); // { data: [a, b], has_more: true, after: "b" }
 */
export function cutPage<T extends { id: string }>(
  rows: T[],
  limit: number,
): { data: T[]; has_more: boolean; after?: string } {
  if (rows.length <= limit) return { data: rows, has_more: false };
  const data = rows.slice(0, limit);
  const last = data[data.length - 1];
  return last ? { data, has_more: true, after: last.id } : { data, has_more: false };
}

/** A JSON deep copy: what a store hands back is never the caller's object. */
export function jsonClone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/**
 * Thread metadata as stored: a `Thread` passed to `saveThread` loses its `items` page
 * (ChatKit persists metadata fields only).
 */
export function threadMetadataOnly<T extends object>(thread: T): T {
  const { items: _items, ...rest } = thread as T & { items?: unknown };
  return rest as T;
}
