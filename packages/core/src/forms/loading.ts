/**
 * Which loading state an action shows, from its `loadingBehavior` and where it is bound (the rule
 * `<threadkit-chat>` and `@threadkit/testing` share).
 */

/** Where an action is bound; decides what `loadingBehavior: "auto"` means. */
export type ActionSite = "button" | "listItem" | "change" | "submit" | "confirm" | "cancel";

/** The loading state an action shows while it runs. */
export type Loading = "self" | "container" | "none";

/**
 * Resolves `loadingBehavior` (default `auto`) for an action bound at `site`:
 * `auto` is `self` for Button and ListViewItem clicks, `none` for change actions
 * (Select, Checkbox, RadioGroup, DatePicker) and `container` for Form submit and Card
 * confirm/cancel. Unknown values count as `auto`.
 *
 * @example
 * ```ts
 * resolveLoading(undefined, "button"); // "self"
 * resolveLoading("auto", "change"); // "none"
 * resolveLoading("container", "button"); // "container"
 * ```
 */
export function resolveLoading(behavior: unknown, site: ActionSite): Loading {
  if (behavior === "self" || behavior === "container" || behavior === "none") return behavior;
  switch (site) {
    case "button":
    case "listItem":
      return "self";
    case "change":
      return "none";
    default:
      return "container";
  }
}
