/**
 * One truth: `@threadkit/testing` and the real `<tk-widget>` in Chromium, given the same widgets
 * and the same interactions, must send identical actions, block identical submissions (same
 * field, same rule), report the same errors and show the same container loading. Runs every
 * shared widget fixture (every control clicked, every text in a clickable row clicked) and the
 * harness's form scenarios (packages/testing/test/scenarios.ts).
 */
import {
  type InteractionResult,
  type MountedWidget,
  mountWidget as mountHarness,
} from "@threadkit/testing";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  runStep,
  SCENARIOS,
  type Step,
  type Target,
} from "../../packages/testing/test/scenarios.js";
import { type Harness, launchBrowser, newPage } from "./helpers/index.js";
import { loadFixtures, mountWidget, startWidgetHarness } from "./widgets-fixture.js";

let browser: Browser;
let harness: Harness;

beforeAll(async () => {
  [browser, harness] = await Promise.all([launchBrowser(), startWidgetHarness()]);
});
afterAll(async () => {
  await Promise.all([browser?.close(), harness?.close()]);
});

/** What the element did in one step, in the harness's terms. */
interface Observed {
  actions: unknown[];
  blocked: { name: string; rule: string } | undefined;
  errors: string[];
  container: boolean;
  /** Some control shows its own busy state. */
  self: boolean;
}

const CONTROLS = "button, input, select, textarea, [role=button]";

/** Mounts `widget` in the page, records `invalid` events and holds actions pending. */
async function mountInPage(page: Page, widget: unknown): Promise<void> {
  await mountWidget(page, harness, widget);
  await page.evaluate(() => {
    const w = window as unknown as { __invalid: unknown[]; __hold: boolean; __el: HTMLElement };
    w.__invalid = [];
    w.__hold = true;
    w.__el.shadowRoot!.addEventListener(
      "invalid",
      (e) => {
        const el = e.target as HTMLInputElement;
        const v = el.validity;
        const rule = v.valueMissing
          ? "required"
          : v.typeMismatch || v.badInput
            ? "type"
            : v.patternMismatch || v.customError
              ? "pattern"
              : v.rangeUnderflow
                ? "min"
                : v.rangeOverflow
                  ? "max"
                  : v.stepMismatch
                    ? "step"
                    : "?";
        w.__invalid.push({ name: el.name, rule });
      },
      true,
    );
  });
}

/** Runs `perform` in the page and reports what the element did; then lets every action finish. */
async function observe(page: Page, perform: () => Promise<void>): Promise<Observed> {
  const before = await page.evaluate(() => {
    const w = window as unknown as { __calls: unknown[]; __errors: string[]; __invalid: unknown[] };
    w.__invalid = [];
    return { calls: w.__calls.length, errors: w.__errors.length };
  });
  await perform();
  const seen = await page.evaluate((b) => {
    const w = window as unknown as {
      __calls: { action: unknown }[];
      __errors: string[];
      __invalid: { name: string; rule: string }[];
      __el: HTMLElement;
    };
    const root = w.__el.shadowRoot!;
    return {
      actions: w.__calls.slice(b.calls).map((c) => c.action),
      errors: w.__errors.slice(b.errors),
      blocked: w.__invalid[0],
      container: root.querySelector(".root[data-loading=container]") !== null,
      self: root.querySelector(":not(.root)[aria-busy=true]") !== null,
    };
  }, before);
  await page.evaluate(() => (window as unknown as { __settle(ok: boolean): void }).__settle(true));
  await page.waitForFunction(() => {
    const root = (window as unknown as { __el: HTMLElement }).__el.shadowRoot!;
    return root.querySelector("[aria-busy=true]") === null;
  });
  return seen;
}

function browserLocator(page: Page, target: Target): Locator {
  const widget = page.locator("tk-widget");
  if ("button" in target) return widget.getByRole("button", { name: target.button, exact: true });
  if ("text" in target) return widget.getByText(target.text, { exact: true });
  if ("label" in target) return widget.getByLabel(target.label, { exact: true });
  const value = target.value === undefined ? "" : `[value="${target.value}"]`;
  return widget.locator(`[name="${target.name}"]${value}`);
}

async function browserStep(page: Page, step: Step): Promise<void> {
  if ("fill" in step) return browserLocator(page, step.fill).fill(step.text);
  if ("select" in step) {
    await browserLocator(page, step.select).selectOption(step.value);
    return;
  }
  if ("check" in step) return browserLocator(page, step.check).setChecked(step.checked ?? true);
  if ("pickDate" in step) return browserLocator(page, step.pickDate).fill(step.date);
  if ("click" in step) return browserLocator(page, step.click).click();
  if ("update" in step) {
    await page.evaluate(
      (widget) =>
        (window as unknown as { updateWidget(w: unknown): Promise<void> }).updateWidget(widget),
      step.update,
    );
    return;
  }
  return browserLocator(page, step.submit).press("Enter");
}

/**
 * Requires the harness's result and the element's behaviour to be the same. `bound` says whether
 * the action was bound to a control that can show its own busy state (not so for Enter in a field,
 * whose "self" loading belongs to the form).
 */
