/**
 * Builders: one function per widget, named as the widget, that fills in `type` and checks every
 * prop at compile time (optional props accept `undefined`). Props whose value is `undefined` are
 * left out of the result. `Table.Row` / `Table.Cell` (wire types `"Table.Row"` / `"Table.Cell"`)
 * are built with `Table.Row(...)` / `Table.Cell(...)` or the equivalent `TableRow` / `TableCell`.
 *
 * @example
 * ```ts
 * Card({ children: [Button({ label: "Example", onClickAction: { type: "example", payload: { id: 123 } } })] });
 * ```
 */

import { normalizeDateTime } from "./schemas/datetime.js";
import type * as S from "./schemas.js";

type Props<T> = Omit<T, "type">;

function build<T>(type: string, props: object | undefined): T {
  const out: Record<string, unknown> = { type };
  if (props) for (const [k, v] of Object.entries(props)) if (v !== undefined) out[k] = v;
  return out as T;
}

/** A card root; see the {@link S.Card} type. */
export type Card = S.Card;
/**
 * Builds a card root.
 * @example Card({ size: "sm", children: [Text({ value: "Hello" })], confirm: { label: "OK", action: { type: "ok" } } })
 */
export function Card(props: Props<Card>): Card {
  return build<Card>("Card", props);
}

/** A list root; see the {@link S.ListView} type. */
export type ListView = S.ListView;
/**
 * Builds a list root.
 * @example ListView({ limit: 3, children: [ListViewItem({ children: [Text({ value: "One" })] })] })
 */
export function ListView(props: Props<ListView>): ListView {
  return build<ListView>("ListView", props);
}

/** A list row; see the {@link S.ListViewItem} type. */
export type ListViewItem = S.ListViewItem;
/**
 * Builds a list row.
 * @example ListViewItem({ onClickAction: { type: "open", payload: { id: 1 } }, children: [Text({ value: "One" })] })
 */
export function ListViewItem(props: Props<ListViewItem>): ListViewItem {
  return build<ListViewItem>("ListViewItem", props);
}

/** A bare root (entity previews); see the {@link S.Basic} type. */
export type Basic = S.Basic;
/**
 * Builds a bare root (entity previews).
 * @example Basic({ gap: 1, children: [Title({ value: "Harry Potter", size: "sm" })] })
 */
export function Basic(props: Props<Basic>): Basic {
  return build<Basic>("Basic", props);
}

/** A flex box; see the {@link S.Box} type. */
export type Box = S.Box;
/**
 * Builds a flex box.
 * @example Box({ direction: "row", gap: 2, children: [] })
 */
export function Box(props?: Props<Box>): Box {
  return build<Box>("Box", props);
}

/** A horizontal flex box; see the {@link S.Row} type. */
export type Row = S.Row;
/**
 * Builds a horizontal flex box.
 * @example Row({ gap: 2, children: [Text({ value: "a" }), Spacer(), Text({ value: "b" })] })
 */
export function Row(props?: Props<Row>): Row {
  return build<Row>("Row", props);
}

/** A vertical flex box; see the {@link S.Col} type. */
export type Col = S.Col;
/**
 * Builds a vertical flex box.
 * @example Col({ gap: 1, children: [Title({ value: "Title" })] })
 */
export function Col(props?: Props<Col>): Col {
  return build<Col>("Col", props);
}

/** A form (`validation: "native"` is accepted and is the default); see the {@link S.Form} type. */
export type Form = S.Form;
/**
 * Builds a form (`validation: "native"` is accepted and is the default).
 * @example Form({ direction: "col", validation: "native", onSubmitAction: { type: "update_todo", payload: { id: "t1" } }, children: [Button({ label: "Save", submit: true })] })
 */
export function Form(props?: Props<Form>): Form {
  return build<Form>("Form", props);
}

/** A divider; see the {@link S.Divider} type. */
export type Divider = S.Divider;
/**
 * Builds a divider.
 * @example Divider({ flush: true })
 */
