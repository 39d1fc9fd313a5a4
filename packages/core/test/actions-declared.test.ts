import {
  Button,
  Card,
  Checkbox,
  checkFieldValue,
  checkFormValues,
  DatePicker,
  declaredActions,
  defineAction,
  Form,
  Input,
  ListView,
  ListViewItem,
  RadioGroup,
  Select,
  Text,
  Transition,
  z,
} from "@threadkit/core";
import { describe, expect, it } from "vitest";

describe("declaredActions", () => {
  it("lists every action with its site, declaring node and form scope, in document order", () => {
    const form = Form({
      onSubmitAction: { type: "save" },
      children: [
        Input({ name: "title" }),
        Select({ name: "size", options: [], onChangeAction: { type: "resize" } }),
        Button({ label: "Go", submit: true, onClickAction: { type: "go" } }),
        Button({ label: "Peek", onClickAction: { type: "peek" } }),
        Form({ onSubmitAction: { type: "inner" }, children: [Checkbox({ name: "x" })] }),
      ],
    });
    const root = Card({
      children: [
        form,
        ListView({
          children: [
            ListViewItem({ onClickAction: { type: "open" }, children: [Text({ value: "a" })] }),
          ],
        }) as never,
        Transition({ children: Button({ label: "T", onClickAction: { type: "deep" } }) } as never),
      ],
      confirm: { label: "OK", action: { type: "ok" } },
      cancel: { label: "No", action: { type: "no" } },
    });
    const found = declaredActions(root).map((d) => [
      d.config.type,
      d.site,
      d.node.type,
      d.form === form ? "form" : d.form === undefined ? "-" : "other",
      d.validated,
    ]);
    expect(found).toEqual([
      ["ok", "confirm", "Card", "-", false],
      ["no", "cancel", "Card", "-", false],
      ["save", "submit", "Form", "form", true],
      ["resize", "change", "Select", "form", false],
      ["go", "button", "Button", "form", true],
      ["peek", "button", "Button", "form", false],
      // A nested Form renders as a group of the outer one: the element never sends its submit.
      ["open", "listItem", "ListViewItem", "-", false],
      ["deep", "button", "Button", "-", false],
    ]);
  });

  it("a Card with asForm is the form of its fields and its confirm is validated; cancel is not", () => {
    const card = Card({
      asForm: true,
      children: [Input({ name: "n" })],
      confirm: { label: "OK", action: { type: "ok" } },
      cancel: { label: "No", action: { type: "no" } },
    });
    const [ok, no] = declaredActions(card);
    expect([ok?.form, ok?.validated, no?.form, no?.validated]).toEqual([card, true, card, false]);
  });

  it("ignores props that are not actions", () => {
    expect(declaredActions({ type: "Button", onClickAction: "nope" })).toEqual([]);
    expect(declaredActions({ type: "Card", children: [null, 3, { type: 1 }] } as never)).toEqual(
      [],
    );
  });
});

describe("checkFieldValue", () => {
  it("re-checks the kind, format, options and date bounds a control enforces", () => {
    const msg = (node: unknown, value: unknown) =>
      checkFieldValue(node as never, value)?.code ?? null;
    expect(msg({ type: "Checkbox", name: "c" }, "true")).toBe("type");
    expect(msg({ type: "Checkbox", name: "c", required: true }, false)).toBe("required");
    expect(msg({ type: "Input", name: "t" }, 42)).toBe("type");
    expect(msg({ type: "Input", name: "t", inputType: "number" }, "1e3")).toBeNull();
    expect(msg({ type: "Input", name: "t", inputType: "number" }, "12abc")).toBe("format");
    expect(msg({ type: "Input", name: "t", inputType: "email" }, "a@b.co")).toBeNull();
    expect(msg({ type: "Input", name: "t", inputType: "email" }, "nope")).toBe("format");
    expect(msg({ type: "Input", name: "t", inputType: "url" }, "https://x.y/z")).toBeNull();
    expect(msg({ type: "Input", name: "t", inputType: "url" }, "x y")).toBe("format");
    expect(msg({ type: "Input", name: "t", pattern: "[0-9]+" }, "12a")).toBe("pattern");
    const select = {
      type: "Select",
      name: "s",
      options: [
        { value: "a", label: "A" },
        { value: 2, label: "Two" },
      ],
    };
    expect(msg(select, "a")).toBeNull();
    expect(msg(select, "2")).toBeNull();
    expect(msg(select, "")).toBeNull();
    expect(msg(select, "z")).toBe("option");
    expect(msg({ type: "RadioGroup", name: "r", options: [{ value: "x", label: "X" }] }, "y")).toBe(
      "option",
    );
    const date = { type: "DatePicker", name: "d", min: "2025-01-01T00:00:00Z", max: "2025-12-31" };
    expect(msg(date, "2025-06-01")).toBeNull();
    expect(msg(date, "2024-12-31")).toBe("range");
    expect(msg(date, "2026-01-01")).toBe("range");
    expect(msg(date, "June 1")).toBe("format");
    expect(msg({ type: "Input", name: "t", disabled: true, required: true }, "")).toBeNull();
  });

  it("uses the field's errorMessage for a refused value", () => {
    const input = Input({ name: "zip", pattern: "[0-9]{5}", errorMessage: "Five digits, please" });
    expect(checkFieldValue(input, "123")).toEqual({
      code: "pattern",
      message: "Five digits, please",
    });
    expect(checkFieldValue(input, "12345")).toBeNull();
  });

  it("checkFormValues reports each refused field by name, skipping what the caller says", () => {
    const form = Form({
      children: [
        Input({ name: "todo.title", required: true }),
        RadioGroup({ name: "size", options: [{ value: "s", label: "S" }] }),
        DatePicker({ name: "due" }),
      ],
    });
    expect(checkFormValues(form, { todo: {}, size: "xl", due: "" })).toEqual({
      "todo.title": "Please fill out this field.",
      size: "Please select one of the listed options.",
    });
    expect(checkFormValues(form, { todo: {}, size: "xl" }, (name) => name === "size")).toEqual({
      "todo.title": "Please fill out this field.",
    });
  });
});

describe("defineAction imperative", () => {
  it("is false by default and set by the options", () => {
    expect(defineAction("a").imperative).toBe(false);
    expect(defineAction("b", z.object({}), { imperative: true }).imperative).toBe(true);
    expect(defineAction("c", undefined, { imperative: true }).parse({ type: "c" })).toEqual({
      type: "c",
      payload: null,
    });
  });
});
