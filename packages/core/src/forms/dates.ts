/**
 * The `YYYY-MM-DD` date at the start of `value` when it names a real calendar day, else
 * `undefined`: how the element reads a DatePicker's `defaultValue`, `min` and `max` (ISO date-times)
 * and what a date input accepts as its value.
 *
 * @example
 * ```ts
 * isoDate("2026-12-01T00:00:00Z"); // "2026-12-01"
 * isoDate("2026-02-30"); // undefined
 * ```
 */
export function isoDate(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1 || month < 1 || month > 12 || day < 1) return undefined;
  const days = new Date(Date.UTC(2000, month, 0)).getUTCDate();
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (day > (month === 2 ? (leap ? 29 : 28) : days)) return undefined;
  return value.slice(0, 10);
}
