import {
  compilePattern,
  fieldDefaultValue,
  fieldName,
  formFields,
  isFormField,
  validateField,
  validateFormPayload,
} from "@threadkit/core";
import { describe, expect, it } from "vitest";

const REQUIRED = { code: "required", message: "Please fill out this field." };
const PATTERN = { code: "pattern", message: "Please match the requested format." };

describe("validateField: pattern as HTML applies it", () => {
  const zip = { type: "Input", name: "zip", pattern: "[0-9]{5}" };

  it("matches the whole value, not a substring", () => {
    expect(validateField(zip, "12345")).toBeNull();
    expect(validateField(zip, "123456")).toEqual(PATTERN);
    expect(validateField(zip, "a12345")).toEqual(PATTERN);
    expect(validateField(zip, "1234")).toEqual(PATTERN);
    // Alternation is grouped, so "a|b" does not match "ab" nor "xa".
    const alt = { type: "Input", name: "x", pattern: "a|b" };
    expect(validateField(alt, "a")).toBeNull();
    expect(validateField(alt, "ab")).toEqual(PATTERN);
    expect(validateField(alt, "xb")).toEqual(PATTERN);
  });

  it("does not apply the pattern to an empty optional value", () => {
    expect(validateField(zip, "")).toBeNull();
    expect(validateField(zip, undefined)).toBeNull();
    expect(validateField(zip, null)).toBeNull();
  });

  it("reports required before pattern on an empty required value", () => {
    expect(validateField({ ...zip, required: true }, "")).toEqual(REQUIRED);
    expect(validateField({ ...zip, required: true }, "12")).toEqual(PATTERN);
  });

  it("compiles with the v flag: unicode aware, code points not code units", () => {
    const one = { type: "Input", name: "c", pattern: "." };
    expect(validateField(one, "😀")).toBeNull();
    expect(validateField(one, "é")).toBeNull();
    const letters = { type: "Input", name: "n", pattern: "\\p{L}+" };
    expect(validateField(letters, "Zoë")).toBeNull();
    expect(validateField(letters, "Zoë1")).toEqual(PATTERN);
    // v-mode set operations work as in browsers.
    const consonants = { type: "Input", name: "c", pattern: "[[a-z]--[aeiou]]+" };
    expect(validateField(consonants, "xyz")).toBeNull();
    expect(validateField(consonants, "xaz")).toEqual(PATTERN);
  });

  it("ignores a pattern that does not compile, as browsers do", () => {
    expect(compilePattern("(")).toBeNull();
    // Valid in u-mode but not in v-mode (an unescaped "-" at the end of a class): browsers ignore it.
    expect(compilePattern("[a-z-]+")).toBeNull();
    expect(validateField({ type: "Input", name: "x", pattern: "(" }, "anything")).toBeNull();
    expect(
      validateField({ type: "Input", name: "x", pattern: "[a-z-]+", required: true }, ""),
    ).toEqual(REQUIRED);
    expect(compilePattern("[a-z\\-]+")?.test("a-b")).toBe(true);
  });

  it("does not let the pattern escape its group", () => {
    // A pattern trying to close the group must not compile into something that matches more.
    expect(validateField({ type: "Input", name: "x", pattern: "a)|(b" }, "azzz")).toBeNull();
    expect(compilePattern("a)|(b")).toBeNull();
  });

  it("applies pattern only to the input types HTML applies it to", () => {
    const digits = "[0-9]+";
    // Each value is of the right type (else the type rule fails first) but not digits.
    const values: Record<string, string> = { email: "a@b.co", url: "https://a.b" };
    for (const inputType of ["text", "email", "url", "tel", "password"]) {
      const value = values[inputType] ?? "ab";
      expect(
        validateField({ type: "Input", name: "x", inputType, pattern: digits }, value),
      ).toEqual(PATTERN);
    }
    expect(
      validateField({ type: "Input", name: "x", inputType: "number", pattern: "9" }, "1"),
    ).toBeNull();
  });

  it("applies Textarea and editable Text constraints", () => {
    expect(
      validateField({ type: "Textarea", name: "d", pattern: "[a-z ]+" }, "ok then"),
    ).toBeNull();
    expect(validateField({ type: "Textarea", name: "d", pattern: "[a-z ]+" }, "No!")).toEqual(
      PATTERN,
    );
    expect(validateField({ type: "Textarea", name: "d", required: true }, "")).toEqual(REQUIRED);
    const title = {
      type: "Text",
      value: "",
      editable: { name: "title", required: true, pattern: "\\S.*" },
    };
    expect(validateField(title, "")).toEqual(REQUIRED);
    expect(validateField(title, " leading space")).toEqual(PATTERN);
    expect(validateField(title, "Buy milk")).toBeNull();
    // Whitespace is a value for `required` (HTML does not trim).
    expect(validateField({ type: "Input", name: "x", required: true }, " ")).toBeNull();
  });

  it("compares numbers and booleans from untrusted payloads as text; other values fail a pattern", () => {
    expect(validateField(zip, 12345)).toBeNull();
    expect(validateField(zip, { zip: "12345" })).toEqual(PATTERN);
    expect(validateField(zip, ["12345"])).toEqual(PATTERN);
  });
});

