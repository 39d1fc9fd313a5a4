/**
 * Actions: the `ActionConfig` widgets declare, the `Action` the server receives, and strongly typed
 * action definitions (`defineAction`, `actionSet`).
 */
export * from "./actions/config.js";
export {
  ActionParseError,
  type ActionParseIssue,
  type ActionParseResult,
} from "./actions/errors.js";
export { type ActionSet, actionSet, type InferAction } from "./actions/set.js";
export {
  type ActionDefinition,
  type ActionOf,
  type AnyActionDefinition,
  type CreateActionOptions,
  type CreateArgs,
  defineAction,
  type PayloadOf,
  type TypedActionConfig,
} from "./actions/typed.js";
