/**
 * `<tk-chart>`: the Chart widget as accessible SVG (role="img" with a label, plus a visually
 * hidden data table), bars / lines / areas drawn with d3-shape, x labels, an optional y axis, a
 * legend and a tooltip that follows the pointer or the arrow keys.
 */
import { area, line } from "d3-shape";
import { css, html, LitElement, nothing, svg } from "lit";
import { styleMap } from "lit/directives/style-map.js";
import { createI18n, type I18n } from "../i18n/index.js";
import { bandLayout, type ChartModel, niceTicks, readChart } from "./chart-model.js";
import { blockStyles } from "./layout.js";
import type { WNode } from "./node.js";

const english = createI18n("en");
const DIGITS = { maximumFractionDigits: 2 };

/**
 * Renders one Chart node. Set `node`; the element measures its own width.
 *
 * @example
 * ```ts
 * html`<tk-chart .node=${chartNode}></tk-chart>`;
 * ```
 */
export class ChartView extends LitElement {
  static override properties = {
    node: { attribute: false },
    i18n: { attribute: false },
    width: { state: true },
    active: { state: true },
  };
  static override styles = css`
    :host { display: block; position: relative; min-width: 0; width: 100%; font-size: 12px; }
    svg { display: block; overflow: visible; }
    .axis { fill: var(--tkw-text-tertiary); font-size: 11px; }
    .grid { stroke: var(--tkw-border-subtle); }
    .baseline { stroke: var(--tkw-border-default); }
    .guide { stroke: var(--tkw-border-strong); stroke-dasharray: 3 3; }
    .plot:focus { outline: none; }
    .plot:focus-visible { outline: 2px solid var(--tkw-focus); outline-offset: 4px; border-radius: 6px; }
    .legend { display: flex; flex-wrap: wrap; gap: 4px 14px; margin-top: 10px; color: var(--tkw-text-secondary); }
    .legend span { display: inline-flex; align-items: center; gap: 6px; }
    .swatch { width: 10px; height: 10px; border-radius: 3px; flex: none; }
    .tip { position: absolute; top: 0; pointer-events: none; z-index: 1; min-width: 120px;
      padding: 8px 10px; border-radius: 10px; background: var(--tkw-surface-elevated);
      border: 1px solid var(--tkw-border-default); box-shadow: 0 4px 16px rgba(0,0,0,.12);
      color: var(--tkw-text-primary); line-height: 18px; }
    .tip b { display: block; font-weight: 600; margin-bottom: 2px; }
    .tip div { display: flex; align-items: center; gap: 6px; }
    .tip .v { margin-inline-start: auto; padding-inline-start: 12px; font-variant-numeric: tabular-nums; }
    .sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
  `;

  /** The Chart widget node. */
  declare node: WNode | undefined;
  /** Strings and number formats of the element's locale (English when unset). */
  declare i18n: I18n | undefined;
  declare width: number;
  declare active: number | undefined;
  #observer: ResizeObserver | undefined;

