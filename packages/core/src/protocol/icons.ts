import { z } from "zod";

/**
 * The 64 built-in icon names: the Python SDK's list (v1.6.5) plus `clock` from ChatKit.js.
 *
 * @example
 * BUILT_IN_ICON_NAMES.includes("sparkle"); // true
 */
export const BUILT_IN_ICON_NAMES = [
  "agent",
  "analytics",
  "atom",
  "batch",
  "bolt",
  "book-open",
  "book-closed",
  "book-clock",
  "bug",
  "calendar",
  "chart",
  "check",
  "check-circle",
  "check-circle-filled",
  "chevron-left",
  "chevron-right",
  "circle-question",
  "clock",
  "compass",
  "confetti",
  "cube",
  "desktop",
  "document",
  "dot",
  "dots-horizontal",
  "dots-vertical",
  "empty-circle",
  "external-link",
  "globe",
  "keys",
  "lab",
  "images",
  "info",
  "lifesaver",
  "lightbulb",
  "mail",
  "map-pin",
  "maps",
  "mobile",
  "name",
  "notebook",
  "notebook-pencil",
  "page-blank",
  "phone",
  "play",
  "plus",
  "profile",
  "profile-card",
  "reload",
  "star",
  "star-filled",
  "search",
  "sparkle",
  "sparkle-double",
  "square-code",
  "square-image",
  "square-text",
  "suitcase",
  "settings-slider",
  "user",
  "wreath",
  "write",
  "write-alt",
  "write-alt2",
] as const;

const ICON_ERROR = 'expected a built-in icon name or a "vendor:" / "lucide:" name';

/**
 * An icon: one of {@link BUILT_IN_ICON_NAMES}, or any string starting with `vendor:` or `lucide:`.
 * Anything else is rejected.
 *
 * @example
 * IconName.parse("sparkle"); // ok
 * IconName.parse("lucide:rocket"); // ok
 * IconName.safeParse("rocket").success; // false
 */
export const IconName = z.union(
  [
    z.enum(BUILT_IN_ICON_NAMES),
    z.templateLiteral(["vendor:", z.string()], { error: ICON_ERROR }),
    z.templateLiteral(["lucide:", z.string()], { error: ICON_ERROR }),
  ],
  { error: ICON_ERROR },
);
/** An icon name. @example const icon: IconName = "check-circle"; */
export type IconName = z.infer<typeof IconName>;
