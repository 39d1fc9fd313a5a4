import { z } from "zod";

/**
 * Where an action is handled: `"server"` (the default) sends it to the ChatKit server as
 * `threads.custom_action`; `"client"` passes it to the integration's `widgets.onAction` callback.
 *
 * @example
 * ```ts
 * ActionHandler.parse("client"); // "client"
 * ```
 */
export const ActionHandler = z.enum(["client", "server"]);
/** `"client" | "server"`; see the {@link ActionHandler} schema. */
export type ActionHandler = z.infer<typeof ActionHandler>;

/**
 * Which loading state an action shows while it runs (`"auto"` is the default):
 * `auto` adapts to where the action is bound (`Button.onClickAction` → `self`,
 * `Select.onChangeAction` → `none`, `Card.confirm.action` → `container`), `self` marks the bound node,
 * `container` fades the whole widget and makes it inert, `none` shows nothing.
 *
 * @example
 * ```ts
 * const behavior: LoadingBehavior = "container";
 * ```
 */
export const LoadingBehavior = z.enum(["auto", "none", "self", "container"]);
/** `"auto" | "none" | "self" | "container"`; see the {@link LoadingBehavior} schema. */
export type LoadingBehavior = z.infer<typeof LoadingBehavior>;

/**
 * An action as declared in a widget prop (`Button.onClickAction`, `Form.onSubmitAction`, ...).
 *
 * Every field but `type` is optional and parsing never fills in defaults, so that
 * `serialize(parse(json))` gives back the input. The defaults ChatKit applies are:
 * `payload: null`, `handler: "server"`, `loadingBehavior: "auto"`, `streaming: true`
 * (`streaming: false` routes the action to `threads.sync_custom_action`). Use
 * {@link resolveActionConfig} when you need them filled in.
 *
 * @example
 * ```ts
 * const config: ActionConfig = { type: "example", payload: { id: 123 }, handler: "client" };
 * ActionConfig.parse(config); // same object shape, no defaults added
 * ```
 */
export const ActionConfig = z.object({
  type: z.string(),
  payload: z.unknown().optional(),
  handler: ActionHandler.optional(),
  loadingBehavior: LoadingBehavior.optional(),
  streaming: z.boolean().optional(),
});
/** An action as declared in a widget prop; see the {@link ActionConfig} schema. */
export type ActionConfig = z.infer<typeof ActionConfig>;

/** An {@link ActionConfig} with ChatKit's defaults filled in; see {@link resolveActionConfig}. */
export interface ResolvedActionConfig {
  type: string;
  payload: unknown;
  handler: ActionHandler;
  loadingBehavior: LoadingBehavior;
  streaming: boolean;
}

/**
 * Returns a new config with ChatKit's defaults filled in (`payload: null`, `handler: "server"`,
 * `loadingBehavior: "auto"`, `streaming: true`). The input is not modified.
 *
 * @example
 * ```ts
 * resolveActionConfig({ type: "go" });
 * // { type: "go", payload: null, handler: "server", loadingBehavior: "auto", streaming: true }
 * ```
 */
export function resolveActionConfig(config: ActionConfig): ResolvedActionConfig {
  return {
    type: config.type,
    payload: config.payload === undefined ? null : config.payload,
    handler: config.handler ?? "server",
    loadingBehavior: config.loadingBehavior ?? "auto",
    streaming: config.streaming ?? true,
  };
}

/**
 * The action the server (or `widgets.onAction`) receives: its `type` and `payload`. Untyped by
 * default; {@link defineAction} and {@link actionSet} give you precise types.
 *
 * @example
 * ```ts
 * const action: Action<"example", { id: number }> = { type: "example", payload: { id: 123 } };
 * ```
 */
export interface Action<T extends string = string, P = unknown> {
  type: T;
  payload: P;
}

/**
 * Runtime parser of an incoming {@link Action}: `type` must be a string; a missing payload becomes
 * `null` (ChatKit's default).
 *
 * @example
 * ```ts
 * Action.parse({ type: "go" }); // { type: "go", payload: null }
 * ```
 */
export const Action = z.object({
  type: z.string(),
  payload: z.unknown().transform((p) => (p === undefined ? null : p)),
});
