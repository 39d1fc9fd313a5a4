import DOMPurify from "dompurify";
import { Marked, type Tokens } from "marked";
import { escapeHtml, provideMarkdown } from "./markdown-lazy.js";
import { isSafeHref } from "./safe-href.js";

export { isSafeHref };

/**
 * Raw HTML in Markdown is shown as text, never parsed (as chat UIs do): model output is not a
 * place for markup. DOMPurify then checks what marked produced, as a second line of defence.
 */
const marked = new Marked({
  gfm: true,
  breaks: false,
  async: false,
  renderer: {
    html(token: Tokens.HTML | Tokens.Tag) {
      const text = escapeHtml(token.text);
      return "block" in token && token.block ? `<p>${text.trimEnd()}</p>\n` : text;
    },
  },
});

let purifier: ReturnType<typeof DOMPurify> | undefined;
/**
 * Our own DOMPurify instance, configured once: a page that uses DOMPurify itself keeps its
 * defaults, and passing the config to every `sanitize` call would re-parse it each time (a
 * measurable cost when a thread of a thousand messages loads). Its hook drops unsafe URLs and
 * makes external links open in a new tab without an opener.
 */
function sanitizer(): ReturnType<typeof DOMPurify> {
  if (purifier) return purifier;
  const purify = DOMPurify(window);
  purify.setConfig({
    USE_PROFILES: { html: true },
    FORBID_TAGS: [
      "style",
      "form",
      "button",
      "textarea",
      "select",
      "iframe",
      "object",
      "svg",
      "math",
    ],
    FORBID_ATTR: ["style"],
    ADD_ATTR: ["target"],
  });
  purify.addHook("afterSanitizeAttributes", (node) => {
    if (!(node instanceof Element)) return;
    for (const attr of ["href", "src", "xlink:href", "action", "formaction"]) {
      const value = node.getAttribute(attr);
      if (value !== null && !isSafeHref(value)) node.removeAttribute(attr);
    }
    if (node.tagName === "A" && !(node.getAttribute("href") ?? "#").startsWith("#")) {
      node.setAttribute("target", "_blank");
      node.setAttribute("rel", "noopener noreferrer");
    }
    if (node.tagName === "INPUT") {
      node.setAttribute("type", "checkbox");
      node.setAttribute("disabled", "");
    }
  });
  purifier = purify;
  return purify;
}

/**
 * Renders Markdown (GitHub-flavoured: tables, strikethrough, task lists, fenced code) to safe
 * HTML. Raw HTML is escaped (shown as text); the result is sanitised with DOMPurify, so no script,
 * event handler, style, form or frame survives, `javascript:` / `data:` / `vbscript:` URLs are
 * dropped, and links open in a new tab with `rel="noopener noreferrer"`. Needs a DOM (browser).
 *
 * @example
 * ```ts
 * el.innerHTML = renderMarkdown("**Hi** [docs](https://example.com) <script>x</script>");
 * // <p><strong>Hi</strong> <a href="https://example.com" target="_blank" rel="noopener noreferrer">docs</a>
 * //   &lt;script&gt;x&lt;/script&gt;</p>
 * ```
 */
export function renderMarkdown(text: string): string {
  return sanitizer().sanitize(marked.parse(text ?? "") as string);
}

provideMarkdown(renderMarkdown);