describe("validateField: required per control", () => {
  it("a required Checkbox must be checked (true)", () => {
    const box = { type: "Checkbox", name: "agree", required: true };
    const message = { code: "required", message: "Please check this box if you want to proceed." };
    expect(validateField(box, true)).toBeNull();
    expect(validateField(box, false)).toEqual(message);
    expect(validateField(box, undefined)).toEqual(message);
    expect(validateField(box, "true")).toEqual(message);
    expect(validateField({ type: "Checkbox", name: "agree" }, false)).toBeNull();
  });

  it("RadioGroup, Select and DatePicker honour required", () => {
    expect(validateField({ type: "RadioGroup", name: "r", required: true }, "")).toEqual({
      code: "required",
      message: "Please select one of these options.",
    });
    expect(validateField({ type: "RadioGroup", name: "r", required: true }, "a")).toBeNull();
    expect(validateField({ type: "Select", name: "s", options: [] }, "")).toBeNull();
    expect(validateField({ type: "Select", name: "s", required: true }, "")).toEqual({
      code: "required",
      message: "Please select an item in the list.",
    });
    expect(validateField({ type: "DatePicker", name: "d", required: true }, undefined)).toEqual(
      REQUIRED,
    );
  });

  it("never validates a disabled field or a non-field", () => {
    expect(
      validateField({ type: "Input", name: "x", required: true, disabled: true }, ""),
    ).toBeNull();
    expect(validateField({ type: "Text", value: "x" }, "")).toBeNull();
    expect(validateField({ type: "Button", label: "Go" }, "")).toBeNull();
  });
});

describe("field helpers", () => {
  const form = {
    type: "Form",
    onSubmitAction: { type: "update_todo", payload: { id: 1 } },
    children: [
      { type: "Title", value: "Edit Todo" },
      { type: "Text", value: "Title", color: "secondary" },
      { type: "Text", value: "Milk", editable: { name: "title", required: true } },
      { type: "Text", value: "", editable: { name: "description" } },
      { type: "Row", children: [{ type: "Checkbox", name: "todo.done", defaultChecked: true }] },
      {
        type: "Transition",
        children: { type: "Select", name: "list", options: [], defaultValue: "a" },
      },
      { type: "Input", name: "code", pattern: "[A-Z]{3}" },
      { type: "Text", value: "no", editable: false },
      { type: "Button", label: "Save", submit: true },
    ],
  };

  it("names fields and tells them apart from other nodes", () => {
    expect(fieldName({ type: "Text", value: "", editable: { name: "a.b" } })).toBe("a.b");
    expect(fieldName({ type: "Text", value: "", editable: false })).toBeUndefined();
    expect(fieldName({ type: "Input", name: "email" })).toBe("email");
    expect(fieldName({ type: "Button", name: "nope" })).toBeUndefined();
    for (const type of ["Input", "Textarea", "Select", "Checkbox", "RadioGroup", "DatePicker"]) {
      expect(isFormField({ type, name: "n" }), type).toBe(true);
    }
    expect(isFormField({ type: "Markdown", value: "x" })).toBe(false);
  });

  it("lists fields in document order, through rows and transitions", () => {
    expect(formFields(form).map(fieldName)).toEqual([
      "title",
      "description",
      "todo.done",
      "list",
      "code",
    ]);
    // The Select has no option "a": the element's select then has no value.
    expect(formFields(form).map(fieldDefaultValue)).toEqual(["Milk", "", true, "", ""]);
  });

  it("re-checks a submitted payload the way the browser did", () => {
    expect(
      validateFormPayload(form, {
        id: 1,
        title: "Milk",
        description: "",
        todo: { done: false },
        list: "a",
        code: "ABC",
      }),
    ).toEqual([]);
    expect(validateFormPayload(form, { id: 1, title: "", code: "abc" })).toEqual([
      { name: "title", ...REQUIRED },
      { name: "code", ...PATTERN },
    ]);
    expect(validateFormPayload(form, null)).toEqual([{ name: "title", ...REQUIRED }]);
  });
});
