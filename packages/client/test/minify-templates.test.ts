import { describe, expect, it } from "vitest";
import { minifyCss, minifyHtml, minifyTemplates } from "../scripts/minify-templates.mjs";

describe("template minifier", () => {
  it("minifies CSS without touching values, calc() or descendant pseudo selectors", () => {
    expect(
      minifyCss(
        "/* c */\n.a > .b,\n.c :hover {\n  margin: 0 auto;\n  width: calc(100% - 2px);\n}\n",
      ),
    ).toBe(" .a>.b,.c :hover{margin:0 auto;width:calc(100% - 2px)}");
  });

  it("keeps one space next to an interpolation", () => {
    expect(minifyCss("  margin: ")).toBe(" margin:");
    expect(minifyCss(" auto;\n}")).toBe(" auto}");
  });

  it("collapses only whitespace runs with a line break in HTML", () => {
    expect(minifyHtml('<div\n    class="a">\n  <b>x</b>  y\n</div>')).toBe(
      '<div class="a"> <b>x</b>  y </div>',
    );
  });

  it("rewrites css``, html`` and svg`` templates only, around interpolations", () => {
    const code = [
      "const s = css`\n  .a {\n    color: red;\n  }\n`;",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: source text for the minifier
      "const t = html`<p\n  class=${c}>\n  ${x}\n</p>`;",
      "const u = `keep\n  this`;",
      "const v = other`keep\n  this too`;",
    ].join("\n");
    expect(minifyTemplates(code, "x.ts")).toBe(
      [
        "const s = css` .a{color:red}`;",
        // biome-ignore lint/suspicious/noTemplateCurlyInString: source text for the minifier
        "const t = html`<p class=${c}> ${x} </p>`;",
        "const u = `keep\n  this`;",
        "const v = other`keep\n  this too`;",
      ].join("\n"),
    );
  });
});
