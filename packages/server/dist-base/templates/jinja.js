import nunjucks from "nunjucks";
/** Raised when a template cannot be parsed or rendered, or a value is undefined (StrictUndefined). */
export class TemplateRenderError extends Error {
    name = "TemplateRenderError";
}
const JSON_HTML_ESCAPES = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "'": "\\u0027",
};
function sortKeys(value) {
    if (Array.isArray(value))
        return value.map(sortKeys);
    if (value !== null && typeof value === "object") {
        const out = {};
        for (const key of Object.keys(value).sort()) {
            if (key === "__keywords")
                continue;
            out[key] = sortKeys(value[key]);
        }
        return out;
    }
    return value;
}
/**
 * Jinja's `tojson` filter: JSON with sorted keys and `<`, `>`, `&`, `'` escaped as `\u00XX`, so a
 * value can be dropped into JSON (or HTML) without breaking it. Throws on an undefined value, as
 * Jinja's StrictUndefined does.
 *
 * @example
 * tojson(`a "quoted" <b>`) // => '"a \\"quoted\\" \\u003cb\\u003e"'
 */
export function tojson(value) {
    if (value === undefined)
        throw new TemplateRenderError("tojson: value is undefined");
    const text = JSON.stringify(sortKeys(value)) ?? "null";
    return text.replace(/[<>&']/g, (ch) => JSON_HTML_ESCAPES[ch] ?? ch);
}
/** Python slice semantics for strings and arrays (`s[1:]`, `xs[::-1]`, negative indices). */
export function pySlice(seq, start, stop, step) {
    const items = typeof seq === "string" || Array.isArray(seq) ? seq : seq == null ? [] : String(seq);
    const by = step ?? 1;
    if (by === 0)
        throw new TemplateRenderError("slice step cannot be zero");
    const len = items.length;
    const norm = (i, fallback) => {
        if (i === null || i === undefined)
            return fallback;
        if (i < 0)
            return Math.max(i + len, by < 0 ? -1 : 0);
        return Math.min(i, by < 0 ? len - 1 : len);
    };
    const from = norm(start, by < 0 ? len - 1 : 0);
    const to = norm(stop, by < 0 ? -1 : len);
    const picked = [];
    for (let i = from; by > 0 ? i < to : i > to; i += by)
        picked.push(items[i]);
    return typeof items === "string" ? picked.join("") : picked;
}
/**
 * Removes trailing commas inside Jinja expressions (`{"a": 1,}`, `[1, 2,]`), which Jinja accepts
 * and nunjucks does not. Only the text inside `{{ }}` and `{% %}` is touched; string literals are kept.
 */
export function stripTrailingCommas(source) {
    let out = "";
    let i = 0;
    while (i < source.length) {
        const open = source.slice(i, i + 2);
        if (open === "{#") {
            const end = source.indexOf("#}", i + 2);
            const stop = end < 0 ? source.length : end + 2;
            out += source.slice(i, stop);
            i = stop;
            continue;
        }
        if (open !== "{{" && open !== "{%") {
            out += source[i];
            i += 1;
            continue;
        }
        const close = open === "{{" ? "}}" : "%}";
        out += open;
        i += 2;
        let depth = 0;
        let quote = null;
        while (i < source.length) {
            const ch = source[i];
            if (quote) {
                out += ch;
                if (ch === "\\") {
                    out += source[i + 1] ?? "";
                    i += 2;
                    continue;
                }
                if (ch === quote)
                    quote = null;
                i += 1;
                continue;
            }
            if (depth === 0 && source.startsWith(close, i))
                break;
            if (ch === '"' || ch === "'")
                quote = ch;
            else if (ch === "{" || ch === "[" || ch === "(")
                depth += 1;
            else if (ch === "}" || ch === "]" || ch === ")")
                depth = Math.max(0, depth - 1);
            else if (ch === ",") {
                const rest = /^,\s*([}\])])/.exec(source.slice(i));
                if (rest) {
                    i += 1;
                    continue;
                }
            }
            out += ch;
            i += 1;
        }
        if (i < source.length) {
            out += close;
            i += 2;
        }
    }
    return out;
}
let environment;
/**
 * The shared Jinja-compatible nunjucks environment: autoescape off (the output is JSON), undefined
 * output throws, `tojson` and `namespace()` as in Jinja, True/False/None, `list.append`, slices.
 * Installing nunjucks' Jinja compatibility patches its runtime once per process (additively).
 *
 * @example
 * jinjaEnvironment().renderString('{{ name | tojson }}', { name: "Ada" }) // => '"Ada"'
 */
export function jinjaEnvironment() {
    if (environment)
        return environment;
    nunjucks.installJinjaCompat();
    const runtime = nunjucks.runtime;
    const compatLookup = runtime.memberLookup;
    // nunjucks' compat slice returns arrays for strings and reads one past the end; fix both.
    runtime.memberLookup = function memberLookup(obj, ...args) {
        if (args.length === 3) {
            const [start, stop, step] = args;
            return pySlice(obj, start, stop, step);
        }
        const [key] = args;
        // Own data wins over Python-style members (`group.items` is the data, not dict.items()).
        if (obj !== null &&
            typeof obj === "object" &&
            typeof key === "string" &&
            Object.hasOwn(obj, key)) {
            const value = obj[key];
            return typeof value === "function" ? value.bind(obj) : value;
        }
        return compatLookup.call(this, obj, ...args);
    };
    const env = new nunjucks.Environment(null, { autoescape: false, throwOnUndefined: true });
    env.addFilter("tojson", tojson);
    env.addGlobal("namespace", (...args) => {
        const out = {};
        for (const arg of args) {
            if (arg && typeof arg === "object" && !Array.isArray(arg))
                Object.assign(out, arg);
        }
        delete out.__keywords;
        return out;
    });
    environment = env;
    return env;
}
/**
 * Compiles a Jinja template with {@link jinjaEnvironment}; the result renders with `render(data)`.
 *
 * @example
 * compileJinja("Hello {{ who }}").render({ who: "world" }) // => "Hello world"
 */
export function compileJinja(source) {
    const env = jinjaEnvironment();
    let template;
    try {
        template = new nunjucks.Template(stripTrailingCommas(source), env, undefined, true);
    }
    catch (err) {
        throw new TemplateRenderError(err.message);
    }
    return {
        render(data) {
            try {
                return template.render(data);
            }
            catch (err) {
                throw new TemplateRenderError(err.message.replace(/^\(unknown path\)\s*/, ""));
            }
        },
    };
}
//# sourceMappingURL=jinja.js.map