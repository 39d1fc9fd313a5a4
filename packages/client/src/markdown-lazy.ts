/**
 * Markdown for the element's own rendering, with the engine (marked and DOMPurify, a third of
 * the bundle) loaded apart from it: the split bundle (`dist/lazy/`) starts loading it when the
 * element is defined and renders the start screen and composer without waiting for it. In the
 * one-file build the engine is already there, so nothing changes.
 */

/** Set by `markdown.ts` when it runs (at once in the one-file build, on load in the split one). */
let engine: ((text: string) => string) | undefined;
let loading: Promise<void> | undefined;

/** @internal Called by `markdown.ts` as it loads. */
export function provideMarkdown(render: (text: string) => string): void {
  engine = render;
}

/** Loads the Markdown engine (once); resolves when {@link markdownHtml} renders with it. */
export function loadMarkdown(): Promise<void> {
  loading ??= import("./markdown.js").then(() => undefined);
  return loading;
}

/** True once the engine is loaded: only then is rendered Markdown worth keeping. */
export function markdownReady(): boolean {
  return engine !== undefined;
}

/** @internal `&<>"'` as entities (Markdown's raw HTML is shown as text). */
export const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );

/**
 * `renderMarkdown(text)` once the engine is loaded; before that (the few milliseconds after a
 * page load in the split bundle) the text itself, escaped, in one paragraph that keeps its line
 * breaks. Callers re-render when {@link loadMarkdown} resolves.
 */
export function markdownHtml(text: string): string {
  if (engine) return engine(text);
  void loadMarkdown();
  return `<p style="white-space:pre-wrap">${escapeHtml(text ?? "")}</p>`;
}
