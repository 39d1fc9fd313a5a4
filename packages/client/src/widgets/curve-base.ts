/**
 * The building blocks of the chart's path generators: the path sink, the curve protocol (as in
 * d3-shape: `lineStart` / `point` / `lineEnd`, plus `areaStart` / `areaEnd` for areas) and the
 * state every curve shares.
 */

/** Where a curve draws (an SVG path string builder). */
export interface PathSink {
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  bezierCurveTo(x1: number, y1: number, x2: number, y2: number, x: number, y: number): void;
  closePath(): void;
}

/** A curve: receives points between `lineStart` / `lineEnd` (areas add `areaStart` / `areaEnd`). */
export interface Curve {
  areaStart(): void;
  areaEnd(): void;
  lineStart(): void;
  lineEnd(): void;
  point(x: number, y: number): void;
}

/** Makes a {@link Curve} drawing into a sink. */
export type CurveFactory = (sink: PathSink) => Curve;

/** Rounds like d3's path generators (3 decimals), which also keeps paths short. */
const r = (v: number) => Math.round(v * 1000) / 1000;

/** Builds an SVG path string (numbers rounded to 3 decimals; `Z` only after a move, as d3-path). */
export class PathBuilder implements PathSink {
  d = "";
  #open = false;
  moveTo(x: number, y: number) {
    this.d += `M${r(x)},${r(y)}`;
    this.#open = true;
  }
  lineTo(x: number, y: number) {
    this.d += `L${r(x)},${r(y)}`;
  }
  bezierCurveTo(x1: number, y1: number, x2: number, y2: number, x: number, y: number) {
    this.d += `C${r(x1)},${r(y1)},${r(x2)},${r(y2)},${r(x)},${r(y)}`;
  }
  closePath() {
    if (this.#open) this.d += "Z";
  }
}

/** Shared state: `line` is 0/1 while drawing an area's two edges, NaN for a plain line. */
export abstract class Base implements Curve {
  line = Number.NaN;
  p = 0;
  x0 = Number.NaN;
  y0 = Number.NaN;
  x1 = Number.NaN;
  y1 = Number.NaN;
  constructor(readonly c: PathSink) {}
  areaStart() {
    this.line = 0;
  }
  areaEnd() {
    this.line = Number.NaN;
  }
  lineStart() {
    this.x0 = this.x1 = this.y0 = this.y1 = Number.NaN;
    this.p = 0;
  }
  /** Closes an area's outline (or a one-point line) and flips to the other edge. */
  end(closeAt: number) {
    if (this.line || (this.line !== 0 && this.p === closeAt)) this.c.closePath();
    this.line = 1 - this.line;
  }
  /** The first point: a move, or a line joining an area's second edge. */
  start(x: number, y: number) {
    if (this.line) this.c.lineTo(x, y);
    else this.c.moveTo(x, y);
  }
  lineEnd() {
    this.end(1);
  }
  abstract point(x: number, y: number): void;
}

/** A curve that remembers the last two points (`x0,y0` and `x1,y1`). */
export abstract class Shifting extends Base {
  shift(x: number, y: number) {
    this.x0 = this.x1;
    this.x1 = x;
    this.y0 = this.y1;
    this.y1 = y;
  }
}
