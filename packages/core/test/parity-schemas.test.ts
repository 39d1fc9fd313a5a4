import { describe, expect, it } from "vitest";
import { DatePicker, schemas } from "../src/index.js";

const parses = (schema: { safeParse(v: unknown): { success: boolean } }, value: unknown) =>
  schema.safeParse(value).success;

describe("widget schemas match the official SDKs", () => {
  it("Select and DatePicker take every ControlVariant; Input and Textarea only soft | outline", () => {
    for (const variant of ["solid", "soft", "outline", "ghost"]) {
      expect(parses(schemas.Select, { type: "Select", name: "s", options: [], variant })).toBe(
        true,
      );
      expect(parses(schemas.DatePicker, { type: "DatePicker", name: "d", variant })).toBe(true);
    }
    expect(
      parses(schemas.Select, { type: "Select", name: "s", options: [], variant: "bold" }),
    ).toBe(false);
    for (const variant of ["soft", "outline"]) {
      expect(parses(schemas.Input, { type: "Input", name: "i", variant })).toBe(true);
      expect(parses(schemas.Textarea, { type: "Textarea", name: "t", variant })).toBe(true);
    }
    for (const variant of ["solid", "ghost"]) {
      expect(parses(schemas.Input, { type: "Input", name: "i", variant })).toBe(false);
      expect(parses(schemas.Textarea, { type: "Textarea", name: "t", variant })).toBe(false);
    }
  });

  it("Table.Cell vAlign is start | center | end", () => {
    for (const vAlign of ["start", "center", "end"])
      expect(parses(schemas.TableCell, { type: "Table.Cell", vAlign })).toBe(true);
    for (const vAlign of ["top", "middle", "bottom"])
      expect(parses(schemas.TableCell, { type: "Table.Cell", vAlign })).toBe(false);
  });
});

describe("DatePicker date-times (chatkit-python `datetime`)", () => {
  const cases: [unknown, string][] = [
    ["2026-03-01", "2026-03-01T00:00:00"],
    ["2026-03-01T09:30", "2026-03-01T09:30:00"],
    ["2026-03-01T09:30:15Z", "2026-03-01T09:30:15Z"],
    ["2026-03-01 09:30:15+00:00", "2026-03-01T09:30:15Z"],
    ["2026-03-01T09:30:15.5-05:00", "2026-03-01T09:30:15.500000-05:00"],
    ["2026-03-01T09:30:15.123456789+0530", "2026-03-01T09:30:15.123456+05:30"],
    [0, "1970-01-01T00:00:00Z"],
    [1772357415, "2026-03-01T09:30:15Z"],
    [1772357415250, "2026-03-01T09:30:15.250000Z"],
    [new Date(Date.UTC(2026, 2, 1, 9, 30, 15)), "2026-03-01T09:30:15Z"],
  ];
  it("accepts Pydantic's input shapes and emits its serialised form", () => {
    for (const [input, output] of cases) {
      const parsed = schemas.DatePicker.parse({
        type: "DatePicker",
        name: "d",
        defaultValue: input,
        min: input,
        max: input,
      });
      expect(parsed, String(input)).toMatchObject({
        defaultValue: output,
        min: output,
        max: output,
      });
    }
  });

  it("refuses what is not a date-time", () => {
    for (const bad of [
      "tomorrow",
      "2026-02-30",
      "2026-03-01T25:00",
      "2026-03-01T10:00+24:00",
      "",
      NaN,
      {},
    ])
      expect(
        parses(schemas.DatePicker, { type: "DatePicker", name: "d", defaultValue: bad }),
        String(bad),
      ).toBe(false);
  });

  it("the builder emits the normalised value", () => {
    expect(DatePicker({ name: "due", defaultValue: "2026-03-01" }).defaultValue).toBe(
      "2026-03-01T00:00:00",
    );
  });
});

describe("attachments carry absolute URLs", () => {
  const image = {
    type: "image",
    id: "atc_1",
    name: "p.png",
    mime_type: "image/png",
    preview_url: "https://chat.example/chatkit/files/atc_1",
    upload_descriptor: { url: "https://chat.example/chatkit/uploads/atc_1", method: "PUT" },
  };
  it("accepts http(s) URLs", () => {
    expect(parses(schemas.Attachment, image)).toBe(true);
    expect(parses(schemas.Attachment, { ...image, preview_url: "http://localhost:3000/p" })).toBe(
      true,
    );
  });
  it("refuses relative and non-http URLs in preview_url and upload_descriptor.url", () => {
    for (const url of [
      "/chatkit/files/atc_1",
      "files/atc_1",
      "javascript:alert(1)",
      "data:image/png;base64,AA",
      "",
    ]) {
      expect(parses(schemas.Attachment, { ...image, preview_url: url }), url).toBe(false);
      expect(
        parses(schemas.Attachment, { ...image, upload_descriptor: { url, method: "PUT" } }),
        url,
      ).toBe(false);
    }
  });
});