function expectSame(
  label: string,
  predicted: InteractionResult,
  seen: Observed,
  bound = true,
): void {
  expect({ label, actions: seen.actions }).toEqual({ label, actions: predicted.actions });
  expect({ label, blocked: seen.blocked }).toEqual({
    label,
    blocked: predicted.blocked && { name: predicted.blocked.name, rule: predicted.blocked.rule },
  });
  expect({ label, errors: seen.errors }).toEqual({
    label,
    errors: predicted.errors.map((e) => e.message),
  });
  if (predicted.actions.length === 1) {
    expect({ label, container: seen.container }).toEqual({
      label,
      container: predicted.loading === "container",
    });
    expect({ label, self: seen.self }).toEqual({
      label,
      self: predicted.loading === "self" && bound,
    });
  }
}

/** The roles of the page's controls, in document order, as the harness names them. */
function browserRoles(page: Page): Promise<string[]> {
  return page.evaluate((sel) => {
    const root = (window as unknown as { __el: HTMLElement }).__el.shadowRoot!;
    return [...root.querySelectorAll<HTMLElement>(sel)].map((el) => {
      if (el instanceof HTMLInputElement) {
        if (el.type === "checkbox" || el.type === "radio") return el.type;
        return el.type === "number" ? "spinbutton" : "textbox";
      }
      if (el instanceof HTMLSelectElement) return "combobox";
      if (el instanceof HTMLTextAreaElement) return "textbox";
      return "button";
    });
  }, CONTROLS);
}

/** Every harness control is found by Playwright under the same role and accessible name. */
async function expectSameNames(page: Page, w: MountedWidget): Promise<void> {
  for (const control of w.controls()) {
    const role = control.role;
    if (!role || role === "group" || role === "radiogroup") continue;
    const name = control.name;
    const harnessCount = w.getAllByRole(role, { name, exact: true }).length;
    const browserCount = await page
      .locator("tk-widget")
      .getByRole(role, { name, exact: true, includeHidden: false })
      .count();
    expect({ role, name, count: browserCount }).toEqual({ role, name, count: harnessCount });
  }
}

function harnessRoles(w: MountedWidget): string[] {
  return w
    .controls()
    .map((c) => c.role ?? "")
    .filter((r) => r !== "group");
}

describe("@threadkit/testing predicts the element exactly", () => {
  it("has fixtures and scenarios", () => {
    expect(loadFixtures().length).toBeGreaterThan(5);
    expect(SCENARIOS.length).toBeGreaterThan(5);
  });

  for (const { name, widget } of loadFixtures()) {
    it(`fixture ${name}: same controls, and every click sends the same actions`, async () => {
      const { page, errors, close } = await newPage(browser);
      try {
        await mountInPage(page, widget);
        const w = mountHarness(widget);
        expect(await browserRoles(page)).toEqual(harnessRoles(w));
        await expectSameNames(page, w);
        let clicks = 0;
        // Every button (toggles may add more: the list is read again after each click).
        for (let i = 0; i < w.controls().length; i++) {
          const control = w.controls()[i]!;
          if (control.role !== "button" || control.disabled) continue;
          const predicted = control.click();
          const seen = await observe(page, () =>
            page.locator("tk-widget").locator(CONTROLS).nth(i).click(),
          );
          expectSame(`${name} control ${i} "${control.name}"`, predicted, seen);
          expect(await browserRoles(page)).toEqual(harnessRoles(w));
          clicks++;
        }
        // Every text inside a clickable row runs the row's action.
        for (const row of w.controls().filter((c) => c.el.kind === "listItem")) {
          for (const text of w.getAllByText(/./)) {
            if (!isInside(text.el, row.el) || text.el.kind !== "text") continue;
            const same = w.getAllByText(text.name, { exact: true });
            const nth = same.findIndex((c) => c.el === text.el);
            const predicted = text.click();
            const seen = await observe(page, () =>
              page.locator("tk-widget").getByText(text.name, { exact: true }).nth(nth).click(),
            );
            expectSame(`${name} text "${text.name}"`, predicted, seen);
            clicks++;
            break;
          }
        }
        const clickable = w.controls().filter((c) => c.role === "button" && !c.disabled);
        expect(clicks).toBeGreaterThanOrEqual(clickable.length);
        expect(errors).toEqual([]);
      } finally {
        await close();
      }
    });
  }

  for (const scenario of SCENARIOS) {
    it(`scenario: ${scenario.name}`, async () => {
      const { page, errors, close } = await newPage(browser);
      try {
        await mountInPage(page, scenario.widget);
        const w = mountHarness(scenario.widget);
        expect(await browserRoles(page)).toEqual(harnessRoles(w));
        await expectSameNames(page, w);
        for (const [i, step] of scenario.steps.entries()) {
          const predicted = runStep(w, step);
          const seen = await observe(page, () => browserStep(page, step));
          expectSame(`step ${i} ${JSON.stringify(step)}`, predicted, seen, !("submit" in step));
          expect(await browserRoles(page)).toEqual(harnessRoles(w));
        }
        expect(errors).toEqual([]);
      } finally {
        await close();
      }
    });
  }
});

function isInside(el: { parent: unknown }, ancestor: unknown): boolean {
  for (let n = el.parent as { parent: unknown } | undefined; n; n = n.parent as typeof n) {
    if (n === ancestor) return true;
  }
  return false;
}
