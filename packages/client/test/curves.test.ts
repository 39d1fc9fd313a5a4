import * as d3 from "d3-shape";
import { describe, expect, it } from "vitest";
import { areaPath, CURVES, linePath } from "../src/widgets/curves.js";

const D3: Record<string, d3.CurveFactory> = {
  basis: d3.curveBasis,
  basisClosed: d3.curveBasisClosed,
  basisOpen: d3.curveBasisOpen,
  bump: d3.curveBumpX,
  bumpX: d3.curveBumpX,
  bumpY: d3.curveBumpY,
  linear: d3.curveLinear,
  linearClosed: d3.curveLinearClosed,
  natural: d3.curveNatural,
  monotone: d3.curveMonotoneX,
  monotoneX: d3.curveMonotoneX,
  monotoneY: d3.curveMonotoneY,
  step: d3.curveStep,
  stepBefore: d3.curveStepBefore,
  stepAfter: d3.curveStepAfter,
};

/** Deterministic pseudo-random points (a small LCG), with repeats and plateaus mixed in. */
function points(n: number, seed: number): [number, number, number][] {
  let s = seed;
  const rnd = () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
  return Array.from({ length: n }, (_, i) => {
    const y = i % 4 === 3 ? 50 : Math.round(rnd() * 1000) / 10;
    return [i * 17.5 + (i % 3 === 0 ? 0 : rnd()), 200, y];
  });
}

describe("chart curves match d3-shape", () => {
  it("covers every ChatKit curve name", () => {
    expect(Object.keys(CURVES).sort()).toEqual(Object.keys(D3).sort());
  });

  for (const name of Object.keys(D3)) {
    it(`${name}: lines and areas of 0 to 9 points`, () => {
      for (let n = 0; n <= 9; n++) {
        for (const seed of [1, 7, 42]) {
          const pts = points(n, seed + n);
          const curve = CURVES[name]!;
          const d3Line = d3.line().curve(D3[name]!)(pts.map(([x, , y]) => [x, y])) ?? "";
          expect(
            linePath(
              pts.map(([x, , y]) => [x, y] as const),
              curve,
            ),
          ).toBe(d3Line);
          const d3Area =
            d3
              .area<[number, number, number]>()
              .x((p) => p[0])
              .y0((p) => p[1])
              .y1((p) => p[2])
              .curve(D3[name]!)(pts) ?? "";
          expect(areaPath(pts, curve)).toBe(d3Area);
        }
      }
    });
  }

  it("skips coincident points in monotone curves like d3", () => {
    const pts: [number, number][] = [
      [0, 0],
      [0, 0],
      [10, 5],
      [20, 5],
      [20, 5],
      [30, 0],
    ];
    expect(linePath(pts, CURVES.monotone!)).toBe(d3.line().curve(d3.curveMonotoneX)(pts));
  });
});
