/**
 * Date-times of DatePicker (`defaultValue`, `min`, `max`), which chatkit-python types as
 * `datetime`: accepted in the shapes Pydantic accepts (an ISO 8601 date or date-time string, Unix
 * time in seconds or milliseconds, a `Date`) and emitted in the shape Pydantic serialises,
 * `YYYY-MM-DDTHH:MM:SS[.ffffff][Z|±HH:MM]` (a zero offset as `Z`, no offset kept naive).
 */
import { z } from "zod";

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?([Zz]|[+-]\d{2}(?::?\d{2})?)?$/;
/** Pydantic reads larger Unix numbers as milliseconds. */
const MS_THRESHOLD = 2e10;

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

function validDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function offset(zone: string | undefined): string | null | undefined {
  if (zone === undefined) return "";
  if (zone === "Z" || zone === "z") return "Z";
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (!m) return null;
  const hours = Number(m[2]);
  const minutes = Number(m[3] ?? "0");
  if (hours > 23 || minutes > 59) return null;
  return hours === 0 && minutes === 0 ? "Z" : `${m[1]}${pad(hours)}:${pad(minutes)}`;
}

function fromEpochMs(ms: number): string | null {
  const date = new Date(ms);
  if (Number.isNaN(date.getTime())) return null;
  const micros = Math.round((ms - Math.floor(ms / 1000) * 1000) * 1000);
  const base = date.toISOString().slice(0, 19);
  return `${base}${micros ? `.${pad(micros, 6)}` : ""}Z`;
}

/**
 * The Pydantic-serialised form of a date-time, or null when `value` is not one.
 *
 * @example
 * normalizeDateTime("2026-03-01"); // "2026-03-01T00:00:00"
 * normalizeDateTime("2026-03-01T09:30+00:00"); // "2026-03-01T09:30:00Z"
 * normalizeDateTime(0); // "1970-01-01T00:00:00Z"
 */
export function normalizeDateTime(value: unknown): string | null {
  if (value instanceof Date) return fromEpochMs(value.getTime());
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return null;
    return fromEpochMs(Math.abs(value) > MS_THRESHOLD ? value : value * 1000);
  }
  if (typeof value !== "string") return null;
  const text = value.trim();
  const d = DATE.exec(text);
  if (d) {
    const [y, m, day] = [Number(d[1]), Number(d[2]), Number(d[3])];
    return validDate(y, m, day) ? `${d[1]}-${d[2]}-${d[3]}T00:00:00` : null;
  }
  const t = DATE_TIME.exec(text);
  if (!t) return null;
  const [y, m, day, h, min, s] = [1, 2, 3, 4, 5, 6].map((i) => Number(t[i] ?? "0")) as number[];
  if (!validDate(y!, m!, day!) || h! > 23 || min! > 59 || s! > 59) return null;
  const zone = offset(t[8]);
  if (zone === null || zone === undefined) return null;
  const micros = t[7] ? Number(t[7].slice(0, 6).padEnd(6, "0")) : 0;
  return `${t[1]}-${t[2]}-${t[3]}T${t[4]}:${t[5]}:${pad(s!)}${micros ? `.${pad(micros, 6)}` : ""}${zone}`;
}

/**
 * A DatePicker date-time: accepts what chatkit-python accepts, outputs its serialised string.
 * @example DateTimeValue.parse("2026-03-01"); // "2026-03-01T00:00:00"
 */
export const DateTimeValue = z.union([z.string(), z.number(), z.date()]).transform((value, ctx) => {
  const normalized = normalizeDateTime(value);
  if (normalized === null) {
    ctx.issues.push({
      code: "custom",
      message: "expected an ISO 8601 date or date-time, or Unix time",
      input: value,
    });
    return z.NEVER;
  }
  return normalized;
});
