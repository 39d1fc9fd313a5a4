/**
 * Thrown by {@link mergeFormValues} for a field name that cannot be used as a payload path: a
 * `__proto__`, `constructor` or `prototype` segment (prototype pollution), or an empty segment
 * (`""`, `"a..b"`, `".a"`, `"a."`).
 *
 * @example
 * ```ts
 * try { mergeFormValues({}, [["__proto__.x", 1]]); }
 * catch (error) { if (error instanceof FormFieldNameError) console.warn(error.fieldName); }
 * ```
 */
export class FormFieldNameError extends Error {
  override readonly name = "FormFieldNameError";
  /** The offending field name. */
  readonly fieldName: string;

  constructor(fieldName: string, reason: string) {
    super(`Invalid form field name ${JSON.stringify(fieldName)}: ${reason}`);
    this.fieldName = fieldName;
  }
}

const FORBIDDEN_SEGMENTS = new Set(["__proto__", "constructor", "prototype"]);

/**
 * Splits a dotted field name into its path, throwing {@link FormFieldNameError} for empty or
 * dangerous segments.
 *
 * @example
 * ```ts
 * fieldPath("todo.title"); // ["todo", "title"]
 * ```
 */
export function fieldPath(name: string): string[] {
  if (typeof name !== "string") {
    throw new FormFieldNameError(String(name), "a field name must be a string");
  }
  const segments = name.split(".");
  for (const segment of segments) {
    if (segment === "") {
      throw new FormFieldNameError(
        name,
        "empty path segment (check for '..' or a leading/trailing '.')",
      );
    }
    if (FORBIDDEN_SEGMENTS.has(segment)) {
      throw new FormFieldNameError(name, `the segment ${JSON.stringify(segment)} is not allowed`);
    }
  }
  return segments;
}

/** The result of {@link mergeFormValues}. */
export interface MergedFormValues {
  /** A new payload: the static payload's keys plus the form values that did not collide. */
  payload: Record<string, unknown>;
  /** Field names whose value was ignored, in order, each listed once. */
  collisions: string[];
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function copyValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copyValue);
  if (isPlainObject(value) && Object.getPrototypeOf(value) === Object.prototype) {
    const copy: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      Object.defineProperty(copy, key, {
        value: copyValue(inner),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return copy;
  }
  return value;
}

/**
 * Merges a form's `[name, value]` pairs into an action's static payload, with ChatKit's rules
 * (shared by client and server). Returns a new payload; the inputs are never modified.
 *
 * - Dotted names nest: `todo.title` → `payload.todo.title`.
 * - **Static collision**: a name collides when it, or any prefix of its path (`todo` for
 *   `todo.title`), is an own key of the static payload. The static value wins; the form value is
 *   ignored and the name is listed in `collisions` (ChatKit then reports an error).
 * - **Field against field**: a field conflicts with an earlier one when they have the same name or one
 *   name is a path prefix of the other (`a` and `a.b`). The earlier field wins; the later one is
 *   ignored and listed in `collisions`. Siblings (`a.b` and `a.c`) merge into one object.
 * - A `null` or `undefined` payload is treated as `{}`. A payload that is not an object (an array, a
 *   string, a number...) cannot take form values: it is returned (copied) and every field collides.
 * - A name with an empty segment or a `__proto__`, `constructor` or `prototype` segment throws
 *   {@link FormFieldNameError} before anything is merged.
 *
 * Values are copied (plain objects and arrays deeply), so the result shares nothing mutable with
 * the fields.
 *
 * @example
 * ```ts
 * mergeFormValues({ id: 1 }, [["todo.title", "Buy milk"], ["id", "2"]]);
 * // { payload: { id: 1, todo: { title: "Buy milk" } }, collisions: ["id"] }
 * ```
 */
export function mergeFormValues(
  payload: Record<string, unknown> | null | undefined,
  fields: Iterable<readonly [string, unknown]>,
): MergedFormValues;
export function mergeFormValues(
  payload: unknown,
  fields: Iterable<readonly [string, unknown]>,
): { payload: unknown; collisions: string[] };
export function mergeFormValues(
  payload: unknown,
  fields: Iterable<readonly [string, unknown]>,
): { payload: unknown; collisions: string[] } {
  const entries = Array.from(fields, ([name, value]) => ({ name, value, path: fieldPath(name) }));
  const collisions: string[] = [];
  const collide = (name: string) => {
    if (!collisions.includes(name)) collisions.push(name);
  };

  if (payload !== null && payload !== undefined && !isPlainObject(payload)) {
    for (const entry of entries) collide(entry.name);
    return { payload: copyValue(payload), collisions };
  }
  const base: Record<string, unknown> = isPlainObject(payload) ? payload : {};
  const result: Record<string, unknown> = { ...base };
  // Paths already written by earlier fields, as dotted strings (leaves and their ancestors).
  const leaves = new Set<string>();
  const branches = new Set<string>();

  for (const { name, value, path } of entries) {
    let staticHit = false;
    for (let i = 1; i <= path.length; i++) {
      if (Object.hasOwn(base, path.slice(0, i).join("."))) staticHit = true;
    }
    if (staticHit) {
      collide(name);
      continue;
    }
    const key = path.join(".");
    let fieldHit = leaves.has(key) || branches.has(key);
    for (let i = 1; i < path.length && !fieldHit; i++) {
      if (leaves.has(path.slice(0, i).join("."))) fieldHit = true;
    }
    if (fieldHit) {
      collide(name);
      continue;
    }
    let target = result;
    for (const segment of path.slice(0, -1)) {
      let next = Object.hasOwn(target, segment) ? target[segment] : undefined;
      if (!isPlainObject(next)) {
        next = {};
        target[segment] = next;
      }
      target = next as Record<string, unknown>;
    }
    target[path[path.length - 1] as string] = copyValue(value);
    leaves.add(key);
    for (let i = 1; i < path.length; i++) branches.add(path.slice(0, i).join("."));
  }
  return { payload: result, collisions };
}
