/**
 * Structural equality of JSON-like values (key order ignored, `undefined` props ignored).
 *
 * @example
 * deepEqual({ a: 1, b: undefined }, { a: 1 }); // true
 */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== "object") {
    return Number.isNaN(a) && Number.isNaN(b);
  }
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((v, i) => deepEqual(v, b[i]));
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(ao), ...Object.keys(bo)]);
  for (const key of keys) {
    if (!deepEqual(ao[key], bo[key])) return false;
  }
  return true;
}

/**
 * A deep copy of a JSON-like value (structuredClone; functions are not expected).
 *
 * @example
 * const copy = clone({ a: [1] });
 */
export function clone<T>(value: T): T {
  return structuredClone(value);
}

/**
 * The current time as an ISO-8601 string, as `created_at` values are sent.
 *
 * @example
 * nowIso(); // "2026-11-24T04:10:06.123Z"
 */
export function nowIso(): string {
  return new Date().toISOString();
}

/** A value or a promise of it. */
export type Awaitable<T> = T | Promise<T>;

/**
 * Logs an error without request bodies or message text: only its name and, for our own
 * errors, the message (which never contains user text).
 */
export function logError(where: string, error: unknown): void {
  const name = error instanceof Error ? error.name : typeof error;
  const stack = error instanceof Error && error.stack ? `\n${redactStack(error.stack)}` : "";
  console.error(`[threadkit] ${where}: ${name}${stack}`);
}

/** Keeps only the "at ..." frames of a stack, dropping the first line (which holds the message). */
function redactStack(stack: string): string {
  return stack
    .split("\n")
    .filter((line) => line.trimStart().startsWith("at "))
    .slice(0, 8)
    .join("\n");
}
