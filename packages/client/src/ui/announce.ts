import type { ThreadItem } from "@threadkit/core";
import type { I18n } from "../i18n/index.js";

const MAX_CHARS = 300;

function firstTitle(node: unknown): string | undefined {
  if (typeof node !== "object" || node === null) return undefined;
  const n = node as { type?: unknown; value?: unknown; children?: unknown };
  if (n.type === "Title" && typeof n.value === "string") return n.value;
  const kids = Array.isArray(n.children) ? n.children : n.children ? [n.children] : [];
  for (const kid of kids) {
    const found = firstTitle(kid);
    if (found) return found;
  }
  return undefined;
}

/**
 * What a screen reader should hear after a widget action: the text of the replies it added, or
 * else that the widget (named by its first Title) was updated.
 *
 * @example
 * ```ts
 * announcement(before, state.items, widgetItemId, i18n.t); // "You marked “Eggs” as done."
 * ```
 */
export function announcement(
  before: ReadonlySet<string>,
  items: readonly ThreadItem[],
  widgetId: string,
  t: I18n["t"],
): string {
  const replies = items
    .filter((i) => !before.has(i.id) && i.type === "assistant_message")
    .flatMap((i) => (i.type === "assistant_message" ? i.content.map((c) => c.text) : []))
    .join(" ")
    .replace(/[*_`#>]/g, "")
    .trim();
  if (replies) return replies.length > MAX_CHARS ? `${replies.slice(0, MAX_CHARS)}…` : replies;
  const widget = items.find((i) => i.id === widgetId);
  const title = widget?.type === "widget" ? firstTitle(widget.widget) : undefined;
  return title ? t("widgetUpdated", { title }) : t("updated");
}
