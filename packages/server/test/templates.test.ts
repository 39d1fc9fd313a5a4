import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { schemas } from "@threadkit/core";
import { WidgetTemplate, WidgetTemplateError } from "@threadkit/server";
import { describe, expect, it } from "vitest";
import { pySlice, stripTrailingCommas, tojson } from "../src/templates/jinja.js";

const dir = fileURLToPath(new URL("../../../../shared/fixtures/widget-templates", import.meta.url));
const files = readdirSync(dir).filter((f) => f.endsWith(".widget"));

function dropNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(dropNulls);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k, v]) => v !== null || k === "children")
        .map(([k, v]) => [k, dropNulls(v)]),
    );
  }
  return value;
}

/** The Widget Builder's default state, embedded (base64url JSON) in most exports. */
function defaultState(file: string): Record<string, unknown> | undefined {
  const raw = JSON.parse(readFileSync(join(dir, file), "utf8")) as { encodedWidget?: string };
  if (!raw.encodedWidget) return undefined;
  try {
    const decoded = JSON.parse(Buffer.from(raw.encodedWidget, "base64url").toString("utf8"));
    return decoded.defaultState as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

const flight = {
  id: "f1",
  from_airport: "SFO",
  to_airport: "JFK",
  dep_time: "08:00",
  arr_time: "16:30",
  date_label: "Mon 3 Mar",
  cabin: "economy",
};
/** Data for samples whose embedded default state does not fit their own schema. */
const crafted: Record<string, Record<string, unknown>> = {
  "sample-flight_options.widget": {
    options: [flight, { ...flight, id: "f2", dep_time: "11:00" }],
    request: {
      origin: "SFO",
      destination: "JFK",
      depart_date: "2026-03-03",
      return_date: "2026-03-09",
      cabin: "economy",
    },
    selectedId: "f2",
    leg: "outbound",
    actionType: "flight.select",
  },
  "sample-meal_preferences.widget": {
    options: [
      { value: "veg", label: "Vegetarian" },
      { value: "fish", label: "Fish <& 'chips'>" },
    ],
    selected: null,
    actionType: "meal.select",
  },
  // The template reads `item.name` but its schema requires `label` and forbids other keys, so
  // only an empty list fits both (see the test below for the strict-undefined error).
  "sample-line_select.widget": { selected: null, items: [] },
};

describe("WidgetTemplate fixtures", () => {
  for (const file of files.filter((f) => f.startsWith("sdk-"))) {
    it(`${file} builds to its .json twin`, () => {
      const template = WidgetTemplate.fromFile(join(dir, file));
      const dataFile = join(dir, file.replace(/\.widget$/, ".data.json"));
      const data = existsSync(dataFile) ? JSON.parse(readFileSync(dataFile, "utf8")) : undefined;
      const expected = JSON.parse(
        readFileSync(join(dir, file.replace(/\.widget$/, ".json")), "utf8"),
      );
      const widget = template.build(data);
      expect(dropNulls(widget)).toEqual(dropNulls(expected));
      expect(schemas.WidgetRoot.safeParse(widget).success).toBe(true);
    });
  }

  for (const file of files.filter((f) => f.startsWith("sample-"))) {
    it(`${file} builds with data that fits its schema`, () => {
      const template = WidgetTemplate.fromFile(join(dir, file));
      const data = crafted[file] ?? defaultState(file);
      expect(data).toBeDefined();
      template.validateData(data);
      const widget = template.build(data);
      expect(["Card", "ListView", "Basic"]).toContain(widget.type);
      expect(JSON.stringify(widget)).not.toContain(":null");
    });
  }

  it("sample-line_select with items reports the undefined `name` (StrictUndefined)", () => {
    const template = WidgetTemplate.fromFile(join(dir, "sample-line_select.widget"));
    expect(() =>
      template.build({ selected: null, items: [{ id: "b", label: "Blue", color: "blue" }] }),
    ).toThrow(/undefined/);
  });

  it("keeps quotes and markup in data intact through tojson", () => {
    const template = WidgetTemplate.fromFile(join(dir, "sdk-card_with_data.widget"));
    const widget = template.build({
      channel: `#"quoted" <b>&'x'`,
      time: "now",
      user: { image: "/a.png", name: "A \\ B\n" },
    }) as { children: Array<{ children: Array<{ value?: string }> }> };
    expect(widget.children[0]?.children[0]?.value).toBe(`#"quoted" <b>&'x'`);
  });
});

describe("WidgetTemplate errors", () => {
  const base = JSON.stringify({
    version: "1.0",
    name: "t",
    template: '{"type":"Card","children":[{"type":"Text","value":{{ title | tojson }}}]}',
    jsonSchema: {
      type: "object",
      properties: {
        title: { type: "string" },
        meta: { type: "object", properties: { n: { type: "integer" } }, required: ["n"] },
      },
      required: ["title"],
      additionalProperties: false,
    },
  });

  it("rejects a version other than 1.0", () => {
    expect(() =>
      WidgetTemplate.fromString(JSON.stringify({ version: "2.0", template: "" })),
    ).toThrow(/version/);
    expect(() => WidgetTemplate.fromString("not json")).toThrow(WidgetTemplateError);
  });

  it("validates data against the schema first, naming the path", () => {
    const t = WidgetTemplate.fromString(base);
    expect(() => t.build({ title: 3 })).toThrow(/title: must be string/);
    expect(() => t.build({})).toThrow(/title: is required/);
    expect(() => t.build({ title: "x", meta: { n: "1" } })).toThrow(/meta\.n: must be integer/);
    expect(() => t.build({ title: "x", extra: 1 })).toThrow(/extra: is not allowed/);
  });

  it("throws on undefined variables and on output that is not a widget", () => {
    const t = WidgetTemplate.fromString(
      JSON.stringify({
        version: "1.0",
        name: "u",
        template: '{"type":"Card","children":[{{ missing }}]}',
      }),
    );
    expect(() => t.build({})).toThrow(/failed to render/);
    const bad = WidgetTemplate.fromString(
      JSON.stringify({ version: "1.0", name: "b", template: '{"type":"Nope"}' }),
    );
    expect(() => bad.build({})).toThrow(/invalid widget/);
    const notJson = WidgetTemplate.fromString(
      JSON.stringify({ version: "1.0", name: "j", template: "{{ 1 + 1 }} apples" }),
    );
    expect(() => notJson.build({})).toThrow(/valid JSON/);
  });
});

describe("Jinja compatibility", () => {
  it("tojson escapes like Jinja (sorted keys, <>&' as \\u00XX)", () => {
    expect(tojson({ b: 1, a: "<a href='x'>&</a>" })).toBe(
      '{"a":"\\u003ca href=\\u0027x\\u0027\\u003e\\u0026\\u003c/a\\u003e","b":1}',
    );
    expect(() => tojson(undefined)).toThrow();
  });

  it("slices like Python", () => {
    expect(pySlice(",a,b", 1, null, 1)).toBe("a,b");
    expect(pySlice([1, 2, 3, 4], -2, null, 1)).toEqual([3, 4]);
    expect(pySlice("abc", null, null, -1)).toBe("cba");
    expect(pySlice("abc", 5, null, 1)).toBe("");
  });

  it("strips trailing commas only inside expressions", () => {
    expect(stripTrailingCommas('a,] {{ {"x": [1, 2,], "s": ",}",} }}')).toBe(
      'a,] {{ {"x": [1, 2], "s": ",}"} }}',
    );
  });

  it("renders namespace(), append, None, ~ and inline if", () => {
    const t = WidgetTemplate.fromString(
      JSON.stringify({
        version: "1.0",
        name: "ns",
        template:
          '{%- set ns = namespace(items=[]) -%}{%- for x in xs -%}{%- set _ = ns.items.append({"type": "Text", "value": x ~ "!" if x else "none",}) -%}{%- endfor -%}{{ {"type": "Card", "children": ns.items, "key": None} | tojson }}',
      }),
    );
    expect(t.build({ xs: ["a", ""] })).toEqual({
      type: "Card",
      children: [
        { type: "Text", value: "a!" },
        { type: "Text", value: "none" },
      ],
    });
  });
});
