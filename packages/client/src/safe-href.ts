/** URL schemes allowed in links and images; everything else (javascript:, data:, vbscript:) is dropped. */
const SAFE_URL = /^(?:https?:|mailto:|tel:|chatkit-link:|#|\/|\.{0,2}\/|[^:]*$)/i;

/**
 * Whether a URL from the server may be a link's `href`: web, mail and phone links and relative
 * paths; never `javascript:`, `data:` or `vbscript:` (Lit escapes text, not URL schemes).
 *
 * @example
 * isSafeHref("https://example.com"); // true
 * isSafeHref(" javascript:alert(1)"); // false
 */
export function isSafeHref(url: string): boolean {
  // Browsers ignore control characters and whitespace inside a scheme ("java\tscript:").
  // biome-ignore lint/suspicious/noControlCharactersInRegex: those are the characters to strip
  return SAFE_URL.test(url.replace(/[\u0000-\u0020\u007f]/g, ""));
}
