/** MIME type checks and safe headers for serving uploaded files. @module */
const MIME = /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/;
/**
 * The bare, lower-case MIME type (parameters dropped), or null when malformed.
 *
 * @example
 * normalizeMimeType("Text/Plain; charset=utf-8"); // "text/plain"
 */
export function normalizeMimeType(value) {
    if (typeof value !== "string")
        return null;
    const bare = value.split(";")[0]?.trim().toLowerCase() ?? "";
    return MIME.test(bare) ? bare : null;
}
/**
 * True when `mimeType` matches one of `patterns`: exact (`application/pdf`), a wildcard subtype
 * (`image/*`) or anything (`*` or `*` + `/*`).
 *
 * @example
 * mimeTypeAllowed("image/png", ["image/*", "application/pdf"]); // true
 */
export function mimeTypeAllowed(mimeType, patterns) {
    return patterns.some((raw) => {
        const pattern = raw.trim().toLowerCase();
        if (pattern === "*" || pattern === "*/*")
            return true;
        if (pattern.endsWith("/*"))
            return mimeType.startsWith(pattern.slice(0, -1));
        return mimeType === pattern;
    });
}
/**
 * Response headers for serving an uploaded file from your own origin without letting it run
 * script: the stored type with `nosniff`, a sandboxing CSP, and `attachment` disposition for
 * anything but raster images (SVG is served as a download).
 *
 * @example
 * const file = await attachments.openFile(id);
 * return new Response(file.stream(), { headers: fileResponseHeaders(file) });
 */
export function fileResponseHeaders(file) {
    const inline = file.mime_type.startsWith("image/") && file.mime_type !== "image/svg+xml";
    const ascii = file.name.replace(/[^\x20-\x7e]|["\\]/g, "_");
    return {
        "Content-Type": file.mime_type,
        "Content-Length": String(file.size),
        "Content-Disposition": `${inline ? "inline" : "attachment"}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": "default-src 'none'; sandbox",
        "Cache-Control": "private, max-age=3600",
    };
}
//# sourceMappingURL=mime.js.map