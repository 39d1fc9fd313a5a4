import { FormFieldNameError, fieldPath, mergeFormValues } from "@threadkit/core";
import { afterEach, describe, expect, it } from "vitest";

function polluted(): unknown {
  return (
    ({} as Record<string, unknown>).polluted ?? (Object.prototype as Record<string, unknown>).x
  );
}

describe("mergeFormValues", () => {
  afterEach(() => {
    // Belt and braces: never leak pollution into other tests even if an assertion fails.
    delete (Object.prototype as Record<string, unknown>).polluted;
    delete (Object.prototype as Record<string, unknown>).x;
  });

  it("adds flat and dotted names, nesting them", () => {
    const result = mergeFormValues({ id: 1 }, [
      ["title", "Buy milk"],
      ["todo.title", "Buy milk"],
      ["todo.meta.done", true],
      ["todo.description", ""],
    ]);
    expect(result).toEqual({
      payload: {
        id: 1,
        title: "Buy milk",
        todo: { title: "Buy milk", meta: { done: true }, description: "" },
      },
      collisions: [],
    });
  });

  it("treats null and undefined payloads as {}", () => {
    expect(mergeFormValues(null, [["a", "1"]])).toEqual({ payload: { a: "1" }, collisions: [] });
    expect(mergeFormValues(undefined, [["a.b", "1"]])).toEqual({
      payload: { a: { b: "1" } },
      collisions: [],
    });
    expect(mergeFormValues(undefined, [])).toEqual({ payload: {}, collisions: [] });
  });

  it("ignores names that collide with the static payload, or whose prefix does", () => {
    const payload = { id: 1, todo: { id: 7 } };
    const result = mergeFormValues(payload, [
      ["id", "2"],
      ["todo.title", "x"],
      ["todo", "y"],
      ["todo.id", 9],
      ["title", "kept"],
    ]);
    expect(result.payload).toEqual({ id: 1, todo: { id: 7 }, title: "kept" });
    expect(result.collisions).toEqual(["id", "todo.title", "todo", "todo.id"]);
  });

  it("treats a static key that is itself dotted as a collision for that name", () => {
    const result = mergeFormValues({ "todo.title": "static" }, [["todo.title", "form"]]);
    expect(result).toEqual({ payload: { "todo.title": "static" }, collisions: ["todo.title"] });
  });

  it("keeps a static null or false value and still reports the collision", () => {
    const result = mergeFormValues({ a: null, b: false }, [
      ["a", "x"],
      ["b.c", "y"],
    ]);
    expect(result).toEqual({ payload: { a: null, b: false }, collisions: ["a", "b.c"] });
  });

  it("resolves fields that conflict with each other: the earlier field wins", () => {
    const parentFirst = mergeFormValues({}, [
      ["a", "x"],
      ["a.b", "y"],
    ]);
    expect(parentFirst).toEqual({ payload: { a: "x" }, collisions: ["a.b"] });

    const childFirst = mergeFormValues({}, [
      ["a.b", "y"],
      ["a", "x"],
      ["a.c", "z"],
    ]);
    expect(childFirst).toEqual({ payload: { a: { b: "y", c: "z" } }, collisions: ["a"] });

    const duplicate = mergeFormValues({}, [
      ["tag", "one"],
      ["tag", "two"],
      ["tag", "three"],
    ]);
    expect(duplicate).toEqual({ payload: { tag: "one" }, collisions: ["tag"] });
  });

  it("never mutates its inputs and shares nothing mutable with them", () => {
    const nested = { deep: [1, { two: 2 }] };
    const payload = { id: 1, nested };
    const value = { x: [1] };
    const fields: [string, unknown][] = [["form.value", value]];
    const before = structuredClone({ payload, fields });
    const result = mergeFormValues(payload, fields);
    expect({ payload, fields }).toEqual(before);
    expect(result.payload).not.toBe(payload);
    const form = result.payload.form as { value: { x: number[] } };
    expect(form.value).toEqual(value);
    expect(form.value).not.toBe(value);
    form.value.x.push(2);
    expect(value.x).toEqual([1]);
  });

  it("accepts any iterable of pairs", () => {
    const map = new Map<string, unknown>([
      ["a", "1"],
      ["b.c", "2"],
    ]);
    expect(mergeFormValues({}, map).payload).toEqual({ a: "1", b: { c: "2" } });
  });

  it("returns a non-object payload as is and lists every field as a collision", () => {
    expect(mergeFormValues("static", [["a", 1]])).toEqual({ payload: "static", collisions: ["a"] });
    const array = [1, 2];
    const result = mergeFormValues(array, [["0", "x"]]);
    expect(result).toEqual({ payload: [1, 2], collisions: ["0"] });
    expect(result.payload).not.toBe(array);
  });

  it("rejects empty segments", () => {
    for (const name of ["", "a..b", ".a", "a.", "."]) {
      expect(() => mergeFormValues({}, [[name, 1]]), name).toThrow(FormFieldNameError);
    }
    expect(() => fieldPath("a..b")).toThrow('Invalid form field name "a..b": empty path segment');
  });

  it("rejects prototype-pollution attempts and pollutes nothing", () => {
    const attempts = [
      "__proto__",
      "__proto__.polluted",
      "constructor.prototype.x",
      "constructor.prototype.polluted",
      "a.__proto__.polluted",
      "prototype",
      "todo.constructor",
    ];
    for (const name of attempts) {
      let error: unknown;
      try {
        mergeFormValues({}, [[name, "yes"]]);
      } catch (caught) {
        error = caught;
      }
      expect(error, name).toBeInstanceOf(FormFieldNameError);
      expect((error as FormFieldNameError).fieldName).toBe(name);
      expect((error as Error).message).toMatch(/is not allowed/);
    }
    expect(polluted()).toBeUndefined();
  });

  it("throws before merging anything when one name is dangerous", () => {
    const payload = { id: 1 };
    expect(() =>
      mergeFormValues(payload, [
        ["ok", 1],
        ["__proto__.polluted", "yes"],
      ]),
    ).toThrow(FormFieldNameError);
    expect(payload).toEqual({ id: 1 });
    expect(polluted()).toBeUndefined();
  });

  it("copies values carrying an own __proto__ key without touching prototypes", () => {
    const value = JSON.parse('{"__proto__": {"polluted": "yes"}, "ok": 1}') as unknown;
    const payload = JSON.parse('{"__proto__": {"polluted": "static"}}') as Record<string, unknown>;
    const result = mergeFormValues(payload, [["v", value]]);
    const copy = result.payload.v as Record<string, unknown>;
    expect(Object.hasOwn(copy, "__proto__")).toBe(true);
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.hasOwn(result.payload, "__proto__")).toBe(true);
    expect(Object.getPrototypeOf(result.payload)).toBe(Object.prototype);
    expect(polluted()).toBeUndefined();
    expect(JSON.parse(JSON.stringify(result.payload))).toEqual(result.payload);
  });

  it("keeps keys that shadow Object.prototype members as plain data", () => {
    const result = mergeFormValues({}, [
      ["toString", "a"],
      ["hasOwnProperty.x", "b"],
      ["valueOf.y", "c"],
    ]);
    expect(result.payload).toEqual({
      toString: "a",
      hasOwnProperty: { x: "b" },
      valueOf: { y: "c" },
    });
    expect(result.collisions).toEqual([]);
    expect(Object.prototype.toString.call({})).toBe("[object Object]");
  });
});
