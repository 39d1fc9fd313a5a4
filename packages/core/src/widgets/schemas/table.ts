/**
 * The Table widget (ChatKit.js): `Table` holds `Table.Row`s, which hold `Table.Cell`s. On the wire
 * the row and cell types are the strings `"Table.Row"` and `"Table.Cell"`.
 */
import { z } from "zod";
import { Length, SpacingValue } from "./common.js";
import { childList, node } from "./helpers.js";
import type { NodeBase } from "./text.js";
import type { WidgetComponent } from "./union.js";

/**
 * A table.
 * @example const t: Table = { type: "Table", children: [{ type: "Table.Row", children: [] }] };
 */
export interface Table extends NodeBase {
  type: "Table";
  children?: TableRow[] | undefined;
}

/**
 * A table row; `header: true` makes its cells header cells.
 * @example const r: TableRow = { type: "Table.Row", header: true, children: [] };
 */
export interface TableRow extends NodeBase {
  type: "Table.Row";
  children?: TableCell[] | undefined;
  header?: boolean | undefined;
}

/**
 * A table cell.
 * @example const c: TableCell = { type: "Table.Cell", align: "end", children: [{ type: "Text", value: "3" }] };
 */
export interface TableCell extends NodeBase {
  type: "Table.Cell";
  children?: WidgetComponent[] | undefined;
  width?: Length | undefined;
  padding?: SpacingValue | undefined;
  colSpan?: number | undefined;
  rowSpan?: number | undefined;
  align?: "start" | "center" | "end" | undefined;
  /** Vertical alignment of the content (ChatKit's `TableCellAlignValue`). */
  vAlign?: "start" | "center" | "end" | undefined;
  colSize?: "xs" | "sm" | "md" | "lg" | "xl" | undefined;
}

/** Schema of {@link TableCell}. */
export const TableCell = node<TableCell>("Table.Cell", {
  children: childList<WidgetComponent>().optional(),
  width: Length.optional(),
  padding: SpacingValue.optional(),
  colSpan: z.number().optional(),
  rowSpan: z.number().optional(),
  align: z.enum(["start", "center", "end"]).optional(),
  vAlign: z.enum(["start", "center", "end"]).optional(),
  colSize: z.enum(["xs", "sm", "md", "lg", "xl"]).optional(),
});

/** Schema of {@link TableRow}. */
export const TableRow = node<TableRow>("Table.Row", {
  children: z.array(TableCell).optional(),
  header: z.boolean().optional(),
});

/** Schema of {@link Table}. */
export const Table = node<Table>("Table", { children: z.array(TableRow).optional() });
