/**
 * Building blocks shared by the widget schemas: null dropping, loose objects typed precisely, the
 * registry of known node types and the dispatcher that parses any node by its `type`.
 * Internal to `widgets/`; not exported from the package.
 */
import { z } from "zod";

/** A plain JSON object (not an array, not null). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Returns a shallow copy of an object without its `null` values (ChatKit treats a null prop as
 * unset); anything else is returned as is.
 */
export function dropNulls(value: unknown): unknown {
  if (!isPlainObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (v !== null) out[k] = v;
  return out;
}

/**
 * A loose object schema (unknown keys are kept, null values dropped) typed as the strict object
 * type of `shape`, so the inferred TypeScript type has no index signature.
 */
export function loose<S extends z.ZodRawShape>(shape: S): z.ZodType<z.output<z.ZodObject<S>>> {
  return z.preprocess(dropNulls, z.looseObject(shape)) as unknown as z.ZodType<
    z.output<z.ZodObject<S>>
  >;
}

/** Props of a node type `T` other than its base props. */
type PropKeys<T> = Exclude<keyof T, "type" | "key" | "id">;

/** One schema per prop of node type `T` (checked at compile time against the interface). */
export type NodeShape<T> = { [K in PropKeys<T>]-?: z.ZodType<T[K]> };

const registry = new Map<string, z.ZodType>();

/**
 * Declares a node schema: `type` literal, optional `key` and `id`, the given props; unknown props
 * are kept and null props dropped. The schema is registered so that {@link anyNode} dispatches to
 * it by `type`.
 */
export function node<T extends { type: string }>(
  type: T["type"],
  shape: NodeShape<T>,
): z.ZodType<T> {
  const schema = z.preprocess(
    dropNulls,
    z.looseObject({
      type: z.literal(type),
      key: z.string().optional(),
      id: z.string().optional(),
      ...(shape as unknown as z.ZodRawShape),
    }),
  ) as unknown as z.ZodType<T>;
  registry.set(type, schema);
  return schema;
}

/** Whether `type` names a component or root this module knows (and validates strictly). */
export function isKnownType(type: string): boolean {
  return registry.has(type);
}

/**
 * The fallback for an unknown `type`, as ChatKit's `DynamicWidgetComponent`: any `type`, any
 * props, `children` one node or a list of nodes.
 */
const dynamicNode: z.ZodType = z.lazy(() =>
  z.preprocess(
    dropNulls,
    z.looseObject({
      type: z.string(),
      key: z.string().optional(),
      id: z.string().optional(),
      children: nodeOrNodes.optional(),
    }),
  ),
);

/**
 * Parses a node with the schema registered for its `type` (so errors name the exact prop), or
 * with the dynamic fallback when the type is unknown. `allowed` restricts the accepted types.
 */
export function dispatch<T>(allowed?: readonly string[]): z.ZodType<T> {
  return z.unknown().transform((value, ctx) => {
    const type = isPlainObject(value) ? value.type : undefined;
    if (typeof type !== "string") {
      ctx.issues.push({
        code: "custom",
        message: "expected a widget node: an object with a string `type`",
        input: value,
      });
      return z.NEVER;
    }
    if (allowed && !allowed.includes(type)) {
      ctx.issues.push({
        code: "custom",
        message: `expected type ${allowed.join(" | ")}, got "${type}"`,
        input: value,
        path: ["type"],
      });
      return z.NEVER;
    }
    return forward<T>(registry.get(type) ?? dynamicNode, value, ctx);
  }) as unknown as z.ZodType<T>;
}

/** Parses `value` with `schema` inside a transform, passing its issues (and their paths) on. */
function forward<T>(schema: z.ZodType, value: unknown, ctx: z.RefinementCtx): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data as T;
  for (const issue of result.error.issues) {
    ctx.issues.push({ ...issue, input: value } as z.core.$ZodRawIssue);
  }
  return z.NEVER;
}

/** A dynamic node's `children`: one node or a list of nodes. */
const nodeOrNodes: z.ZodType = z.lazy(() =>
  z
    .unknown()
    .transform((value, ctx) =>
      forward<unknown>(Array.isArray(value) ? z.array(anyNode) : anyNode, value, ctx),
    ),
);

/** Any node (known types strictly, unknown types dynamically); used for `children`. */
export const anyNode: z.ZodType = z.lazy(() => dispatch<unknown>());

/** `children` as a list of nodes of type `T` (typed by the caller's interface). */
export function childList<T>(): z.ZodType<T[]> {
  return z.array(anyNode) as unknown as z.ZodType<T[]>;
}
