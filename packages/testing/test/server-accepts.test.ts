/**
 * One truth with the server too: every action the harness predicts the element sends (and the
 * parity test holds the harness to the element) passes the server's declared-action check
 * against the widget it came from.
 */
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { verifyWidgetAction } from "@threadkit/server";
import { mountWidget } from "@threadkit/testing";
import { describe, expect, it } from "vitest";
import { runStep, SCENARIOS } from "./scenarios.js";

const FIXTURES = fileURLToPath(new URL("../../../../shared/fixtures/widgets", import.meta.url));

describe("the server accepts what the element sends", () => {
  it("every action of every scenario", () => {
    let checked = 0;
    for (const scenario of SCENARIOS) {
      const w = mountWidget(scenario.widget);
      for (const step of scenario.steps) {
        const widget = w.widget; // the widget the action is sent from (before any update)
        for (const action of runStep(w, step).actions) {
          const refusal = verifyWidgetAction(widget, {
            type: action.type,
            payload: action.payload ?? null,
          });
          expect({ scenario: scenario.name, action, refusal }).toEqual({
            scenario: scenario.name,
            action,
            refusal: null,
          });
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(30);
  });

  it("every click in every shared fixture", () => {
    let checked = 0;
    for (const file of readdirSync(FIXTURES).filter((f) => f.endsWith(".json"))) {
      const widget = JSON.parse(readFileSync(`${FIXTURES}/${file}`, "utf8"));
      const w = mountWidget(widget);
      for (const control of w.getAllByRole("button")) {
        for (const action of control.click().actions) {
          expect(
            verifyWidgetAction(widget, { type: action.type, payload: action.payload ?? null }),
          ).toBeNull();
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(10);
  });

  it("a nested Form's onSubmitAction is not declared: the element never sends it", () => {
    const scenario = SCENARIOS.find((s) => s.name.startsWith("nested Form"))!;
    expect(
      verifyWidgetAction(scenario.widget, { type: "inner.submit", payload: null }),
    ).toMatchObject({ kind: "refused" });
  });
});
