/**
 * axe-core in the browser tests: injects `node_modules/axe-core/axe.min.js` into the page (it
 * audits open shadow roots, so `<threadkit-chat>` and every `<tk-widget>` are included) and
 * returns the violations as one readable line per failing node.
 */
import { createRequire } from "node:module";
import type { Page } from "playwright-core";

const AXE_PATH = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

/** The axe violations on `page` now, as `rule (impact): target — summary` lines. */
export async function axeViolations(page: Page, label: string): Promise<string[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ path: AXE_PATH });
  // Colours are measured as the user sees them at rest, not halfway through an entry fade
  // (animations in shadow roots are not all listed by document.getAnimations()).
  await page.emulateMedia({ reducedMotion: "reduce" });
  const lines = await page.evaluate(async () => {
    type Node = { target: unknown[]; failureSummary?: string };
    type Violation = { id: string; impact?: string; nodes: Node[] };
    const axe = (
      window as unknown as {
        axe: { run(c: unknown, o: unknown): Promise<{ violations: Violation[] }> };
      }
    ).axe;
    const result = await axe.run(document, {
      resultTypes: ["violations"],
      // Experimental in axe, asked for by the issue: a control's name starts with its label.
      rules: { "label-content-name-mismatch": { enabled: true } },
    });
    return result.violations.flatMap((v) =>
      v.nodes.map((n) => {
        const why = (n.failureSummary ?? "").split("\n").slice(1).join(" ").trim();
        return `${v.id} (${v.impact ?? "?"}): ${JSON.stringify(n.target)} ${why}`;
      }),
    );
  });
  return lines.map((line) => `[${label}] ${line}`);
}
