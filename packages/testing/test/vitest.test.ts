import "@threadkit/testing/vitest";
import { mountWidget } from "@threadkit/testing";
import { describe, expect, it } from "vitest";

const form = {
  type: "Card",
  children: [
    {
      type: "Form",
      onSubmitAction: { type: "todo.update", payload: { id: "td_1" } },
      children: [
        { type: "Text", value: "", editable: { name: "title", required: true } },
        { type: "Button", label: "Save", submit: true },
      ],
    },
  ],
};

describe("@threadkit/testing/vitest", () => {
  it("toBlockWith: the rule and the field", () => {
    const w = mountWidget(form);
    const result = w.getByRole("button", { name: "Save" }).click();
    expect(result).toBlockWith("required", "title");
    expect(result).toBlockWith("required");
    expect(result).not.toBlockWith("pattern");
    expect(result).not.toBlockWith("required", "other");
    expect(result).not.toSendAction();
    expect(() => expect(result).toSendAction({ type: "todo.update" })).toThrow(
      /it was blocked: "title" fails required/,
    );
  });

  it("toSendAction: partial, nested, with asymmetric matchers", () => {
    const w = mountWidget(form);
    w.getByLabel("Title").fill("Milk");
    const result = w.getByRole("button", { name: "Save" }).click();
    expect(result).toSendAction();
    expect(result).toSendAction({ type: "todo.update", payload: { title: "Milk" } });
    expect(result).toSendAction({ payload: { id: expect.stringMatching(/^td_/) } });
    expect(result).not.toSendAction({ payload: { title: "Eggs" } });
    expect(result).not.toBlockWith("required");
    expect(() => expect(result).toBlockWith("required")).toThrow(/it sent/);
    expect(() => expect({}).toSendAction()).toThrow(/result of a widget interaction/);
  });
});

it("the main entry imports no test runner (only src/vitest.ts does)", async () => {
  const { readdirSync, readFileSync } = await import("node:fs");
  const dir = new URL("../src/", import.meta.url);
  const files = readdirSync(dir).filter((f) => f.endsWith(".ts"));
  expect(files).toContain("index.ts");
  const importers = files.filter((f) =>
    /from "vitest"/.test(readFileSync(new URL(f, dir), "utf8")),
  );
  expect(importers).toEqual(["vitest.ts"]);
});
