/**
 * Helpers shared by the built-in stores: the sort key of a `created_at` and page limits.
 * @module
 */
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
export declare function timeKey(value: unknown): number;
/**
 * Page size actually used: an integer of at least 1 (ChatKit's default of 20 for a missing or
 * invalid limit), so that a page always has room for the row its cursor needs.
 *
 * @example
 * pageLimit(7); // 7
 * pageLimit(0); // 20
 */
export declare function pageLimit(limit: unknown): number;
/**
 * The `Page` for rows fetched with `limit + 1`: `has_more` when the extra row came back, and
 * `after` (the id of the last returned row) only then.
 *
 * @example
 * cutPage([{ id: "a" }, { id: "b" }, { id: "c" }], 2); // { data: [a, b], has_more: true, after: "b" }
 */
export declare function cutPage<T extends {
    id: string;
}>(rows: T[], limit: number): {
    data: T[];
    has_more: boolean;
    after?: string;
};
/** A JSON deep copy: what a store hands back is never the caller's object. */
export declare function jsonClone<T>(value: T): T;
/**
 * Thread metadata as stored: a `Thread` passed to `saveThread` loses its `items` page
 * (ChatKit persists metadata fields only).
 */
export declare function threadMetadataOnly<T extends object>(thread: T): T;
//# sourceMappingURL=order.d.ts.map