export function Divider(props?: Props<Divider>): Divider {
  return build<Divider>("Divider", props);
}

/** Flexible space; see the {@link S.Spacer} type. */
export type Spacer = S.Spacer;
/**
 * Builds flexible space.
 * @example Spacer()
 */
export function Spacer(props?: Props<Spacer>): Spacer {
  return build<Spacer>("Spacer", props);
}

/** An animated wrapper of one child; see the {@link S.Transition} type. */
export type Transition = S.Transition;
/**
 * Builds an animated wrapper of one child.
 * @example Transition({ children: Text({ value: "Done" }) })
 */
export function Transition(props?: Props<Transition>): Transition {
  return build<Transition>("Transition", props);
}

/** Text (editable when `editable` is set); see the {@link S.Text} type. */
export type Text = S.Text;
/**
 * Builds text (editable when `editable` is set).
 * @example Text({ value: todo.title, editable: { name: "title", required: true } })
 */
export function Text(props: Props<Text>): Text {
  return build<Text>("Text", props);
}

/** A heading; see the {@link S.Title} type. */
export type Title = S.Title;
/**
 * Builds a heading.
 * @example Title({ value: "Edit Todo" })
 */
export function Title(props: Props<Title>): Title {
  return build<Title>("Title", props);
}

/** Small secondary text; see the {@link S.Caption} type. */
export type Caption = S.Caption;
/**
 * Builds small secondary text.
 * @example Caption({ value: "Depart", color: "secondary" })
 */
export function Caption(props: Props<Caption>): Caption {
  return build<Caption>("Caption", props);
}

/** Markdown text; see the {@link S.Markdown} type. */
export type Markdown = S.Markdown;
/**
 * Builds markdown text.
 * @example Markdown({ id: "answer", value: "", streaming: true })
 */
export function Markdown(props: Props<Markdown>): Markdown {
  return build<Markdown>("Markdown", props);
}

/** A label for the control named `fieldName`; see the {@link S.Label} type. */
export type Label = S.Label;
/**
 * Builds a label for the control named `fieldName`.
 * @example Label({ value: "Title", fieldName: "title" })
 */
export function Label(props: Props<Label>): Label {
  return build<Label>("Label", props);
}

/** A badge; see the {@link S.Badge} type. */
export type Badge = S.Badge;
/**
 * Builds a badge.
 * @example Badge({ label: "Business", color: "discovery", variant: "soft" })
 */
export function Badge(props: Props<Badge>): Badge {
  return build<Badge>("Badge", props);
}

/** An icon; see the {@link S.Icon} type. */
export type Icon = S.Icon;
/**
 * Builds an icon.
 * @example Icon({ name: "check-circle", color: "success" })
 */
export function Icon(props: Props<Icon>): Icon {
  return build<Icon>("Icon", props);
}

/** An image; see the {@link S.Image} type. */
export type Image = S.Image;
/**
 * Builds an image.
 * @example Image({ src: "/pam.png", alt: "Pam", size: 44, radius: "full" })
 */
export function Image(props: Props<Image>): Image {
  return build<Image>("Image", props);
}

/** A button (`submit: true` submits the enclosing form; the seed's `type="submit"`); see the {@link S.Button} type. */
export type Button = S.Button;
/**
 * Builds a button (`submit: true` submits the enclosing form; the seed's `type="submit"`).
 * @example Button({ label: "Example", onClickAction: { type: "example", payload: { id: 123 } } })
 */
export function Button(props: Props<Button>): Button {
  return build<Button>("Button", props);
}

/** A one-line text field; see the {@link S.Input} type. */
export type Input = S.Input;
/**
 * Builds a one-line text field.
 * @example Input({ name: "email", inputType: "email", required: true })
 */
export function Input(props: Props<Input>): Input {
  return build<Input>("Input", props);
}

