import { Marked, type Tokens } from "marked";

/** URL schemes allowed in links and images; everything else (javascript:, data:, vbscript:) is dropped. */
const SAFE_URL = /^(?:https?:|mailto:|tel:|chatkit-link:|#|\/|\.{0,2}\/|[^:]*$)/i;

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );

/**
 * Raw HTML in Markdown is shown as text, never parsed (as chat UIs do): the only markup in the
 * output is what marked's renderer produces, with text and attributes escaped.
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

/** Tags marked can produce, each with the attributes it may keep. */
const ALLOWED: Record<string, readonly string[]> = {
  A: ["href", "title"],
  IMG: ["src", "alt", "title"],
  CODE: ["class"],
  OL: ["start"],
  TH: ["align"],
  TD: ["align"],
  INPUT: ["type", "checked", "disabled"],
};
for (const tag of [
  "P BR HR EM STRONG DEL S B I U SMALL SUB SUP MARK Q CITE KBD SAMP VAR ABBR SPAN DIV",
  "H1 H2 H3 H4 H5 H6 BLOCKQUOTE PRE UL LI DL DT DD TABLE THEAD TBODY TFOOT TR CAPTION",
]
  .join(" ")
  .split(" "))
  ALLOWED[tag] ??= [];

/**
 * Walks parsed HTML and keeps only {@link ALLOWED} tags and attributes: other elements are
 * replaced by their text (script, style and template contents are dropped), URLs must use a safe
 * scheme, inputs must be disabled checkboxes, and links open in a new tab.
 */
function sanitize(root: DocumentFragment): void {
  const walk = (parent: ParentNode) => {
    for (const node of Array.from(parent.childNodes)) {
      if (node.nodeType === Node.COMMENT_NODE) {
        node.remove();
        continue;
      }
      if (!(node instanceof Element)) continue;
      const allowed = ALLOWED[node.tagName];
      if (!allowed) {
        const drop = /^(SCRIPT|STYLE|TEMPLATE|NOSCRIPT|IFRAME|OBJECT|SVG|MATH)$/i.test(
          node.tagName,
        );
        node.replaceWith(drop ? "" : (node.textContent ?? ""));
        continue;
      }
      for (const attr of Array.from(node.attributes)) {
        const ok =
          allowed.includes(attr.name) &&
          (attr.name !== "href" && attr.name !== "src" ? true : SAFE_URL.test(attr.value.trim()));
        if (!ok) node.removeAttribute(attr.name);
      }
      if (node.tagName === "INPUT") {
        node.setAttribute("type", "checkbox");
        node.setAttribute("disabled", "");
      }
      if (node.tagName === "A" && !(node.getAttribute("href") ?? "#").startsWith("#")) {
        node.setAttribute("target", "_blank");
        node.setAttribute("rel", "noopener noreferrer");
      }
      walk(node);
    }
  };
  walk(root);
}

/**
 * Renders Markdown (GitHub-flavoured: tables, strikethrough, task lists, fenced code) to safe
 * HTML. Raw HTML is escaped (shown as text), `javascript:` / `data:` / `vbscript:` URLs are
 * dropped, only the tags Markdown produces survive, and links open in a new tab with
 * `rel="noopener noreferrer"`. Needs a DOM (browser).
 *
 * @example
 * ```ts
 * el.innerHTML = renderMarkdown("**Hi** [docs](https://example.com) <script>x</script>");
 * // <p><strong>Hi</strong> <a href="https://example.com" target="_blank" rel="noopener noreferrer">docs</a>
 * //   &lt;script&gt;x&lt;/script&gt;</p>
 * ```
 */
export function renderMarkdown(text: string): string {
  const template = document.createElement("template");
  template.innerHTML = marked.parse(text ?? "") as string;
  sanitize(template.content);
  return template.innerHTML;
}
