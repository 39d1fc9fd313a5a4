import type { Action } from "./config.js";
import { ActionParseError, type ActionParseResult, readAction } from "./errors.js";
import type { ActionOf, AnyActionDefinition } from "./typed.js";

/**
 * A parser for a discriminated union of action definitions, made by {@link actionSet}: the
 * TypeScript counterpart of Python's `TypeAdapter(Annotated[A | B, Field(discriminator="type")])`.
 */
export interface ActionSet<D extends readonly AnyActionDefinition[]> {
  /** The definitions, in the order given. */
  readonly definitions: D;
  /** The action types this set accepts, in the order given. */
  readonly types: readonly D[number]["type"][];
  /**
   * Parses an untrusted action into the union; narrow it with `action.type`. Throws
   * {@link ActionParseError} for an unknown type, a bad payload or a value that is not an action.
   */
  parse(action: unknown): ActionOf<D[number]>;
  /** Like `parse`, but returns `{ success: true, data } | { success: false, error }`. */
  safeParse(action: unknown): ActionParseResult<ActionOf<D[number]>>;
  /** Whether `action` parses as one of the set's actions. */
  is(action: unknown): action is ActionOf<D[number]>;
}

/**
 * The action type of an {@link ActionSet} or of an action definition (the union of its actions).
 *
 * @example
 * ```ts
 * const AppActions = actionSet(ExampleAction, OtherAction);
 * type AppAction = InferAction<typeof AppActions>;
 * // Action<"example", { id: number }> | Action<"other", null>
 * ```
 */
export type InferAction<X> =
  X extends ActionSet<infer D>
    ? ActionOf<D[number]>
    : X extends AnyActionDefinition
      ? ActionOf<X>
      : never;

/**
 * Combines action definitions into one parser that narrows by `type`. Types must be unique.
 *
 * @example
 * ```ts
 * const ExampleAction = defineAction("example", z.object({ id: z.number() }));
 * const OtherAction = defineAction("other");
 * const AppActions = actionSet(ExampleAction, OtherAction);
 *
 * const action = AppActions.parse(untrusted); // throws ActionParseError when invalid
 * if (action.type === "example") await doThing(action.payload.id);
 * ```
 */
export function actionSet<const D extends readonly AnyActionDefinition[]>(
  ...definitions: D
): ActionSet<D> {
  const byType = new Map<string, AnyActionDefinition>();
  for (const definition of definitions) {
    if (byType.has(definition.type)) {
      throw new Error(`actionSet: action type ${JSON.stringify(definition.type)} is defined twice`);
    }
    byType.set(definition.type, definition);
  }
  const types = definitions.map((definition) => definition.type);
  const expected = types.map((type) => JSON.stringify(type)).join(", ");

  const safeParse = (action: unknown): ActionParseResult<Action<string, unknown>> => {
    const read = readAction(action);
    if ("error" in read) return { success: false, error: read.error };
    const definition = byType.get(read.type);
    if (definition === undefined) {
      const message =
        types.length === 0
          ? "no action types are defined"
          : `expected one of ${expected}, received ${JSON.stringify(read.type)}`;
      return {
        success: false,
        error: new ActionParseError(
          types.length === 0
            ? `Unknown action type ${JSON.stringify(read.type)}; no action types are defined`
            : `Unknown action type ${JSON.stringify(read.type)}; expected one of ${expected}`,
          read.type,
          [{ path: "type", message }],
        ),
      };
    }
    return definition.safeParse(action);
  };

  const set = {
    definitions,
    types,
    parse(action: unknown) {
      const result = safeParse(action);
      if (!result.success) throw result.error;
      return result.data;
    },
    safeParse,
    is(action: unknown): action is Action<string, unknown> {
      return safeParse(action).success;
    },
  };
  return set as unknown as ActionSet<D>;
}
