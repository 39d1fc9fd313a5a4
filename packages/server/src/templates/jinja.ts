import nunjucks from "nunjucks";

/** Raised when a template cannot be parsed or rendered, or a value is undefined (StrictUndefined). */
export class TemplateRenderError extends Error {
  override name = "TemplateRenderError";
}

const JSON_HTML_ESCAPES: Record<string, string> = {
  "<": "\\u003c",
  ">": "\\u003e",
  "&": "\\u0026",
  "'": "\\u0027",
};

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      if (key === "__keywords") continue;
      out[key] = sortKeys((value as Record<string, unknown>)[key]);
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
export function tojson(value: unknown): string {
  if (value === undefined) throw new TemplateRenderError("tojson: value is undefined");
  const text = JSON.stringify(sortKeys(value)) ?? "null";
  return text.replace(/[<>&']/g, (ch) => JSON_HTML_ESCAPES[ch] ?? ch);
}

/** Python slice semantics for strings and arrays (`s[1:]`, `xs[::-1]`, negative indices). */
export function pySlice(
  seq: unknown,
  start: number | null,
  stop: number | null,
  step: number | null,
): unknown {
  const items: unknown[] | string =
    typeof seq === "string" || Array.isArray(seq) ? seq : seq == null ? [] : String(seq);
  const by = step ?? 1;
  if (by === 0) throw new TemplateRenderError("slice step cannot be zero");
  const len = items.length;
  const norm = (i: number | null, fallback: number): number => {
    if (i === null || i === undefined) return fallback;
    if (i < 0) return Math.max(i + len, by < 0 ? -1 : 0);
    return Math.min(i, by < 0 ? len - 1 : len);
  };
  const from = norm(start, by < 0 ? len - 1 : 0);
  const to = norm(stop, by < 0 ? -1 : len);
  const picked: unknown[] = [];
  for (let i = from; by > 0 ? i < to : i > to; i += by) picked.push(items[i]);
  return typeof items === "string" ? picked.join("") : picked;
}

/**
 * Removes trailing commas inside Jinja expressions (`{"a": 1,}`, `[1, 2,]`), which Jinja accepts
 * and nunjucks does not. Only the text inside `{{ }}` and `{% %}` is touched; string literals are kept.
 */
export function stripTrailingCommas(source: string): string {
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
    let quote: string | null = null;
    while (i < source.length) {
      const ch = source[i] as string;
      if (quote) {
        out += ch;
        if (ch === "\\") {
          out += source[i + 1] ?? "";
          i += 2;
          continue;
        }
        if (ch === quote) quote = null;
        i += 1;
        continue;
      }
      if (depth === 0 && source.startsWith(close, i)) break;
      if (ch === '"' || ch === "'") quote = ch;
      else if (ch === "{" || ch === "[" || ch === "(") depth += 1;
      else if (ch === "}" || ch === "]" || ch === ")") depth = Math.max(0, depth - 1);
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

type MemberLookup = (obj: unknown, ...args: unknown[]) => unknown;
let environment: nunjucks.Environment | undefined;

/**
 * The shared Jinja-compatible nunjucks environment: autoescape off (the output is JSON), undefined
 * output throws, `tojson` and `namespace()` as in Jinja, True/False/None, `list.append`, slices.
 * Installing nunjucks' Jinja compatibility patches its runtime once per process (additively).
 *
 * @example
 * jinjaEnvironment().renderString('{{ name | tojson }}', { name: "Ada" }) // => '"Ada"'
 */
export function jinjaEnvironment(): nunjucks.Environment {
  if (environment) return environment;
  nunjucks.installJinjaCompat();
  const runtime = (nunjucks as unknown as { runtime: { memberLookup: MemberLookup } }).runtime;
  const compatLookup = runtime.memberLookup;
  // nunjucks' compat slice returns arrays for strings and reads one past the end; fix both.
  runtime.memberLookup = function memberLookup(this: unknown, obj: unknown, ...args: unknown[]) {
    if (args.length === 3) {
      const [start, stop, step] = args as [number | null, number | null, number | null];
      return pySlice(obj, start, stop, step);
    }
    const [key] = args;
    // Own data wins over Python-style members (`group.items` is the data, not dict.items()).
    if (
      obj !== null &&
      typeof obj === "object" &&
      typeof key === "string" &&
      Object.hasOwn(obj, key)
    ) {
      const value = (obj as Record<string, unknown>)[key];
      return typeof value === "function" ? value.bind(obj) : value;
    }
    return compatLookup.call(this, obj, ...args);
  };
  const env = new nunjucks.Environment(null, { autoescape: false, throwOnUndefined: true });
  env.addFilter("tojson", tojson);
  env.addGlobal("namespace", (...args: unknown[]) => {
    const out: Record<string, unknown> = {};
    for (const arg of args) {
      if (arg && typeof arg === "object" && !Array.isArray(arg)) Object.assign(out, arg);
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
export function compileJinja(source: string): { render(data: Record<string, unknown>): string } {
  const env = jinjaEnvironment();
  let template: nunjucks.Template;
  try {
    template = new nunjucks.Template(stripTrailingCommas(source), env, undefined, true);
  } catch (err) {
    throw new TemplateRenderError((err as Error).message);
  }
  return {
    render(data) {
      try {
        return template.render(data);
      } catch (err) {
        throw new TemplateRenderError((err as Error).message.replace(/^\(unknown path\)\s*/, ""));
      }
    },
  };
}
