/**
 * B-spline curves (basis, basisOpen, basisClosed), ported from d3-shape (ISC, © Mike Bostock).
 */
import { type Base, Shifting } from "./curve-base.js";

function basisPoint(b: Base, x: number, y: number) {
  b.c.bezierCurveTo(
    (2 * b.x0 + b.x1) / 3,
    (2 * b.y0 + b.y1) / 3,
    (b.x0 + 2 * b.x1) / 3,
    (b.y0 + 2 * b.y1) / 3,
    (b.x0 + 4 * b.x1 + x) / 6,
    (b.y0 + 4 * b.y1 + y) / 6,
  );
}

export class Basis extends Shifting {
  override lineEnd() {
    if (this.p === 3) basisPoint(this, this.x1, this.y1);
    if (this.p === 3 || this.p === 2) this.c.lineTo(this.x1, this.y1);
    this.end(1);
  }
  point(x: number, y: number) {
    if (this.p === 0) {
      this.p = 1;
      this.start(x, y);
    } else if (this.p === 1) this.p = 2;
    else {
      if (this.p === 2) {
        this.p = 3;
        this.c.lineTo((5 * this.x0 + this.x1) / 6, (5 * this.y0 + this.y1) / 6);
      }
      basisPoint(this, x, y);
    }
    this.shift(x, y);
  }
}

export class BasisOpen extends Shifting {
  override lineEnd() {
    this.end(3);
  }
  point(x: number, y: number) {
    if (this.p < 2) this.p++;
    else if (this.p === 2) {
      this.p = 3;
      this.start((this.x0 + 4 * this.x1 + x) / 6, (this.y0 + 4 * this.y1 + y) / 6);
    } else {
      this.p = 4;
      basisPoint(this, x, y);
    }
    this.shift(x, y);
  }
}

export class BasisClosed extends Shifting {
  first: [number, number][] = [];
  override areaStart() {}
  override areaEnd() {}
  override lineStart() {
    super.lineStart();
    this.first = [];
  }
  override lineEnd() {
    const [a, b, c] = this.first;
    if (this.p === 1 && a) {
      this.c.moveTo(a[0], a[1]);
      this.c.closePath();
    } else if (this.p === 2 && a && b) {
      this.c.moveTo((a[0] + 2 * b[0]) / 3, (a[1] + 2 * b[1]) / 3);
      this.c.lineTo((b[0] + 2 * a[0]) / 3, (b[1] + 2 * a[1]) / 3);
      this.c.closePath();
    } else if (this.p === 3 && a && b && c) {
      for (const [x, y] of [a, b, c]) this.point(x, y);
    }
  }
  point(x: number, y: number) {
    if (this.p < 3) {
      this.first.push([x, y]);
      this.p++;
      if (this.p === 3)
        this.c.moveTo((this.x0 + 4 * this.x1 + x) / 6, (this.y0 + 4 * this.y1 + y) / 6);
    } else basisPoint(this, x, y);
    this.shift(x, y);
  }
}
