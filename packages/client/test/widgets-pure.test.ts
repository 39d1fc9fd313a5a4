import { type ActionSite, resolveLoading } from "@threadkit/core";
import { describe, expect, it } from "vitest";
import { collectFields } from "../src/widgets/form-values.js";

describe("resolveLoading", () => {
  const sites: ActionSite[] = ["button", "listItem", "change", "submit", "confirm", "cancel"];
  it("resolves auto (and missing or unknown values) by binding site", () => {
    const auto = { button: "self", listItem: "self", change: "none", submit: "container" };
    for (const site of sites) {
      const expected = auto[site as keyof typeof auto] ?? "container";
      for (const behavior of [undefined, "auto", "bogus", 3]) {
        expect(resolveLoading(behavior, site)).toBe(expected);
      }
    }
  });

  it("keeps explicit self, container and none wherever they are bound", () => {
    for (const site of sites) {
      for (const b of ["self", "container", "none"] as const)
        expect(resolveLoading(b, site)).toBe(b);
    }
  });
});

describe("collectFields", () => {
  it("reads text, checkboxes as booleans and the checked radio, in document order", () => {
    expect(
      collectFields([
        { name: "todo.title", type: "text", value: "Milk" },
        { name: "size", type: "radio", value: "s", checked: false },
        { name: "done", type: "checkbox", value: "on", checked: false },
        { name: "size", type: "radio", value: "m", checked: true },
        { name: "notes", type: "textarea", value: "a\nb" },
        { name: "when", type: "date", value: "2026-01-02" },
        { name: "pick", type: "select-one", value: "b" },
      ]),
    ).toEqual([
      ["todo.title", "Milk"],
      ["size", "m"],
      ["done", false],
      ["notes", "a\nb"],
      ["when", "2026-01-02"],
      ["pick", "b"],
    ]);
  });

  it("skips buttons, nameless and disabled controls; an unchecked radio group is an empty string", () => {
    expect(
      collectFields([
        { name: "", type: "text", value: "x" },
        { name: "go", type: "submit", value: "" },
        { name: "off", type: "text", value: "x", disabled: true },
        { name: "r", type: "radio", value: "1", checked: false },
        { name: "dup", type: "text", value: "first" },
        { name: "dup", type: "text", value: "second" },
      ]),
    ).toEqual([
      ["r", ""],
      ["dup", "first"],
    ]);
  });
});
