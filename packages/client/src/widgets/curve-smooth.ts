/**
 * Smooth interpolating curves, ported from d3-shape (ISC, © Mike Bostock): natural cubic splines
 * and monotone cubics (Steffen's method) in x or y.
 */
import { Base, type PathSink, Shifting } from "./curve-base.js";

/** The control points of a natural cubic spline through `x` (one coordinate). */
function controlPoints(x: number[]): [number[], number[]] {
  const n = x.length - 1;
  const a = new Array<number>(n);
  const b = new Array<number>(n);
  const r = new Array<number>(n);
  a[0] = 0;
  b[0] = 2;
  r[0] = x[0]! + 2 * x[1]!;
  for (let i = 1; i < n - 1; ++i) {
    a[i] = 1;
    b[i] = 4;
    r[i] = 4 * x[i]! + 2 * x[i + 1]!;
  }
  a[n - 1] = 2;
  b[n - 1] = 7;
  r[n - 1] = 8 * x[n - 1]! + x[n]!;
  for (let i = 1; i < n; ++i) {
    const m = a[i]! / b[i - 1]!;
    b[i] = b[i]! - m;
    r[i] = r[i]! - m * r[i - 1]!;
  }
  a[n - 1] = r[n - 1]! / b[n - 1]!;
  for (let i = n - 2; i >= 0; --i) a[i] = (r[i]! - a[i + 1]!) / b[i]!;
  b[n - 1] = (x[n]! + a[n - 1]!) / 2;
  for (let i = 0; i < n - 1; ++i) b[i] = 2 * x[i + 1]! - a[i + 1]!;
  return [a, b];
}

/** `natural`: a natural cubic spline through every point. */
export class Natural extends Base {
  xs: number[] = [];
  ys: number[] = [];
  override lineStart() {
    this.xs = [];
    this.ys = [];
  }
  override lineEnd() {
    const { xs: x, ys: y } = this;
    const n = x.length;
    if (n) {
      this.start(x[0]!, y[0]!);
      if (n === 2) this.c.lineTo(x[1]!, y[1]!);
      else if (n > 2) {
        const px = controlPoints(x);
        const py = controlPoints(y);
        for (let i0 = 0, i1 = 1; i1 < n; ++i0, ++i1) {
          this.c.bezierCurveTo(px[0][i0]!, py[0][i0]!, px[1][i0]!, py[1][i0]!, x[i1]!, y[i1]!);
        }
      }
    }
    if (this.line || (this.line !== 0 && n === 1)) this.c.closePath();
    this.line = 1 - this.line;
  }
  point(x: number, y: number) {
    this.xs.push(x);
    this.ys.push(y);
  }
}

const sign = (x: number) => (x < 0 ? -1 : 1);

/** Steffen's slope at the middle of the last three points (x0, x1, x2). */
function slope3(m: Monotone, x2: number, y2: number): number {
  const h0 = m.x1 - m.x0;
  const h1 = x2 - m.x1;
  const s0 = (m.y1 - m.y0) / (h0 || (h1 < 0 ? -0 : 0));
  const s1 = (y2 - m.y1) / (h1 || (h0 < 0 ? -0 : 0));
  const p = (s0 * h1 + s1 * h0) / (h0 + h1);
  return (sign(s0) + sign(s1)) * Math.min(Math.abs(s0), Math.abs(s1), 0.5 * Math.abs(p)) || 0;
}

/** The one-sided slope at an end point, from the slope `t` of its neighbour. */
function slope2(m: Monotone, t: number): number {
  const h = m.x1 - m.x0;
  return h ? ((3 * (m.y1 - m.y0)) / h - t) / 2 : t;
}

function hermite(m: Monotone, t0: number, t1: number) {
  const dx = (m.x1 - m.x0) / 3;
  m.c.bezierCurveTo(m.x0 + dx, m.y0 + dx * t0, m.x1 - dx, m.y1 - dx * t1, m.x1, m.y1);
}

class Monotone extends Shifting {
  t0 = Number.NaN;
  override lineStart() {
    super.lineStart();
    this.t0 = Number.NaN;
  }
  override lineEnd() {
    if (this.p === 2) this.c.lineTo(this.x1, this.y1);
    else if (this.p === 3) hermite(this, this.t0, slope2(this, this.t0));
    this.end(1);
  }
  point(x: number, y: number) {
    let t1 = Number.NaN;
    if (x === this.x1 && y === this.y1) return; // coincident points are ignored
    if (this.p === 0) {
      this.p = 1;
      this.start(x, y);
    } else if (this.p === 1) this.p = 2;
    else if (this.p === 2) {
      this.p = 3;
      t1 = slope3(this, x, y);
      hermite(this, slope2(this, t1), t1);
    } else {
      t1 = slope3(this, x, y);
      hermite(this, this.t0, t1);
    }
    this.shift(x, y);
    this.t0 = t1;
  }
}

/** `monotone` / `monotoneX`: a cubic that keeps monotonicity in y. */
export class MonotoneX extends Monotone {}

/** Swaps x and y on the way to the real sink. */
class SwapXY implements PathSink {
  constructor(readonly c: PathSink) {}
  moveTo(x: number, y: number) {
    this.c.moveTo(y, x);
  }
  lineTo(x: number, y: number) {
    this.c.lineTo(y, x);
  }
  bezierCurveTo(x1: number, y1: number, x2: number, y2: number, x: number, y: number) {
    this.c.bezierCurveTo(y1, x1, y2, x2, y, x);
  }
  closePath() {
    this.c.closePath();
  }
}

/** `monotoneY`: a cubic that keeps monotonicity in x. */
export class MonotoneY extends Monotone {
  constructor(c: PathSink) {
    super(new SwapXY(c));
  }
  override point(x: number, y: number) {
    super.point(y, x);
  }
}
