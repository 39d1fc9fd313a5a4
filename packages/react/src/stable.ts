/**
 * Option memoisation as the official React bindings do it: options compare deeply with function
 * identity ignored, and every function in the tree is replaced by a stable wrapper that calls the
 * latest one. So a re-render that only changes callbacks never calls `setOptions` again.
 */

type Path = (string | number)[];

/**
 * A string that changes exactly when the options' data changes (functions count as equal).
 *
 * @example
 * ```ts
 * structureKey({ a: 1, f: () => 1 }) === structureKey({ a: 1, f: () => 2 }); // true
 * ```
 */
export function structureKey(value: unknown): string {
  const seen = new WeakSet<object>();
  return JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v === "function") return "\u0192";
    if (typeof v === "undefined") return "\u2205";
    if (typeof v === "object" && v !== null) {
      if (seen.has(v)) return "\u21ba";
      seen.add(v);
      if (!Array.isArray(v) && Object.getPrototypeOf(v) !== Object.prototype) {
        // Dates, Files and other class instances: compare by their string form.
        return `${Object.prototype.toString.call(v)}${String(v)}`;
      }
    }
    return v;
  });
}

function at(root: unknown, path: Path): unknown {
  let v = root;
  for (const key of path) {
    if (typeof v !== "object" || v === null) return undefined;
    v = (v as Record<string | number, unknown>)[key];
  }
  return v;
}

/**
 * Copies plain objects and arrays of `value`, replacing each function at path P by a wrapper
 * that calls the function found at P in `latest()` at call time.
 *
 * @example
 * ```ts
 * let current = { onAction: () => "old" };
 * const stable = stabilize(current, () => current);
 * current = { onAction: () => "new" };
 * stable.onAction(); // "new"
 * ```
 */
export function stabilize<T>(value: T, latest: () => unknown, path: Path = []): T {
  if (typeof value === "function") {
    return ((...args: unknown[]) => {
      const fn = at(latest(), path);
      return typeof fn === "function" ? fn(...args) : undefined;
    }) as T;
  }
  if (Array.isArray(value)) {
    return value.map((v, i) => stabilize(v, latest, [...path, i])) as T;
  }
  if (
    typeof value === "object" &&
    value !== null &&
    Object.getPrototypeOf(value) === Object.prototype
  ) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = stabilize(v, latest, [...path, k]);
    return out as T;
  }
  return value;
}
