/**
 * Validation is one truth: for a table of controls and values, Chromium's own value sanitisation
 * and constraint validation give the same value and the same failing rule as
 * `@threadkit/testing`'s sanitisation and `@threadkit/core`'s `validateField` (which the harness
 * uses to predict blocked submissions and the server uses to re-check payloads).
 */
import { controlType, type FormNodeLike, validateField } from "@threadkit/core";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sanitizeValue } from "../../packages/testing/src/native.js";
import { launchBrowser, newPage } from "./helpers/index.js";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

type Case = [node: Record<string, unknown>, values: string[]];

/**
 * Where the two knowingly differ: Chromium's URL check accepts a space in the host (it escapes
 * it), the WHATWG parser core uses (Node's and the browser's `URL`) refuses it.
 */
const KNOWN: Record<string, { chromium: string | null; core: string | null }> = {
  "u:http://a b": { chromium: null, core: "type" },
};

const CASES: Case[] = [
  [
    { type: "Input", name: "e", inputType: "email" },
    [
      "a@b.co",
      "a@b",
      "a.b@c-d.e",
      "ab",
      "a@",
      "@b.co",
      "a b@c.d",
      "a@b..c",
      " a@b.co ",
      "a@-b.co",
      "x+y@z.io",
    ],
  ],
  [
    { type: "Input", name: "u", inputType: "url" },
    [
      "https://example.com",
      "example.com",
      "foo:bar",
      "http://",
      "mailto:a@b.c",
      "//x.y",
      "http://a b",
      "https://x.y/ z",
    ],
  ],
  [
    { type: "Input", name: "n", inputType: "number" },
    ["1", "-3", "1.0", "1.5", "1e3", "1e-7", ".5", "-0", "5.", "+1", "abc", "1,5", "0.0000001"],
  ],
  [
    { type: "DatePicker", name: "d", min: "2024-01-01T00:00:00Z", max: "2024-12-31" },
    [
      "2024-02-29",
      "2023-12-31",
      "2025-01-01",
      "2024-01-01",
      "2024-12-31",
      "2023-02-29",
      "2024-13-01",
      "24-01-01",
    ],
  ],
  [
    { type: "Input", name: "p", pattern: "[\\p{L} ]+", required: true },
    ["Élan vital", "abc1", "", "日本語", " "],
  ],
  [
    { type: "Input", name: "q", inputType: "tel", pattern: "\\+?[0-9 ]{7,}" },
    ["+1 555 0100", "555", ""],
  ],
  [{ type: "Input", name: "bad", pattern: "(" }, ["anything"]],
  [{ type: "Input", name: "esc", pattern: "a)|(b" }, ["a", "b", "ab"]],
  [
    { type: "Input", name: "s", inputType: "password", pattern: "[a-z]{3}" },
    ["abc", "abcd", "ab\nc"],
  ],
];

describe("validation: Chromium and @threadkit/core agree", () => {
  it("sanitises and validates every case the same way", async () => {
    const { page, close } = await newPage(browser);
    try {
      const ours: unknown[] = [];
      const theirs: unknown[] = [];
      for (const [node, values] of CASES) {
        const type = controlType(node as FormNodeLike) ?? "text";
        const attrs = {
          type,
          pattern: typeof node.pattern === "string" ? node.pattern : null,
          required: node.required === true,
          min: type === "date" ? "2024-01-01" : null,
          max: type === "date" ? "2024-12-31" : null,
        };
        const seen = await page.evaluate(
          ({ attrs, values }) =>
            values.map((v) => {
              const el = document.createElement("input");
              el.type = attrs.type;
              if (attrs.pattern !== null) el.pattern = attrs.pattern;
              if (attrs.min !== null) el.min = attrs.min;
              if (attrs.max !== null) el.max = attrs.max;
              el.required = attrs.required;
              el.value = v;
              const s = el.validity;
              const rule = s.valueMissing
                ? "required"
                : s.typeMismatch || s.badInput
                  ? "type"
                  : s.patternMismatch
                    ? "pattern"
                    : s.rangeUnderflow
                      ? "min"
                      : s.rangeOverflow
                        ? "max"
                        : s.stepMismatch
                          ? "step"
                          : null;
              return { value: el.value, rule };
            }),
          { attrs, values },
        );
        values.forEach((v, i) => {
          const value = sanitizeValue(type, v);
          const rule = validateField(node as FormNodeLike, value)?.code ?? null;
          const known = KNOWN[`${String(node.name)}:${v}`];
          if (known) {
            expect({ chromium: seen[i]?.rule, core: rule }).toEqual(known);
            return;
          }
          ours.push({ node: node.name, input: v, value, rule });
          theirs.push({ node: node.name, input: v, ...seen[i] });
        });
      }
      expect(ours).toEqual(theirs);
      expect(ours.length).toBeGreaterThan(50);
    } finally {
      await close();
    }
  });
});
