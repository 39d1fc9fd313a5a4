import {
  collectFields,
  controlType,
  FormFieldNameError,
  fieldDefaultValue,
  fieldOptions,
  formAction,
  formSubmission,
  isoDate,
  opensForm,
  resolveLoading,
  submitsOnEnter,
  validateField,
} from "@threadkit/core";
import { describe, expect, it } from "vitest";

describe("element rules shared with @threadkit/testing", () => {
  it("controlType: the HTML type each field renders as", () => {
    expect(controlType({ type: "Input", name: "a" })).toBe("text");
    expect(controlType({ type: "Input", name: "a", inputType: "email" })).toBe("email");
    expect(controlType({ type: "Input", name: "a", inputType: "search" })).toBe("text");
    expect(controlType({ type: "Textarea", name: "a" })).toBe("textarea");
    expect(controlType({ type: "Text", value: "", editable: { name: "a" } })).toBe("text");
    expect(controlType({ type: "Text", value: "" })).toBeUndefined();
    expect(controlType({ type: "Select", name: "a", options: [] })).toBe("select-one");
    expect(controlType({ type: "RadioGroup", name: "a" })).toBe("radio");
    expect(controlType({ type: "DatePicker", name: "a" })).toBe("date");
    expect(controlType({ type: "Button" })).toBeUndefined();
  });

  it("submitsOnEnter: single-line fields only", () => {
    expect(["text", "email", "number", "date"].every(submitsOnEnter)).toBe(true);
    expect(["textarea", "checkbox", "radio", "select-one"].some(submitsOnEnter)).toBe(false);
  });

  it("opensForm and formSubmission: a nested Form is a group; a Card asForm submits confirm", () => {
    expect(opensForm({ type: "Form" }, false)).toBe(true);
    expect(opensForm({ type: "Form" }, true)).toBe(false);
    expect(opensForm({ type: "Card", asForm: true }, false)).toBe(true);
    expect(opensForm({ type: "Card" }, false)).toBe(false);
    expect(formSubmission({ type: "Form", onSubmitAction: { type: "s" } })).toEqual({
      action: { type: "s" },
      site: "submit",
    });
    expect(
      formSubmission({ type: "Card", confirm: { label: "OK", action: { type: "c" } } }),
    ).toEqual({
      action: { type: "c" },
      site: "confirm",
    });
    expect(formSubmission({ type: "Card" })).toEqual({ action: undefined, site: "confirm" });
  });

  it("resolveLoading: auto by site, explicit values kept", () => {
    expect(resolveLoading(undefined, "listItem")).toBe("self");
    expect(resolveLoading("auto", "cancel")).toBe("container");
    expect(resolveLoading("bogus", "change")).toBe("none");
    expect(resolveLoading("self", "submit")).toBe("self");
  });

  it("collectFields: first name wins, unchecked radio groups give an empty string", () => {
    expect(
      collectFields([
        { name: "a", type: "text", value: "1" },
        { name: "a", type: "text", value: "2" },
        { name: "r", type: "radio", value: "x", checked: false },
        { name: "off", type: "text", value: "z", disabled: true },
      ]),
    ).toEqual([
      ["a", "1"],
      ["r", ""],
    ]);
  });

  it("formAction: drops bad names, merges, reports every collision", () => {
    const { action, errors } = formAction({ type: "save", payload: { id: 1 } }, [
      ["__proto__.x", "p"],
      ["id", "2"],
      ["todo.title", "Milk"],
    ]);
    expect(action).toEqual({ type: "save", payload: { id: 1, todo: { title: "Milk" } } });
    expect(errors[0]).toBeInstanceOf(FormFieldNameError);
    expect(errors[1]?.message).toBe(
      'Form field "id" collides with a key of the "save" action\'s payload; the field\'s value was ignored.',
    );
    expect(errors).toHaveLength(2);
    expect(formAction({ type: "go" }, []).action).toEqual({ type: "go", payload: {} });
  });
});

