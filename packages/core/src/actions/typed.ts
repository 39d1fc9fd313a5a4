import type { z } from "zod";
import type { Action, ActionConfig, ActionHandler, LoadingBehavior } from "./config.js";
import {
  ActionParseError,
  type ActionParseResult,
  describe,
  payloadError,
  readAction,
} from "./errors.js";

/** Options of {@link ActionDefinition.create}; omitted ones keep ChatKit's defaults. */
export interface CreateActionOptions {
  /** `"server"` (default) or `"client"`. */
  handler?: ActionHandler | undefined;
  /** `"auto"` (default), `"none"`, `"self"` or `"container"`. */
  loadingBehavior?: LoadingBehavior | undefined;
  /** `true` (default) streams via `threads.custom_action`; `false` uses `threads.sync_custom_action`. */
  streaming?: boolean | undefined;
}

/** Options of {@link defineAction}. */
export interface DefineActionOptions {
  /**
   * The client may send this action with no widget (`sendAction()` from the integration's code).
   * A server given the set (`new MyServer(store, { actions })`) accepts an action without an
   * `item_id` only for types defined with `imperative: true`. Default `false`.
   */
  imperative?: boolean | undefined;
}

/** The payload type an action definition parses to: the schema's output, or `null` without a schema. */
export type PayloadOf<S> = S extends z.ZodType ? z.output<S> : null;

/** The arguments of `create`: a payload is required with a schema and absent without one. */
export type CreateArgs<S> = S extends z.ZodType
  ? [payload: z.input<S>, options?: CreateActionOptions]
  : [payload?: null | undefined, options?: CreateActionOptions];

/** The `ActionConfig` returned by `create`, with its literal `type`. */
export type TypedActionConfig<T extends string> = ActionConfig & { type: T };

/**
 * A strongly typed action, made by {@link defineAction}: the TypeScript counterpart of Python's
 * `Action[Literal["example"], ExamplePayload]`.
 */
export interface ActionDefinition<
  T extends string = string,
  S extends z.ZodType | undefined = undefined,
> {
  /** The action's `type` literal. */
  readonly type: T;
  /** The payload schema, or `undefined` for an action without payload. */
  readonly schema: S;
  /** Whether the client may send it without a widget; see {@link DefineActionOptions}. */
  readonly imperative: boolean;
  /**
   * Builds the `ActionConfig` for a widget prop. The payload is checked at compile time and validated
   * at run time (throws {@link ActionParseError}); options left out are not written.
   */
  create(...args: CreateArgs<S>): TypedActionConfig<T>;
  /** Parses an untrusted action of this type; throws {@link ActionParseError}. */
  parse(action: unknown): Action<T, PayloadOf<S>>;
  /** Like `parse`, but returns a result instead of throwing. */
  safeParse(action: unknown): ActionParseResult<Action<T, PayloadOf<S>>>;
  /** Whether `action` parses as this action. */
  is(action: unknown): action is Action<T, PayloadOf<S>>;
}

/** Any action definition, whatever its type and schema. */
export type AnyActionDefinition = ActionDefinition<string, z.ZodType | undefined>;

/** The action type a definition (or union of definitions) parses to. */
export type ActionOf<D> =
  D extends ActionDefinition<infer T, infer S> ? Action<T, PayloadOf<S>> : never;

function validatePayload(
  type: string,
  schema: z.ZodType | undefined,
  payload: unknown,
): ActionParseResult<unknown> {
  if (schema === undefined) {
    if (payload === undefined || payload === null) return { success: true, data: null };
    const message = `expected no payload, received ${describe(payload)}`;
    return {
      success: false,
      error: new ActionParseError(
        `Invalid payload for action ${JSON.stringify(type)}: payload: ${message}`,
        type,
        [{ path: "payload", message }],
      ),
    };
  }
  const result = schema.safeParse(payload === undefined ? null : payload);
  if (result.success) return { success: true, data: result.data };
  return { success: false, error: payloadError(type, result.error.issues) };
}

/**
 * Defines a strongly typed action: a literal `type` and, optionally, a zod schema for its payload.
 * An action defined without a schema takes no payload (its payload parses as `null`).
 *
 * @example
 * ```ts
 * const ExampleAction = defineAction("example", z.object({ id: z.number() }));
 * const OtherAction = defineAction("other");
 *
 * Button({ label: "Example", onClickAction: ExampleAction.create({ id: 123 }) });
 * Button({ label: "Other", onClickAction: OtherAction.create(undefined, { handler: "client" }) });
 * ExampleAction.parse({ type: "example", payload: { id: 1 } }).payload.id; // number
 *
 * // Sent by the integration's code with sendAction(), not from a widget:
 * const RefreshAction = defineAction("refresh", undefined, { imperative: true });
 * ```
 */
export function defineAction<const T extends string>(type: T): ActionDefinition<T, undefined>;
export function defineAction<const T extends string, S extends z.ZodType | undefined>(
  type: T,
  schema: S,
  options?: DefineActionOptions,
): ActionDefinition<T, S>;
export function defineAction(
  type: string,
  schema?: z.ZodType,
  options: DefineActionOptions = {},
): AnyActionDefinition {
  if (typeof type !== "string") throw new TypeError("defineAction: type must be a string");
  const safeParse = (action: unknown): ActionParseResult<Action<string, unknown>> => {
    const read = readAction(action);
    if ("error" in read) return { success: false, error: read.error };
    if (read.type !== type) {
      const message = `expected ${JSON.stringify(type)}, received ${JSON.stringify(read.type)}`;
      return {
        success: false,
        error: new ActionParseError(`Invalid action: type: ${message}`, read.type, [
          { path: "type", message },
        ]),
      };
    }
    const payload = validatePayload(type, schema, read.payload);
    if (!payload.success) return payload;
    return { success: true, data: { type, payload: payload.data } };
  };
  const definition = {
    type,
    schema,
    imperative: options.imperative === true,
    create(payload?: unknown, options: CreateActionOptions = {}): ActionConfig {
      const checked = validatePayload(type, schema, payload);
      if (!checked.success) throw checked.error;
      const config: ActionConfig = { type };
      if (schema !== undefined) config.payload = checked.data;
      if (options.handler !== undefined) config.handler = options.handler;
      if (options.loadingBehavior !== undefined) config.loadingBehavior = options.loadingBehavior;
      if (options.streaming !== undefined) config.streaming = options.streaming;
      return config;
    },
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
  return definition as AnyActionDefinition;
}
