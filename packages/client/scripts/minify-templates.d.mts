/** Types of minify-templates.mjs (the bundle script's template minifier). */
export function minifyCss(text: string): string;
export function minifyHtml(text: string): string;
export function minifyTemplates(code: string, fileName: string): string;
export function templateMinifier(srcDir: string): {
  name: string;
  setup(build: unknown): void;
};
