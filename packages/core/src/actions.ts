/**
 * Actions: the `ActionConfig` widgets declare, the `Action` the server receives, and strongly typed
 * action definitions (`defineAction`, `actionSet`).
 */
export * from "./actions/config.js";
export {
  type DeclaredAction,
  type DeclaredActionSite,
  declaredActions,
} from "./actions/declared.js";
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
  type DefineActionOptions,
  defineAction,
  type PayloadOf,
  type TypedActionConfig,
} from "./actions/typed.js";
