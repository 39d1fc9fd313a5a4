import {
  type Action,
  ActionConfig,
  ActionParseError,
  actionSet,
  defineAction,
  type InferAction,
  resolveActionConfig,
  z,
} from "@threadkit/core";
import { describe, expect, expectTypeOf, it } from "vitest";

// The seed's "Strongly typed actions" example, translated to TypeScript.
const ExamplePayload = z.object({ id: z.number() });
const ExampleAction = defineAction("example", ExamplePayload);
const OtherAction = defineAction("other");
const AppAction = actionSet(ExampleAction, OtherAction);
type AppAction = InferAction<typeof AppAction>;

function parseAppAction(action: Action<string, unknown>): AppAction {
  return AppAction.parse(action);
}

describe("ActionConfig", () => {
  it("parses without injecting defaults, so serialisation round-trips", () => {
    const input = { type: "go", payload: { id: 1 } };
    expect(ActionConfig.parse(input)).toEqual(input);
    expect(Object.keys(ActionConfig.parse({ type: "go" }))).toEqual(["type"]);
    const full = {
      type: "go",
      payload: null,
      handler: "client",
      loadingBehavior: "container",
      streaming: false,
    };
    expect(ActionConfig.parse(full)).toEqual(full);
  });

  it("rejects bad fields", () => {
    expect(ActionConfig.safeParse({ type: 1 }).success).toBe(false);
    expect(ActionConfig.safeParse({ type: "a", handler: "browser" }).success).toBe(false);
    expect(ActionConfig.safeParse({ type: "a", loadingBehavior: "spin" }).success).toBe(false);
    expect(ActionConfig.safeParse({ type: "a", streaming: "yes" }).success).toBe(false);
  });

  it("resolveActionConfig fills ChatKit's defaults without mutating", () => {
    const config = { type: "go" };
    expect(resolveActionConfig(config)).toEqual({
      type: "go",
      payload: null,
      handler: "server",
      loadingBehavior: "auto",
      streaming: true,
    });
    expect(config).toEqual({ type: "go" });
    expect(
      resolveActionConfig({ type: "x", payload: 0, handler: "client", streaming: false }),
    ).toMatchObject({ payload: 0, handler: "client", streaming: false });
  });
});

describe("defineAction", () => {
  it("creates ActionConfigs with the literal type and only the given options", () => {
    const config = ExampleAction.create({ id: 123 });
    expect(config).toEqual({ type: "example", payload: { id: 123 } });
    expectTypeOf(config.type).toEqualTypeOf<"example">();
    expect(ExampleAction.create({ id: 1 }, { handler: "client", loadingBehavior: "self" })).toEqual(
      { type: "example", payload: { id: 1 }, handler: "client", loadingBehavior: "self" },
    );
    expect(OtherAction.create()).toEqual({ type: "other" });
    expect(OtherAction.create(undefined, { streaming: false })).toEqual({
      type: "other",
      streaming: false,
    });
    expect(ExampleAction.type).toBe("example");
    expect(ExampleAction.schema).toBe(ExamplePayload);
    expect(OtherAction.schema).toBeUndefined();
  });

  it("checks payloads at compile time", () => {
    // @ts-expect-error id must be a number
    expect(() => ExampleAction.create({ id: "123" })).toThrow(ActionParseError);
    // @ts-expect-error the payload is required
    expect(() => ExampleAction.create()).toThrow(ActionParseError);
    // @ts-expect-error an action without schema takes no payload
    expect(() => OtherAction.create({ id: 1 })).toThrow(ActionParseError);
    // @ts-expect-error unknown option value
    ExampleAction.create({ id: 1 }, { handler: "browser" });
    expectTypeOf(ExampleAction.create).parameter(0).toEqualTypeOf<{ id: number }>();
  });

  it("validates payloads at run time with a precise message", () => {
    const untyped = ExampleAction.create as (payload: unknown) => unknown;
    expect(() => untyped({ id: "123" })).toThrow(
      'Invalid payload for action "example": payload.id: expected number, received string',
    );
  });

  it("parses one action type", () => {
    const action = ExampleAction.parse({ type: "example", payload: { id: 7 } });
    expectTypeOf(action).toEqualTypeOf<Action<"example", { id: number }>>();
    expect(action.payload.id).toBe(7);
    expect(OtherAction.parse({ type: "other" })).toEqual({ type: "other", payload: null });
    expect(OtherAction.parse({ type: "other", payload: null })).toEqual({
      type: "other",
      payload: null,
    });
    expect(() => ExampleAction.parse({ type: "other", payload: { id: 1 } })).toThrow(
      'Invalid action: type: expected "example", received "other"',
    );
    expect(ExampleAction.is({ type: "example", payload: { id: 1 } })).toBe(true);
    expect(ExampleAction.is({ type: "example", payload: {} })).toBe(false);
  });

  it("applies the schema's output (defaults, strip)", () => {
    const WithDefault = defineAction("d", z.object({ n: z.number().default(5) }));
    expect(WithDefault.create({})).toEqual({ type: "d", payload: { n: 5 } });
    expect(WithDefault.parse({ type: "d", payload: { extra: true } }).payload).toEqual({ n: 5 });
  });
});

