/**
 * SVG path generators for the Chart widget's line and area series: `linePath` / `areaPath` and
 * the curve interpolations ChatKit names (`curveType`). A compact port of d3-shape's line, area
 * and curves (ISC licence, © Mike Bostock) producing the same paths: d3-shape's bundle cannot be
 * tree-shaken (importing `line` alone costs 18 KB), and these few are all the chart needs.
 */
import { Base, type CurveFactory, PathBuilder, type PathSink } from "./curve-base.js";
import { Basis, BasisClosed, BasisOpen } from "./curve-basis.js";
import { MonotoneX, MonotoneY, Natural } from "./curve-smooth.js";

export type { Curve, CurveFactory, PathSink } from "./curve-base.js";

class Linear extends Base {
  point(x: number, y: number) {
    if (this.p === 0) this.start(x, y);
    else this.c.lineTo(x, y);
    this.p = 1 + (this.p && 1);
  }
}

class LinearClosed extends Base {
  override areaStart() {}
  override areaEnd() {}
  override lineEnd() {
    if (this.p) this.c.closePath();
  }
  point(x: number, y: number) {
    if (this.p) this.c.lineTo(x, y);
    else {
      this.p = 1;
      this.c.moveTo(x, y);
    }
  }
}

class Step extends Base {
  constructor(
    c: PathSink,
    public t: number,
  ) {
    super(c);
  }
  override lineEnd() {
    if (0 < this.t && this.t < 1 && this.p === 2) this.c.lineTo(this.x1, this.y1);
    if (this.line || (this.line !== 0 && this.p === 1)) this.c.closePath();
    if (this.line >= 0) {
      this.t = 1 - this.t;
      this.line = 1 - this.line;
    }
  }
  point(x: number, y: number) {
    if (this.p === 0) {
      this.p = 1;
      this.start(x, y);
    } else {
      this.p = 2;
      if (this.t <= 0) {
        this.c.lineTo(this.x1, y);
        this.c.lineTo(x, y);
      } else {
        const x1 = this.x1 * (1 - this.t) + x * this.t;
        this.c.lineTo(x1, this.y1);
        this.c.lineTo(x1, y);
      }
    }
    this.x1 = x;
    this.y1 = y;
  }
}

class Bump extends Base {
  constructor(
    c: PathSink,
    readonly horizontal: boolean,
  ) {
    super(c);
  }
  override lineStart() {
    this.p = 0;
  }
  point(x: number, y: number) {
    if (this.p === 0) {
      this.p = 1;
      this.start(x, y);
    } else {
      this.p = 2;
      if (this.horizontal) {
        this.x0 = (this.x0 + x) / 2;
        this.c.bezierCurveTo(this.x0, this.y0, this.x0, y, x, y);
      } else {
        this.y0 = (this.y0 + y) / 2;
        this.c.bezierCurveTo(this.x0, this.y0, x, this.y0, x, y);
      }
    }
    this.x0 = x;
    this.y0 = y;
  }
}

/** The ChatKit `curveType` names and their curves. */
export const CURVES: Record<string, CurveFactory> = {
  basis: (c) => new Basis(c),
  basisClosed: (c) => new BasisClosed(c),
  basisOpen: (c) => new BasisOpen(c),
  bump: (c) => new Bump(c, true),
  bumpX: (c) => new Bump(c, true),
  bumpY: (c) => new Bump(c, false),
  linear: (c) => new Linear(c),
  linearClosed: (c) => new LinearClosed(c),
  natural: (c) => new Natural(c),
  monotone: (c) => new MonotoneX(c),
  monotoneX: (c) => new MonotoneX(c),
  monotoneY: (c) => new MonotoneY(c),
  step: (c) => new Step(c, 0.5),
  stepBefore: (c) => new Step(c, 0),
  stepAfter: (c) => new Step(c, 1),
};

/**
 * The SVG path of a line through `points` (`[x, y]` pairs) with `curve`, or `""` for no points.
 *
 * @example
 * ```ts
 * linePath([[0, 0], [10, 5]], CURVES.linear!); // "M0,0L10,5"
 * ```
 */
export function linePath(points: readonly (readonly [number, number])[], curve: CurveFactory) {
  const sink = new PathBuilder();
  const out = curve(sink);
  out.lineStart();
  for (const [x, y] of points) out.point(x, y);
  out.lineEnd();
  return points.length ? sink.d : "";
}

/**
 * The SVG path of the area between a top edge (`x, y1`) and a baseline (`x, y0`), as d3's
 * `area()`, or `""` for no points.
 *
 * @example
 * ```ts
 * areaPath([[0, 10, 0], [10, 10, 5]], CURVES.linear!); // "M0,0L10,5L10,10L0,10Z"
 * ```
 */
export function areaPath(
  points: readonly (readonly [x: number, y0: number, y1: number])[],
  curve: CurveFactory,
) {
  if (!points.length) return "";
  const sink = new PathBuilder();
  const out = curve(sink);
  out.areaStart();
  out.lineStart();
  for (const [x, , y1] of points) out.point(x, y1);
  out.lineEnd();
  out.lineStart();
  for (let i = points.length - 1; i >= 0; i--) out.point(points[i]![0], points[i]![1]);
  out.lineEnd();
  out.areaEnd();
  return sink.d;
}
