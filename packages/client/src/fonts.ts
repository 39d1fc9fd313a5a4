/**
 * `theme.typography.fontSources`: web fonts registered with the page's `document.fonts` (a
 * `@font-face` inside a shadow root is ignored by browsers), once per page per source, so
 * `fontFamily` can name them.
 */
import type { FontObject } from "./types.js";

const registered = new Set<string>();

/**
 * Registers and starts loading each font not registered yet; `onError` hears about a font that
 * fails to load (the element then falls back to the next family in `fontFamily`).
 *
 * @example
 * ```ts
 * loadFontSources([{ family: "Inter", src: "/fonts/inter.woff2", weight: 400 }], console.error);
 * ```
 */
export function loadFontSources(
  sources: readonly FontObject[] | undefined,
  onError: (error: Error) => void,
): void {
  if (!sources?.length || typeof FontFace === "undefined" || typeof document === "undefined")
    return;
  for (const font of sources) {
    const key = JSON.stringify([font.family, font.src, font.weight, font.style, font.unicodeRange]);
    if (registered.has(key)) continue;
    registered.add(key);
    const descriptors: FontFaceDescriptors = {
      ...(font.weight !== undefined ? { weight: String(font.weight) } : {}),
      ...(font.style ? { style: font.style } : {}),
      ...(font.display ? { display: font.display } : {}),
      ...(font.unicodeRange ? { unicodeRange: font.unicodeRange } : {}),
    };
    try {
      // The URL as a CSS string (JSON quoting escapes quotes and backslashes).
      const face = new FontFace(font.family, `url(${JSON.stringify(font.src)})`, descriptors);
      document.fonts.add(face);
      face.load().catch(() => {
        onError(new Error(`ChatKit: font "${font.family}" failed to load from ${font.src}`));
      });
    } catch (error) {
      onError(error instanceof Error ? error : new Error(String(error)));
    }
  }
}