describe("actionSet", () => {
  it("narrows the discriminated union by type (the seed's example)", () => {
    const received: Action<string, unknown> = { type: "example", payload: { id: 123 } };
    const appAction = parseAppAction(received);
    let seen: number | undefined;
    if (appAction.type === "example") {
      expectTypeOf(appAction.payload).toEqualTypeOf<{ id: number }>();
      seen = appAction.payload.id;
    } else {
      expectTypeOf(appAction.payload).toEqualTypeOf<null>();
      // @ts-expect-error payload is null for "other"
      appAction.payload.id;
    }
    expect(seen).toBe(123);
    expectTypeOf<AppAction>().toEqualTypeOf<
      Action<"example", { id: number }> | Action<"other", null>
    >();
    expectTypeOf<InferAction<typeof ExampleAction>>().toEqualTypeOf<
      Action<"example", { id: number }>
    >();
    expect(AppAction.types).toEqual(["example", "other"]);
    expectTypeOf(AppAction.types).toEqualTypeOf<readonly ("example" | "other")[]>();
  });

  it("explains an unknown type", () => {
    const result = AppAction.safeParse({ type: "nope", payload: {} });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.error).toBeInstanceOf(ActionParseError);
    expect(result.error.message).toBe(
      'Unknown action type "nope"; expected one of "example", "other"',
    );
    expect(result.error.actionType).toBe("nope");
    expect(result.error.issues).toEqual([
      { path: "type", message: 'expected one of "example", "other", received "nope"' },
    ]);
  });

  it("explains a bad payload field by field", () => {
    const Nested = defineAction(
      "todo.update",
      z.object({ todo: z.object({ title: z.string(), tags: z.array(z.string()) }) }),
    );
    const set = actionSet(Nested, OtherAction);
    const error = set.safeParse({
      type: "todo.update",
      payload: { todo: { title: 3, tags: ["a", 2] } },
    }).error;
    expect(error?.message).toBe(
      'Invalid payload for action "todo.update": payload.todo.title: expected string, received number; payload.todo.tags[1]: expected string, received number',
    );
    expect(error?.issues.map((i) => i.path)).toEqual([
      "payload.todo.title",
      "payload.todo.tags[1]",
    ]);
    expect(() => AppAction.parse({ type: "example" })).toThrow(
      'Invalid payload for action "example": payload: expected object, received null',
    );
    expect(() => AppAction.parse({ type: "other", payload: { x: 1 } })).toThrow(
      'Invalid payload for action "other": payload: expected no payload, received object',
    );
  });

  it("turns any untrusted input into ActionParseError, never a TypeError", () => {
    const inputs: unknown[] = [
      null,
      undefined,
      42,
      "example",
      [],
      [{ type: "example" }],
      {},
      { type: 5 },
      { type: null },
      { payload: { id: 1 } },
      { type: "example", payload: "x" },
      { type: "example", payload: [] },
      { type: "toString" },
      { type: "__proto__" },
      { type: "constructor", payload: null },
      Object.create({ type: "example", payload: { id: 1 } }),
    ];
    for (const input of inputs) {
      expect(() => AppAction.parse(input)).toThrow(ActionParseError);
      expect(AppAction.safeParse(input).success).toBe(false);
      expect(AppAction.is(input)).toBe(false);
    }
    expect(() => AppAction.parse(null)).toThrow(
      "Invalid action: expected an object, received null",
    );
    expect(() => AppAction.parse({ type: 5 })).toThrow(
      "Invalid action: type: expected string, received number",
    );
  });

  it("rejects duplicate types", () => {
    expect(() => actionSet(OtherAction, defineAction("other"))).toThrow(/defined twice/);
  });

  it("safeParse returns data on success", () => {
    const result = AppAction.safeParse({ type: "example", payload: { id: 1 } });
    expect(result).toEqual({ success: true, data: { type: "example", payload: { id: 1 } } });
  });
});