/** A multi-line text field; see the {@link S.Textarea} type. */
export type Textarea = S.Textarea;
/**
 * Builds a multi-line text field.
 * @example Textarea({ name: "notes", rows: 4 })
 */
export function Textarea(props: Props<Textarea>): Textarea {
  return build<Textarea>("Textarea", props);
}

/** A drop-down; see the {@link S.Select} type. */
export type Select = S.Select;
/**
 * Builds a drop-down.
 * @example Select({ name: "line", options: [{ value: "blue", label: "Blue" }] })
 */
export function Select(props: Props<Select>): Select {
  return build<Select>("Select", props);
}

/** A checkbox; see the {@link S.Checkbox} type. */
export type Checkbox = S.Checkbox;
/**
 * Builds a checkbox.
 * @example Checkbox({ name: "done", label: "Done" })
 */
export function Checkbox(props: Props<Checkbox>): Checkbox {
  return build<Checkbox>("Checkbox", props);
}

/** A radio group; see the {@link S.RadioGroup} type. */
export type RadioGroup = S.RadioGroup;
/**
 * Builds a radio group.
 * @example RadioGroup({ name: "meal", options: [{ value: "veg", label: "Vegetarian" }] })
 */
export function RadioGroup(props: Props<RadioGroup>): RadioGroup {
  return build<RadioGroup>("RadioGroup", props);
}

/** A date picker; see the {@link S.DatePicker} type. */
export type DatePicker = S.DatePicker;
/** DatePicker date-time props as given: ISO strings, Unix time or `Date`s. */
type DatePickerProps = Omit<Props<DatePicker>, "defaultValue" | "min" | "max"> & {
  [K in "defaultValue" | "min" | "max"]?: string | number | Date | undefined;
};

/**
 * Builds a date picker. `defaultValue`, `min` and `max` come out as chatkit-python serialises
 * its `datetime`s (`"2026-03-01"` → `"2026-03-01T00:00:00"`); a value that is no date-time is
 * kept as given, for validation to report.
 * @example DatePicker({ name: "due", placeholder: "Due date", min: new Date() })
 */
export function DatePicker(props: DatePickerProps): DatePicker {
  const out = build<Record<string, unknown>>("DatePicker", props);
  for (const key of ["defaultValue", "min", "max"] as const)
    if (out[key] !== undefined) out[key] = normalizeDateTime(out[key]) ?? out[key];
  return out as unknown as DatePicker;
}

/** A chart; see the {@link S.Chart} type. */
export type Chart = S.Chart;
/**
 * Builds a chart.
 * @example Chart({ data: [{ m: "Jan", v: 3 }], series: [{ type: "bar", dataKey: "v" }], xAxis: "m" })
 */
export function Chart(props: Props<Chart>): Chart {
  return build<Chart>("Chart", props);
}

/** A table row (also `Table.Row`); see the {@link S.TableRow} type. */
export type TableRow = S.TableRow;
/**
 * Builds a table row (also `Table.Row`).
 * @example TableRow({ header: true, children: [TableCell({ children: [Text({ value: "Name" })] })] })
 */
export function TableRow(props?: Props<TableRow>): TableRow {
  return build<TableRow>("Table.Row", props);
}

/** A table cell (also `Table.Cell`); see the {@link S.TableCell} type. */
export type TableCell = S.TableCell;
/**
 * Builds a table cell (also `Table.Cell`).
 * @example TableCell({ align: "end", children: [Text({ value: "3" })] })
 */
export function TableCell(props?: Props<TableCell>): TableCell {
  return build<TableCell>("Table.Cell", props);
}

/** A table; see the {@link S.Table} type. */
export type Table = S.Table;
/**
 * Builds a table; `Table.Row` and `Table.Cell` build its rows and cells.
 * @example
 * Table({ children: [Table.Row({ children: [Table.Cell({ children: [Text({ value: "1" })] })] })] });
 */
export function Table(props?: Props<Table>): Table {
  return build<Table>("Table", props);
}
Table.Row = TableRow;
Table.Cell = TableCell;
