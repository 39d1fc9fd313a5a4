import * as d3 from "d3-shape";
import { describe, expect, it } from "vitest";
import { curveFor } from "../src/widgets/chart-model.js";

describe("Chart curveType", () => {
  it("maps ChatKit curve names, with or without d3's prefix, to d3-shape curves", () => {
    expect(curveFor("step")).toBe(d3.curveStep);
    expect(curveFor("natural")).toBe(d3.curveNatural);
    expect(curveFor("bump")).toBe(d3.curveBumpX);
    expect(curveFor("curveStepAfter")).toBe(d3.curveStepAfter);
    expect(curveFor("basisClosed")).toBe(d3.curveBasisClosed);
  });

  it("falls back to monotone for unknown or missing names", () => {
    expect(curveFor("wiggly")).toBe(d3.curveMonotoneX);
    expect(curveFor(undefined)).toBe(d3.curveMonotoneX);
    expect(curveFor(3)).toBe(d3.curveMonotoneX);
  });
});
