/** MIME type checks and safe headers for serving uploaded files. @module */
/**
 * The bare, lower-case MIME type (parameters dropped), or null when malformed.
 *
 * @example
 * normalizeMimeType("Text/Plain; charset=utf-8"); // "text/plain"
 */
export declare function normalizeMimeType(value: unknown): string | null;
/**
 * True when `mimeType` matches one of `patterns`: exact (`application/pdf`), a wildcard subtype
 * (`image/*`) or anything (`*` or `*` + `/*`).
 *
 * @example
 * mimeTypeAllowed("image/png", ["image/*", "application/pdf"]); // true
 */
export declare function mimeTypeAllowed(mimeType: string, patterns: readonly string[]): boolean;
/**
 * Response headers for serving an uploaded file from your own origin without letting it run
 * script: the stored type with `nosniff`, a sandboxing CSP, and `attachment` disposition for
 * anything but raster images (SVG is served as a download).
 *
 * @example
 * const file = await attachments.openFile(id);
 * return new Response(file.stream(), { headers: fileResponseHeaders(file) });
 */
export declare function fileResponseHeaders(file: {
    name: string;
    mime_type: string;
    size: number;
}): Record<string, string>;
//# sourceMappingURL=mime.d.ts.map