import nunjucks from "nunjucks";
/** Raised when a template cannot be parsed or rendered, or a value is undefined (StrictUndefined). */
export declare class TemplateRenderError extends Error {
    name: string;
}
/**
 * Jinja's `tojson` filter: JSON with sorted keys and `<`, `>`, `&`, `'` escaped as `\u00XX`, so a
 * value can be dropped into JSON (or HTML) without breaking it. Throws on an undefined value, as
 * Jinja's StrictUndefined does.
 *
 * @example
 * tojson(`a "quoted" <b>`) // => '"a \\"quoted\\" \\u003cb\\u003e"'
 */
export declare function tojson(value: unknown): string;
/** Python slice semantics for strings and arrays (`s[1:]`, `xs[::-1]`, negative indices). */
export declare function pySlice(seq: unknown, start: number | null, stop: number | null, step: number | null): unknown;
/**
 * Removes trailing commas inside Jinja expressions (`{"a": 1,}`, `[1, 2,]`), which Jinja accepts
 * and nunjucks does not. Only the text inside `{{ }}` and `{% %}` is touched; string literals are kept.
 */
export declare function stripTrailingCommas(source: string): string;
/**
 * The shared Jinja-compatible nunjucks environment: autoescape off (the output is JSON), undefined
 * output throws, `tojson` and `namespace()` as in Jinja, True/False/None, `list.append`, slices.
 * Installing nunjucks' Jinja compatibility patches its runtime once per process (additively).
 *
 * @example
 * jinjaEnvironment().renderString('{{ name | tojson }}', { name: "Ada" }) // => '"Ada"'
 */
export declare function jinjaEnvironment(): nunjucks.Environment;
/**
 * Compiles a Jinja template with {@link jinjaEnvironment}; the result renders with `render(data)`.
 *
 * @example
 * compileJinja("Hello {{ who }}").render({ who: "world" }) // => "Hello world"
 */
export declare function compileJinja(source: string): {
    render(data: Record<string, unknown>): string;
};
//# sourceMappingURL=jinja.d.ts.map