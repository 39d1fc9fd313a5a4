import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { schemas, serialize } from "@threadkit/core";
import { describe, expect, it } from "vitest";

const FIXTURES = fileURLToPath(new URL("../../../../shared/fixtures/widgets", import.meta.url));

/** Removes null-valued keys at every depth (ChatKit treats them as unset). */
function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== null)
        .map(([k, v]) => [k, withoutNulls(v)]),
    );
  }
  return value;
}

describe("widget fixtures", () => {
  const files = readdirSync(FIXTURES).filter((f) => f.endsWith(".json"));

  it("finds the fixture files", () => {
    expect(files.length).toBeGreaterThanOrEqual(14);
  });

  for (const file of files) {
    it(`${file} parses as a WidgetRoot and serialises back to the same JSON`, () => {
      const json: unknown = JSON.parse(readFileSync(join(FIXTURES, file), "utf8"));
      const parsed = schemas.WidgetRoot.parse(json);
      expect(withoutNulls(serialize(parsed))).toEqual(withoutNulls(json));
    });
  }
});

describe("WidgetRoot parsing", () => {
  it("keeps unknown props on known and unknown components", () => {
    const json = {
      type: "ListView",
      of: [],
      children: [
        {
          type: "ListViewItem",
          children: [
            { type: "Box", scrollable: true, children: [] },
            { type: "Sparkline", points: [1, 2], children: { type: "Text", value: "x", glow: 1 } },
          ],
        },
      ],
    };
    expect(schemas.WidgetRoot.parse(json)).toEqual(json);
  });

  it("validates known components nested under unknown ones", () => {
    const json = {
      type: "Card",
      children: [{ type: "Mystery", children: [{ type: "Text", value: 3 }] }],
    };
    const result = schemas.WidgetRoot.safeParse(json);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(["children", 0, "children", 0, "value"]);
    expect(result.error?.issues[0]?.message).toMatch(/expected string/);
  });

  it("drops null props and accepts null children", () => {
    const parsed = schemas.WidgetRoot.parse({
      type: "Card",
      key: null,
      padding: null,
      children: [{ type: "Box", children: null, background: "red-100" }],
    });
    expect(parsed).toEqual({ type: "Card", children: [{ type: "Box", background: "red-100" }] });
  });

  it("rejects a component type as a root, naming the type", () => {
    const result = schemas.WidgetRoot.safeParse({ type: "Text", value: "x" });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(["type"]);
    expect(result.error?.issues[0]?.message).toBe(
      'expected type Card | ListView | Basic, got "Text"',
    );
  });

  it("rejects non-objects and nodes without a string type", () => {
    expect(schemas.WidgetRoot.safeParse("Card").success).toBe(false);
    expect(schemas.WidgetComponent.safeParse({ value: "x" }).success).toBe(false);
    const nested = schemas.WidgetRoot.safeParse({ type: "Card", children: [{ type: 1 }] });
    expect(nested.error?.issues[0]?.path).toEqual(["children", 0]);
  });

  it("checks enums, required props and actions with precise paths", () => {
    const cases: [unknown, (string | number)[]][] = [
      [{ type: "Card", size: "xxl", children: [] }, ["size"]],
      [{ type: "Card" }, ["children"]],
      [
        { type: "Card", children: [{ type: "Button", onClickAction: { payload: 1 } }] },
        ["children", 0, "onClickAction", "type"],
      ],
      [
        { type: "Card", confirm: { label: "OK", action: { type: 3 } }, children: [] },
        ["confirm", "action", "type"],
      ],
      [{ type: "Card", children: [{ type: "Icon", name: "rocket" }] }, ["children", 0, "name"]],
      [{ type: "ListView", children: [{ type: "Text", value: "x" }] }, ["children", 0, "type"]],
      [
        { type: "Card", children: [{ type: "Select", name: "s", options: [{ value: "a" }] }] },
        ["children", 0, "options", 0, "label"],
      ],
    ];
    for (const [json, path] of cases) {
      const result = schemas.WidgetRoot.safeParse(json);
      expect(result.success, JSON.stringify(json)).toBe(false);
      expect(result.error?.issues[0]?.path).toEqual(path);
    }
  });

  it("accepts every component of the Python and JS SDKs", () => {
    const action = {
      type: "a",
      payload: { x: 1 },
      handler: "client",
      loadingBehavior: "self",
      streaming: false,
    };
    const children = [
      { type: "Text", value: "t", editable: { name: "title", required: true, pattern: "[a-z]+" } },
      {
        type: "Text",
        value: "t",
        editable: false,
        streaming: true,
        italic: true,
        lineThrough: true,
        size: "xl",
        minLines: 1,
      },
      { type: "Title", value: "t", size: "5xl", weight: "bold" },
      { type: "Caption", value: "c", size: "lg", color: { light: "red-100", dark: "red-900" } },
      { type: "Markdown", value: "**m**", streaming: false, id: "md" },
      { type: "Label", value: "l", fieldName: "title", size: "sm" },
      { type: "Badge", label: "b", color: "info", variant: "outline", size: "lg", pill: true },
      { type: "Icon", name: "lucide:rocket", size: "3xl" },
      {
        type: "Image",
        src: "/a.png",
        fit: "contain",
        position: "bottom right",
        frame: true,
        radius: "full",
        aspectRatio: 1.5,
      },
      {
        type: "Button",
        label: "b",
        submit: true,
        onClickAction: action,
        iconStart: "check",
        style: "primary",
        color: "caution",
        variant: "ghost",
        size: "3xs",
        iconSize: "2xl",
        uniform: true,
        block: true,
        disabled: false,
      },
      {
        type: "Box",
        direction: "row",
        wrap: "wrap-reverse",
        border: { top: 1, bottom: { size: 2, style: "dashed" } },
        padding: { x: 2 },
        children: [],
      },
      { type: "Row", justify: "evenly", align: "baseline", gap: "8px", children: [] },
      { type: "Col", flex: 1, minHeight: 40, maxWidth: "50%", margin: 2, children: [] },
      {
        type: "Form",
        validation: "native",
        direction: "col",
        onSubmitAction: action,
        children: [],
      },
      { type: "Divider", spacing: 4, size: 2, color: "subtle", flush: false },
      { type: "Spacer", minSize: 8 },
      { type: "Transition", children: { type: "Text", value: "x" } },
      {
        type: "Input",
        name: "i",
        inputType: "password",
        pattern: "\\d+",
        gutterSize: "2xs",
        variant: "outline",
        pill: true,
      },
      { type: "Textarea", name: "t", rows: 3, autoResize: true, maxRows: 8 },
      {
        type: "Select",
        name: "s",
        options: [{ value: "a", label: "A", disabled: true, description: "d" }],
        searchable: true,
        clearable: true,
        onChangeAction: action,
      },
      { type: "Checkbox", name: "c", defaultChecked: true, required: true, onChangeAction: action },
      {
        type: "RadioGroup",
        name: "r",
        options: [{ value: "a", label: "A", disabled: false }],
        ariaLabel: "R",
        direction: "row",
      },
      {
        type: "DatePicker",
        name: "d",
        min: "2025-01-01T00:00:00Z",
        side: "top",
        align: "end",
        onChangeAction: action,
      },
      {
        type: "Chart",
        data: [{ m: "Jan", v: 1 }],
        series: [
          { type: "bar", dataKey: "v", stack: "s" },
          { type: "area", dataKey: "v", curveType: "natural" },
          { type: "line", dataKey: "v", label: "V" },
        ],
        xAxis: { dataKey: "m", hide: false, labels: { Jan: "January" } },
        showLegend: true,
        barGap: 2,
      },
      {
        type: "Table",
        children: [
          {
            type: "Table.Row",
            header: true,
            children: [
              {
                type: "Table.Cell",
                colSpan: 2,
                vAlign: "center",
                colSize: "xs",
                children: [{ type: "Text", value: "h" }],
              },
            ],
          },
        ],
      },
    ];
    const card = {
      type: "Card",
      asForm: true,
      size: "full",
      status: { text: "Working", icon: "sparkle" },
      confirm: { label: "OK", action },
      cancel: { label: "No", action: { type: "no" } },
      theme: "dark",
      collapsed: false,
      children,
    };
    expect(schemas.WidgetRoot.parse(card)).toEqual(card);
    const list = {
      type: "ListView",
      limit: "auto",
      status: { text: "s", favicon: "/f.ico", frame: true },
      children: [
        { type: "ListViewItem", gap: 2, align: "center", onClickAction: action, children },
      ],
    };
    expect(schemas.WidgetRoot.parse(list)).toEqual(list);
    const basic = { type: "Basic", direction: "row", justify: "between", children: [card] };
    expect(schemas.WidgetRoot.parse(basic)).toEqual(basic);
  });

  it("exposes each component schema under its name", () => {
    expect(schemas.Button.parse({ type: "Button", label: "x" })).toEqual({
      type: "Button",
      label: "x",
    });
    expect(schemas.TableRow.safeParse({ type: "Table.Row" }).success).toBe(true);
    expect(schemas.Text.safeParse({ type: "Title", value: "x" }).success).toBe(false);
    expect(schemas.WidgetNode.parse({ type: "Spacer" })).toEqual({ type: "Spacer" });
  });
});
