import {
  Badge,
  Basic,
  Box,
  Button,
  Caption,
  Card,
  Chart,
  Checkbox,
  Col,
  DatePicker,
  Divider,
  Form,
  Icon,
  Image,
  Input,
  isWidgetType,
  Label,
  ListView,
  ListViewItem,
  Markdown,
  RadioGroup,
  Row,
  Select,
  Spacer,
  schemas,
  serialize,
  Table,
  TableCell,
  TableRow,
  Text,
  Textarea,
  Title,
  Transition,
  type WidgetComponent,
  type WidgetRoot,
} from "@threadkit/core";
import { describe, expect, expectTypeOf, it } from "vitest";

describe("widget builders", () => {
  it("translate the seed's Button line by line", () => {
    const button = Button({
      label: "Example",
      onClickAction: { type: "example", payload: { id: 123 } },
    });
    expect(button).toEqual({
      type: "Button",
      label: "Example",
      onClickAction: { type: "example", payload: { id: 123 } },
    });
    expectTypeOf(button).toEqualTypeOf<Button>();
  });

  it("translate the seed's Form example", () => {
    const todo = { id: "t1", title: "Buy milk", description: "2 litres" };
    const form = Form({
      direction: "col",
      validation: "native",
      onSubmitAction: { type: "update_todo", payload: { id: todo.id } },
      children: [
        Title({ value: "Edit Todo" }),
        Text({ value: "Title", color: "secondary", size: "sm" }),
        Text({ value: todo.title, editable: { name: "title", required: true } }),
        Text({ value: "Description", color: "secondary", size: "sm" }),
        Text({ value: todo.description, editable: { name: "description" } }),
        Button({ label: "Save", submit: true }),
      ],
    });
    const card = Card({ children: [form] });
    expect(schemas.WidgetRoot.parse(card)).toEqual(card);
    expect(form.children?.[2]).toEqual({
      type: "Text",
      value: "Buy milk",
      editable: { name: "title", required: true },
    });
  });

  it("rebuild the sdk card fixture exactly", () => {
    const card = Card({
      size: "md",
      children: [
        Row({
          children: [
            Text({ value: "#proj-chatkit" }),
            Spacer(),
            Text({ value: "4:48 PM", color: "tertiary" }),
          ],
        }),
        Divider({ flush: true }),
        Row({
          align: "start",
          gap: 4,
          children: [
            Image({ src: "/pam.png", size: 44 }),
            Col({
              children: [
                Text({ value: "Pam Beesly", weight: "semibold" }),
                Markdown({ value: "**Next week**" }),
              ],
            }),
          ],
        }),
        Spacer(),
      ],
    });
    expect(serialize(card)).toMatchObject({ type: "Card", size: "md" });
    expect(schemas.WidgetRoot.parse(card)).toEqual(card);
  });

  it("fill in type for every component and drop undefined props", () => {
    const maybe: string | undefined = undefined;
    const built: [unknown, string][] = [
      [Card({ children: [], status: { text: "s" } }), "Card"],
      [ListView({ children: [ListViewItem({ children: [] })] }), "ListView"],
      [ListViewItem({ children: [], onClickAction: { type: "x" } }), "ListViewItem"],
      [Basic({ children: [] }), "Basic"],
      [Box({ direction: "row" }), "Box"],
      [Row(), "Row"],
      [Col({ gap: 1 }), "Col"],
      [Form(), "Form"],
      [Text({ value: "t", color: maybe }), "Text"],
      [Title({ value: "t" }), "Title"],
      [Caption({ value: "c" }), "Caption"],
      [Markdown({ value: "m" }), "Markdown"],
      [Label({ value: "l", fieldName: "f" }), "Label"],
      [Badge({ label: "b" }), "Badge"],
      [Icon({ name: "check" }), "Icon"],
      [Image({ src: "s" }), "Image"],
      [Button({}), "Button"],
      [Input({ name: "i" }), "Input"],
      [Textarea({ name: "t" }), "Textarea"],
      [Select({ name: "s", options: [] }), "Select"],
      [Checkbox({ name: "c" }), "Checkbox"],
      [RadioGroup({ name: "r" }), "RadioGroup"],
      [DatePicker({ name: "d" }), "DatePicker"],
      [Divider(), "Divider"],
      [Spacer(), "Spacer"],
      [Transition({ children: Text({ value: "x" }) }), "Transition"],
      [Chart({ data: [], series: [], xAxis: "x" }), "Chart"],
      [Table(), "Table"],
      [TableRow(), "Table.Row"],
      [TableCell(), "Table.Cell"],
      [Table.Row({ header: true }), "Table.Row"],
      [Table.Cell({ colSpan: 2 }), "Table.Cell"],
    ];
    for (const [node, type] of built) {
      expect((node as { type: string }).type).toBe(type);
      expect(schemas.WidgetNode.safeParse(node).success, type).toBe(true);
    }
    expect(Object.keys(Text({ value: "t", color: maybe }))).toEqual(["type", "value"]);
  });

  it("build tables with Table.Row and Table.Cell", () => {
    const table = Table({
      children: [
        Table.Row({
          header: true,
          children: [Table.Cell({ children: [Text({ value: "Name" })] })],
        }),
      ],
    });
    expect(table).toEqual({
      type: "Table",
      children: [
        {
          type: "Table.Row",
          header: true,
          children: [{ type: "Table.Cell", children: [{ type: "Text", value: "Name" }] }],
        },
      ],
    });
  });

  it("type the results precisely and narrow with isWidgetType", () => {
    const root: WidgetRoot = Card({ children: [Text({ value: "x" })] });
    expectTypeOf(Text({ value: "x" })).toEqualTypeOf<Text>();
    expectTypeOf<Button["variant"]>().toEqualTypeOf<
      "solid" | "soft" | "outline" | "ghost" | undefined
    >();
    const child: WidgetComponent | undefined = root.type === "Card" ? root.children[0] : undefined;
    if (child && isWidgetType(child, "Text")) expectTypeOf(child.value).toEqualTypeOf<string>();
    expect(child && isWidgetType(child, "Text")).toBe(true);
  });

  it("reject wrong props at compile time", () => {
    const bad = () => {
      // @ts-expect-error -- misspelled prop
      Button({ lable: "x" });
      // @ts-expect-error -- value must be a string
      Text({ value: 3 });
      // @ts-expect-error -- value is required
      Text({});
      // @ts-expect-error -- not a Button style
      Button({ style: "tertiary" });
      // @ts-expect-error -- an action needs a type
      Button({ onClickAction: { payload: { id: 1 } } });
      // @ts-expect-error -- unknown loading behaviour
      Button({ onClickAction: { type: "x", loadingBehavior: "spinner" } });
      // @ts-expect-error -- not a built-in icon
      Icon({ name: "rocket" });
      // @ts-expect-error -- only "native" validation exists
      Form({ validation: "custom" });
      // @ts-expect-error -- ListView children are ListViewItems
      ListView({ children: [Text({ value: "x" })] });
      // @ts-expect-error -- a Card needs children
      Card({ size: "md" });
      // @ts-expect-error -- type is filled in by the builder
      Badge({ type: "Badge", label: "x" });
      // @ts-expect-error -- Select options need labels
      Select({ name: "s", options: [{ value: "a" }] });
      // @ts-expect-error -- Card size
      Card({ children: [], size: "xl" });
    };
    expect(typeof bad).toBe("function");
  });
});
