/**
 * `Table`, `Table.Row`, `Table.Cell` as a real `<table>`: header rows go into `<thead>` with
 * `<th scope="col">` cells; the table scrolls horizontally when it does not fit.
 */
import { html, nothing } from "lit";
import { styleMap } from "lit/directives/style-map.js";
import type { RenderCtx } from "./context.js";
import { spacingStyles } from "./layout.js";
import { childNodes, num, str, type WNode } from "./node.js";
import { length } from "./tokens.js";

const COL_SIZES: Record<string, string> = {
  xs: "48px",
  sm: "96px",
  md: "160px",
  lg: "240px",
  xl: "320px",
};
const V_ALIGN: Record<string, string> = { start: "top", center: "middle", end: "bottom" };
const H_ALIGN: Record<string, string> = { start: "start", center: "center", end: "end" };

function cell(node: WNode, ctx: RenderCtx, path: string, header: boolean) {
  const style = styleMap({
    width: length(node.width) ?? COL_SIZES[str(node.colSize) ?? ""],
    "text-align": H_ALIGN[str(node.align) ?? ""],
    "vertical-align": V_ALIGN[str(node.vAlign) ?? ""],
    ...spacingStyles("padding", node.padding),
  });
  const colspan = num(node.colSpan);
  const rowspan = num(node.rowSpan);
  const content = ctx.children(node, path);
  return header
    ? html`<th scope="col" style=${style} colspan=${colspan ?? nothing} rowspan=${rowspan ?? nothing}>${content}</th>`
    : html`<td style=${style} colspan=${colspan ?? nothing} rowspan=${rowspan ?? nothing}>${content}</td>`;
}

function row(node: WNode, ctx: RenderCtx, path: string) {
  const header = node.header === true;
  return html`<tr>${childNodes(node).map((c, i) => cell(c, ctx, `${path}/${i}`, header))}</tr>`;
}

/** Renders a `Table` node. */
export function renderTable(node: WNode, ctx: RenderCtx, path: string) {
  const rows = childNodes(node).map((r, i) => ({ r, p: `${path}/${i}` }));
  const head = rows.filter(({ r }) => r.header === true);
  const body = rows.filter(({ r }) => r.header !== true);
  return html`<div class="table-wrap">
    <table class="table">
      ${head.length ? html`<thead>${head.map(({ r, p }) => row(r, ctx, p))}</thead>` : nothing}
      <tbody>${body.map(({ r, p }) => row(r, ctx, p))}</tbody>
    </table>
  </div>`;
}