describe("validateField: type, min, max and step", () => {
  it("type: email, url, number and date values must have their form", () => {
    const email = { type: "Input", name: "e", inputType: "email" };
    expect(validateField(email, "ada@example.com")).toBeNull();
    expect(validateField(email, "ada")?.code).toBe("type");
    const url = { type: "Input", name: "u", inputType: "url" };
    expect(validateField(url, "https://x.y/z")).toBeNull();
    expect(validateField(url, "x.y")?.code).toBe("type");
    expect(validateField({ type: "Input", name: "n", inputType: "number" }, "12a")?.code).toBe(
      "type",
    );
    expect(validateField({ type: "DatePicker", name: "d" }, "2026-02-30")?.code).toBe("type");
    expect(validateField({ type: "Input", name: "e", inputType: "email" }, "")).toBeNull();
  });

  it("min and max: a DatePicker's bounds, by day, ignored when not a date", () => {
    const due = { type: "DatePicker", name: "d", min: "2026-01-01T00:00:00Z", max: "2026-12-31" };
    expect(validateField(due, "2026-01-01")).toBeNull();
    expect(validateField(due, "2025-12-31")).toEqual({
      code: "min",
      message: "Value must be 2026-01-01 or later.",
    });
    expect(validateField(due, "2027-01-01T10:00:00Z")?.code).toBe("max");
    expect(validateField({ type: "DatePicker", name: "d", min: "soon" }, "1999-01-01")).toBeNull();
  });

  it("step: a number Input takes whole numbers", () => {
    const count = { type: "Input", name: "n", inputType: "number" };
    expect(validateField(count, "-3")).toBeNull();
    expect(validateField(count, "1e2")).toBeNull();
    expect(validateField(count, "1.5")?.code).toBe("step");
  });

  it("required is checked before type, type before pattern", () => {
    const email = { type: "Input", name: "e", inputType: "email", pattern: "a.*", required: true };
    expect(validateField(email, "")?.code).toBe("required");
    expect(validateField(email, "b")?.code).toBe("type");
    expect(validateField(email, "b@c.de")?.code).toBe("pattern");
  });

  it("isoDate reads the day of an ISO date-time when it is a real day", () => {
    expect(isoDate("2024-02-29T00:00:00Z")).toBe("2024-02-29");
    expect(isoDate("2023-02-29")).toBeUndefined();
    expect(isoDate("2026-13-01")).toBeUndefined();
    expect(isoDate(20260101)).toBeUndefined();
  });
});

describe("fieldDefaultValue and fieldOptions: what the element's controls start with", () => {
  const options = [{ value: "a", label: "A" }, { value: 2, label: "Two" }, { label: "no value" }];
  it("reads options as the element renders them", () => {
    expect(fieldOptions({ type: "Select", name: "s", options })).toEqual([
      { value: "a", label: "A", disabled: false },
      { value: "2", label: "Two", disabled: false },
    ]);
  });

  it("Select: declared default when an option has it, else the first option or the placeholder", () => {
    expect(fieldDefaultValue({ type: "Select", name: "s", options })).toBe("a");
    expect(fieldDefaultValue({ type: "Select", name: "s", options, defaultValue: "2" })).toBe("2");
    expect(fieldDefaultValue({ type: "Select", name: "s", options, defaultValue: "z" })).toBe("");
    expect(fieldDefaultValue({ type: "Select", name: "s", options, placeholder: "Pick" })).toBe("");
  });

  it("RadioGroup and DatePicker", () => {
    expect(fieldDefaultValue({ type: "RadioGroup", name: "r", options, defaultValue: "a" })).toBe(
      "a",
    );
    expect(fieldDefaultValue({ type: "RadioGroup", name: "r", options, defaultValue: "z" })).toBe(
      "",
    );
    expect(
      fieldDefaultValue({ type: "DatePicker", name: "d", defaultValue: "2026-12-01T00:00:00Z" }),
    ).toBe("2026-12-01");
    expect(fieldDefaultValue({ type: "DatePicker", name: "d", defaultValue: "tomorrow" })).toBe("");
  });
});
