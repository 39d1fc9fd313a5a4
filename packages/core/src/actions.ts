/**
 * Actions: the `ActionConfig` widgets declare, the `Action` the server receives, and strongly typed
 * action definitions (`defineAction`, `actionSet`).
 */
export * from "./actions/config.js";