  constructor() {
    super();
    this.width = 400;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#observer = new ResizeObserver((entries) => {
      const w = Math.round(entries[0]?.contentRect.width ?? 0);
      if (w > 0 && w !== this.width) this.width = w;
    });
    this.#observer.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#observer?.disconnect();
  }

  #move(e: PointerEvent, m: ChartModel, left: number, band: number) {
    const box = (e.currentTarget as SVGElement).getBoundingClientRect();
    const i = Math.floor((e.clientX - box.left - left) / band);
    this.active = i >= 0 && i < m.categories.length ? i : undefined;
  }

  #key(e: KeyboardEvent, n: number) {
    const i = this.active ?? -1;
    if (e.key === "ArrowRight") this.active = Math.min(n - 1, i + 1);
    else if (e.key === "ArrowLeft") this.active = Math.max(0, i - 1);
    else if (e.key === "Escape") this.active = undefined;
    else return;
    e.preventDefault();
  }

  override render() {
    const node = this.node;
    if (!node) return nothing;
    const m = readChart(node);
    const n = m.categories.length;
    const showY = node.showYAxis === true;
    const showLegend = node.showLegend !== false;
    const showTip = node.showTooltip !== false;
    const H = typeof node.height === "number" ? node.height : 200;
    const W = this.width;
    const top = 8;
    const left = showY ? 40 : 4;
    const bottom = m.hideX ? 6 : 24;
    const innerW = Math.max(10, W - left - 4);
    const innerH = Math.max(10, H - top - bottom);
    const ticks = niceTicks(m.min, m.max, 4);
    const y0 = ticks[0]!;
    const y1 = ticks[ticks.length - 1]!;
    const y = (v: number) => top + innerH - ((v - y0) / (y1 - y0 || 1)) * innerH;
    const band = innerW / Math.max(1, n);
    const cx = (i: number) => left + band * i + band / 2;
    const bars = m.series.map((s, i) => ({ s, i })).filter(({ s }) => s.type === "bar");
    const groups = [...new Set(bars.map(({ s, i }) => s.stack ?? `#${i}`))];
    const lay = bandLayout(band, groups.length, node.barGap, node.barCategoryGap);
    const every = Math.max(1, Math.ceil((n * 56) / innerW));
    const i18n = this.i18n ?? english;
    const num = (v: number) => i18n.formatNumber(v, DIGITS);
    const label = i18n.t("chartLabel", {
      series: m.series.map((s) => s.label).join(", "),
      x: m.xLabel,
      count: i18n.formatNumber(n),
    });
    const shapes = m.series.map((s, si) => {
      const ext = m.extents[si]!;
      if (s.type === "bar") {
        const g = groups.indexOf(s.stack ?? `#${si}`);
        return ext.map(([a, b], i) => {
          const x = left + band * i + lay.offset + g * (lay.groupWidth + lay.gap);
          const yTop = Math.min(y(a), y(b));
          const h = Math.abs(y(a) - y(b));
          return svg`<rect x=${x} y=${yTop} width=${lay.groupWidth} height=${h} rx=${Math.min(4, lay.groupWidth / 4)} fill=${s.color} opacity=${this.active === undefined || this.active === i ? 1 : 0.55}></rect>`;
        });
      }
      const pts = ext.map(([a, b], i) => ({ i, a, b }));
      if (s.type === "area") {
        const d = area<{ i: number; a: number; b: number }>()
          .x((p) => cx(p.i))
          .y0((p) => y(p.a))
          .y1((p) => y(p.b))
          .curve(s.curve)(pts);
        const top = line<{ i: number; b: number }>()
          .x((p) => cx(p.i))
          .y((p) => y(p.b))
          .curve(s.curve)(pts);
        return svg`<path d=${d ?? ""} fill=${s.color} fill-opacity="0.22"></path><path d=${top ?? ""} fill="none" stroke=${s.color} stroke-width="2"></path>`;
      }
      const d = line<{ i: number; b: number }>()
        .x((p) => cx(p.i))
        .y((p) => y(p.b))
        .curve(s.curve)(pts);
      return svg`<path d=${d ?? ""} fill="none" stroke=${s.color} stroke-width="2" stroke-linecap="round"></path>`;
    });
    const a = this.active;
    const tipLeft = a === undefined ? 0 : Math.min(Math.max(0, cx(a) + 12), W - 140);
    return html`<div style=${styleMap(blockStyles({ ...node, height: undefined }))}>
      <div
        class="plot"
        tabindex=${showTip && n ? "0" : nothing}
        aria-label=${showTip && n ? `${label}. ${i18n.t("chartHint")}` : nothing}
        @keydown=${(e: KeyboardEvent) => this.#key(e, n)}
        @blur=${() => (this.active = undefined)}
      >
        <svg role="img" aria-label=${label} width=${W} height=${H} viewBox="0 0 ${W} ${H}"
          @pointermove=${showTip ? (e: PointerEvent) => this.#move(e, m, left, band) : nothing}
          @pointerleave=${() => (this.active = undefined)}>
          ${ticks.map((t) => svg`<line class=${t === 0 ? "baseline" : "grid"} x1=${left} x2=${left + innerW} y1=${y(t)} y2=${y(t)}></line>`)}
          ${showY ? ticks.map((t) => svg`<text class="axis" x=${left - 6} y=${y(t)} dy="0.32em" text-anchor="end">${num(t)}</text>`) : nothing}
          ${a !== undefined && showTip ? svg`<line class="guide" x1=${cx(a)} x2=${cx(a)} y1=${top} y2=${top + innerH}></line>` : nothing}
          ${shapes}
          ${m.hideX ? nothing : m.labels.map((l, i) => (i % every === 0 ? svg`<text class="axis" x=${cx(i)} y=${H - 6} text-anchor="middle">${l}</text>` : nothing))}
        </svg>
      </div>
      ${
        a !== undefined && showTip
          ? html`<div class="tip" style=${styleMap({ left: `${tipLeft}px`, top: `${top}px` })} role="status">
            <b>${m.labels[a]}</b>
            ${m.series.map((s, si) => html`<div><span class="swatch" style=${styleMap({ background: s.color })}></span>${s.label}<span class="v">${Number.isNaN(m.values[si]![a]!) ? "–" : num(m.values[si]![a]!)}</span></div>`)}
          </div>`
          : nothing
      }
      ${
        showLegend && m.series.length
          ? html`<div class="legend" aria-hidden="true">${m.series.map((s) => html`<span><span class="swatch" style=${styleMap({ background: s.color })}></span>${s.label}</span>`)}</div>`
          : nothing
      }
      <table class="sr">
        <caption>${label}</caption>
        <thead><tr><th scope="col">${m.xLabel}</th>${m.series.map((s) => html`<th scope="col">${s.label}</th>`)}</tr></thead>
        <tbody>${m.labels.map((l, i) => html`<tr><th scope="row">${l}</th>${m.values.map((v) => html`<td>${Number.isNaN(v[i]!) ? "" : num(v[i]!)}</td>`)}</tr>`)}</tbody>
      </table>
    </div>`;
  }
}

if (!customElements.get("tk-chart")) customElements.define("tk-chart", ChartView);

declare global {
  interface HTMLElementTagNameMap {
    "tk-chart": ChartView;
  }
}
