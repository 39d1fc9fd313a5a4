import DOMPurify from "dompurify";
import { Marked } from "marked";

const marked = new Marked({ gfm: true, breaks: false, async: false });

/** URL schemes allowed in links and images; everything else (javascript:, data:, vbscript:) is dropped. */
const SAFE_URL = /^(?:https?:|mailto:|tel:|chatkit-link:|#|\/|\.{0,2}\/|[^:]*$)/i;

let hooked = false;
function installHooks(): void {
  if (hooked) return;
  hooked = true;
  DOMPurify.addHook("afterSanitizeAttributes", (node) => {
    if (!(node instanceof Element)) return;
    for (const attr of ["href", "src", "xlink:href", "action", "formaction"]) {
      const value = node.getAttribute(attr);
      if (value !== null && !SAFE_URL.test(value.trim())) node.removeAttribute(attr);
    }
    if (node.tagName === "A" && node.hasAttribute("href")) {
      const href = node.getAttribute("href") ?? "";
      if (!href.startsWith("#")) {
        node.setAttribute("target", "_blank");
        node.setAttribute("rel", "noopener noreferrer");
      }
    }
  });
}

/**
 * Renders Markdown (GitHub-flavoured: tables, strikethrough, task lists, fenced code) to sanitised
 * HTML. Scripts, event handlers, `javascript:` / `data:` URLs, forms and iframes are removed; links
 * open in a new tab with `rel="noopener noreferrer"`. Needs a DOM (browser) for sanitising.
 *
 * @example
 * ```ts
 * el.innerHTML = renderMarkdown("**Hi** [docs](https://example.com)");
 * // <p><strong>Hi</strong> <a href="https://example.com" target="_blank" rel="noopener noreferrer">docs</a></p>
 * ```
 */
export function renderMarkdown(text: string): string {
  installHooks();
  const raw = marked.parse(text ?? "") as string;
  return DOMPurify.sanitize(raw, {
    USE_PROFILES: { html: true },
    FORBID_TAGS: ["style", "form", "button", "textarea", "select", "iframe", "object"],
    FORBID_ATTR: ["style"],
    ADD_ATTR: ["target"],
  }) as string;
}
