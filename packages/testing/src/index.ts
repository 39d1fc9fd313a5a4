/**
 * @threadkit/testing — test ChatKit widgets and their actions without a browser, exactly as the
 * `<threadkit-chat>` element would send them.
 *
 * - {@link mountWidget}: hold a widget as the element shows it, find controls as a user does and
 *   get, for every interaction, the action the element would send (form values merged), the
 *   native validation failure that blocks it, the errors it reports and its loading state.
 * - {@link createTestClient}: drive a `ChatKitServer` in process through its real pipeline and store.
 *
 * The rules shared with the element (which fields belong to a form, merge, validation, collisions,
 * loading) come from `@threadkit/core`. Matchers for vitest live in `@threadkit/testing/vitest`.
 */

export {
  createTestClient,
  type Sender,
  type TestClient,
  type TestClientOptions,
  type TestTurn,
} from "./client.js";
export { Control } from "./control.js";
export { MountedWidget, mountWidget } from "./mount.js";
export type { Blocked, InteractionResult, MatchOptions, Role } from "./types.js";
