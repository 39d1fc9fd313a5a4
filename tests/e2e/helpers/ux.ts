/**
 * Helpers for the element's user-experience tests (scrolling, focus, announcements, axe).
 *
 * - `distanceFromBottom(page)`: how far the thread is scrolled above its end, in px.
 * - `jumpVisible(page)`: whether the "Scroll to bottom" arrow shows.
 * - `visibleInThread(locator)`: whether an element lies fully inside the thread's viewport and
 *   is not covered by the arrow.
 * - `focused(page)`: the deep active element described as `tag[name]|label`.
 * - `announced(page)`: the element's polite live region text.
 */
import type { Locator, Page } from "playwright-core";

/** Pixels between the thread's visible bottom and its content's end (0 = at the end). */
export function distanceFromBottom(page: Page): Promise<number> {
  return page.evaluate(() => {
    const el = document.querySelector("threadkit-chat")?.shadowRoot?.querySelector(".thread");
    if (!el) return Number.NaN;
    return Math.round(el.scrollHeight - el.scrollTop - el.clientHeight);
  });
}

/** Whether the element shows its "Scroll to bottom" arrow. */
export function jumpVisible(page: Page): Promise<boolean> {
  return page.locator('threadkit-chat button[aria-label="Scroll to bottom"]').isVisible();
}

/** Whether `target` is fully inside the thread's viewport and not under the jump arrow. */
export function visibleInThread(target: Locator): Promise<boolean> {
  return target.evaluate((el) => {
    const chat = document.querySelector("threadkit-chat")?.shadowRoot;
    const thread = chat?.querySelector(".thread")?.getBoundingClientRect();
    if (!thread) return false;
    const r = el.getBoundingClientRect();
    if (r.top < thread.top - 1 || r.bottom > thread.bottom + 1) return false;
    const jump = chat?.querySelector(".jump")?.getBoundingClientRect();
    const overlaps =
      jump &&
      jump.width > 0 &&
      jump.left < r.right &&
      jump.right > r.left &&
      jump.top < r.bottom &&
      jump.bottom > r.top;
    return !overlaps;
  });
}

/** The focused element through open shadow roots: `tag`, its `name` or accessible text. */
export function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    let a: Element | null = document.activeElement;
    while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
    if (!a) return "none";
    const tag = a.tagName.toLowerCase();
    const name = a.getAttribute("name") ?? a.getAttribute("aria-label") ?? a.textContent?.trim();
    return name ? `${tag}:${name}` : tag;
  });
}

/** The text of the element's polite live region (what a screen reader hears next). */
export function announced(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      document
        .querySelector("threadkit-chat")
        ?.shadowRoot?.querySelector('[role="status"][aria-live="polite"]')
        ?.textContent?.trim() ?? "",
  );
}
