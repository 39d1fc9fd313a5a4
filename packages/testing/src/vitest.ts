/**
 * Vitest matchers for interaction results; importing this module registers them.
 *
 * @example
 * ```ts
 * import "@threadkit/testing/vitest";
 * expect(w.getByRole("button", { name: "Save" }).click()).toSendAction({ type: "todo.update" });
 * expect(w.submit()).toBlockWith("required", "title");
 * ```
 */
import { expect } from "vitest";
import type { InteractionResult } from "./types.js";

type Equals = (a: unknown, b: unknown) => boolean;

/** Whether `actual` has everything `expected` has (objects recursively; arrays item by item). */
function contains(actual: unknown, expected: unknown, equals: Equals): boolean {
  if (Array.isArray(expected)) {
    return (
      Array.isArray(actual) &&
      actual.length === expected.length &&
      expected.every((item, i) => contains(actual[i], item, equals))
    );
  }
  if (
    typeof expected === "object" &&
    expected !== null &&
    Object.getPrototypeOf(expected) === Object.prototype
  ) {
    if (typeof actual !== "object" || actual === null) return false;
    return Object.entries(expected).every(
      ([key, value]) =>
        Object.hasOwn(actual, key) &&
        contains((actual as Record<string, unknown>)[key], value, equals),
    );
  }
  return equals(actual, expected);
}

function isResult(value: unknown): value is InteractionResult {
  return (
    typeof value === "object" &&
    value !== null &&
    Array.isArray((value as InteractionResult).actions)
  );
}

interface MatcherContext {
  isNot: boolean;
  equals: Equals;
  utils: { stringify(value: unknown): string };
}

/** The matchers, for `expect.extend` with another runner's `expect`. */
export const matchers = {
  /**
   * Passes when the interaction sends an action containing `expected` (a partial action: nested
   * objects match partially, asymmetric matchers work), or any action when `expected` is omitted.
   */
  toSendAction(this: MatcherContext, received: unknown, expected?: Record<string, unknown>) {
    if (!isResult(received)) {
      return { pass: false, message: () => "expected the result of a widget interaction" };
    }
    const action = received.action;
    const pass =
      action !== undefined && (expected === undefined || contains(action, expected, this.equals));
    const why = received.blocked
      ? `it was blocked: "${received.blocked.name}" fails ${received.blocked.rule}`
      : action
        ? `it sent ${this.utils.stringify(action)}`
        : "it sent nothing";
    return {
      pass,
      message: () =>
        this.isNot
          ? `expected no action${expected ? ` like ${this.utils.stringify(expected)}` : ""}, but ${why}`
          : `expected an action${expected ? ` like ${this.utils.stringify(expected)}` : ""}, but ${why}`,
    };
  },

  /** Passes when native validation blocks the submission with `rule` (on the field `name`, if given). */
  toBlockWith(this: MatcherContext, received: unknown, rule: string, name?: string) {
    if (!isResult(received)) {
      return { pass: false, message: () => "expected the result of a widget interaction" };
    }
    const blocked = received.blocked;
    const pass =
      blocked !== undefined &&
      blocked.rule === rule &&
      (name === undefined || blocked.name === name);
    const what = `${rule}${name === undefined ? "" : ` on "${name}"`}`;
    const got = blocked
      ? `"${blocked.name}" failed ${blocked.rule}`
      : received.action
        ? `it sent ${this.utils.stringify(received.action)}`
        : "nothing was blocked";
    return {
      pass,
      message: () =>
        this.isNot
          ? `expected no block by ${what}, but ${got}`
          : `expected a block by ${what}, but ${got}`,
    };
  },
};

expect.extend(matchers);

/** The matchers' types. */
export interface ThreadkitMatchers<R = unknown> {
  /** The interaction sends an action containing `expected` (or any action). */
  toSendAction(expected?: Record<string, unknown>): R;
  /** Native validation blocks the submission with `rule`, on the field `name` if given. */
  toBlockWith(rule: "required" | "type" | "pattern" | "min" | "max" | "step", name?: string): R;
}

declare module "vitest" {
  // biome-ignore lint/suspicious/noExplicitAny: vitest's own declaration uses `any`
  interface Matchers<T = any> extends ThreadkitMatchers<T> {}
}
