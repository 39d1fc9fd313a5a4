import { z } from "zod";

/**
 * An ISO-8601 date-time string, as on the wire (`created_at`). Accepts `Z`, an offset, or no
 * timezone at all (the Python SDK's naive `datetime.now()`); fractional seconds are optional.
 *
 * @example
 * Timestamp.parse("2026-11-24T03:04:14.315767"); // ok (naive, as the Python SDK sends it)
 * Timestamp.parse("2026-11-24T03:04:14Z"); // ok
 */
export const Timestamp = z.iso.datetime({
  local: true,
  offset: true,
  error: "expected ISO-8601 date-time",
});
/** An ISO-8601 date-time string. @example const t: Timestamp = new Date().toISOString(); */
export type Timestamp = z.infer<typeof Timestamp>;

/**
 * A free-form JSON object (`dict[str, Any]` in the Python SDK).
 *
 * @example
 * JsonObject.parse({ any: ["thing"] });
 */
export const JsonObject = z.record(z.string(), z.unknown());
/** A free-form JSON object. @example const data: JsonObject = { id: 1 }; */
export type JsonObject = z.infer<typeof JsonObject>;

/**
 * A paginated collection (`Page[T]`): `after` is the cursor (an item or thread id), present only
 * when there is more to fetch.
 *
 * @example
 * const page: Page<string> = { data: ["a"], has_more: false };
 */
export type Page<T> = { data: T[]; has_more: boolean; after?: string | null | undefined };

/**
 * Builds the schema of a `Page` of the given item schema. `data` defaults to `[]` and `has_more`
 * to `false`.
 *
 * @example
 * const ThreadPage = PageOf(Thread);
 * ThreadPage.parse({ data: [], has_more: false });
 */
export function PageOf<T extends z.ZodType>(item: T) {
  return z.object({
    data: z.array(item).default(() => []),
    has_more: z.boolean().default(false),
    after: z.string().nullish(),
  });
}

/**
 * Alias of {@link PageOf}: `Page(schema)` builds the schema of a page of `schema`.
 *
 * @example
 * Page(z.string()).parse({ data: ["x"], has_more: true, after: "x" });
 */
export const Page = PageOf;
