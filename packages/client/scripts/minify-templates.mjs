// An esbuild plugin that minifies the static text of Lit's tagged templates in the client's own
// sources: css`` loses comments and insignificant whitespace, html`` / svg`` collapse every
// whitespace run that contains a line break to one space (HTML renders such a run as one space
// anyway; no client template puts literal whitespace inside <pre> or <textarea>). esbuild's
// minifier leaves template text alone, and these templates are a third of the client's own code.
import { readFileSync } from "node:fs";
import ts from "typescript";

/**
 * Minifies CSS text: comments, whitespace runs and spaces around `{ } ; , >` and after `:`.
 * Spaces inside values (`0 auto`, `calc(100% - 2px)`) and before `:` (`a :hover`) are kept, and
 * so is one space at either end (it may separate the text from an interpolation).
 *
 * @example
 * minifyCss(".a {\n  color: red;\n}\n"); // ".a{color:red}"
 */
export function minifyCss(text) {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/\s+/g, " ")
    .replace(/\s*([{};,>])\s*/g, "$1")
    .replace(/:\s+/g, ":")
    .replace(/;}/g, "}");
}

/**
 * Collapses whitespace runs that contain a line break to one space.
 *
 * @example
 * minifyHtml("<div>\n    <span>x</span>\n  </div>"); // "<div> <span>x</span> </div>"
 */
export function minifyHtml(text) {
  return text.replace(/[ \t]*\n\s*/g, " ");
}

const TAGS = { css: minifyCss, html: minifyHtml, svg: minifyHtml };

/** Rewrites the static parts of every css``/html``/svg`` template in one TypeScript source. */
export function minifyTemplates(code, fileName) {
  const sf = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true);
  const edits = [];
  const visit = (node) => {
    if (
      ts.isTaggedTemplateExpression(node) &&
      ts.isIdentifier(node.tag) &&
      Object.hasOwn(TAGS, node.tag.text)
    ) {
      const minify = TAGS[node.tag.text];
      const t = node.template;
      const parts = ts.isNoSubstitutionTemplateLiteral(t)
        ? [t]
        : [t.head, ...t.templateSpans.map((s) => s.literal)];
      for (const part of parts) {
        const start = part.getStart(sf);
        const end = part.getEnd();
        const raw = code.slice(start, end);
        const open = 1; // "`" or "}"
        const close = raw.endsWith("${") ? 2 : 1;
        edits.push([start + open, end - close, minify(raw.slice(open, raw.length - close))]);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  edits.sort((a, b) => b[0] - a[0]);
  let out = code;
  for (const [s, e, text] of edits) out = out.slice(0, s) + text + out.slice(e);
  return out;
}

/** The esbuild plugin: applies {@link minifyTemplates} to `.ts` files under `srcDir`. */
export function templateMinifier(srcDir) {
  return {
    name: "threadkit-minify-templates",
    setup(b) {
      b.onLoad({ filter: /\.ts$/ }, (args) => {
        if (!args.path.startsWith(srcDir)) return undefined;
        const code = readFileSync(args.path, "utf8");
        return { contents: minifyTemplates(code, args.path), loader: "ts" };
      });
    },
  };
}
