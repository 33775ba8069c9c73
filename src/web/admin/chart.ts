import { html, type SafeHtml } from '../site/html.ts';

// A line chart as inline SVG, drawn on the server: no script, no request to
// anyone, readable without JavaScript and printable. Colours and sizes are
// SVG attributes (the admin's CSP allows no inline style). Screen readers get
// the label; the figures themselves are in a table beside the chart.

export interface ChartSeries {
  name: string;
  colour: string;
  values: number[];
}

export interface ChartSpec {
  label: string;
  /** one label per point (only a few are drawn) */
  labels: string[];
  series: ChartSeries[];
  width?: number;
  height?: number;
}

/** A round top for the y axis: 1, 2 or 5 times a power of ten, at least `max`. */
export function niceCeiling(max: number): number {
  if (max <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(max));
  for (const m of [1, 2, 5, 10]) if (m * p >= max) return m * p;
  return 10 * p;
}

const fmt = (n: number) => (Number.isInteger(n) ? n.toLocaleString('en-US') : n.toFixed(1));
const r1 = (n: number) => Math.round(n * 10) / 10;

export function lineChart(spec: ChartSpec): SafeHtml {
  const W = spec.width ?? 760;
  const H = spec.height ?? 260;
  const left = 56;
  const right = 12;
  const top = 28;
  const bottom = 30;
  const plotW = W - left - right;
  const plotH = H - top - bottom;
  const count = Math.max(1, ...spec.series.map((s) => s.values.length));
  const yMax = niceCeiling(Math.max(0, ...spec.series.flatMap((s) => s.values)));
  const x = (i: number) => r1(left + (count === 1 ? plotW / 2 : (i * plotW) / (count - 1)));
  const y = (v: number) => r1(top + plotH - (v / yMax) * plotH);
  const grid = [0, 0.25, 0.5, 0.75, 1].map((f) => {
    const v = yMax * f;
    return html`<line x1="${left}" x2="${W - right}" y1="${y(v)}" y2="${y(v)}" stroke="#d5d9de" stroke-width="1"/><text x="${left - 6}" y="${y(v) + 4}" text-anchor="end" font-size="11" fill="#4a5560">${fmt(v)}</text>`;
  });
  // at most seven labels on the time axis, evenly spread
  const step = Math.max(1, Math.ceil(count / 7));
  const ticks: SafeHtml[] = [];
  for (let i = 0; i < count; i += step) ticks.push(html`<text x="${x(i)}" y="${H - 10}" text-anchor="middle" font-size="11" fill="#4a5560">${spec.labels[i] ?? ''}</text>`);
  const lines = spec.series.map((s) => {
    const pts = s.values.map((v, i) => `${x(i)},${y(v)}`).join(' ');
    const dots = s.values.length <= 62 ? s.values.map((v, i) => html`<circle cx="${x(i)}" cy="${y(v)}" r="2.5" fill="${s.colour}"/>`) : [];
    return html`<polyline fill="none" stroke="${s.colour}" stroke-width="2" stroke-linejoin="round" points="${pts}"/>${dots}`;
  });
  const legend = spec.series.map((s, i) => html`<rect x="${left + i * 150}" y="6" width="12" height="12" fill="${s.colour}"/><text x="${left + i * 150 + 18}" y="16" font-size="12" fill="#1b1f24">${s.name}</text>`);
  return html`<svg class="chart" viewBox="0 0 ${W} ${H}" width="100%" role="img" aria-label="${spec.label}" xmlns="http://www.w3.org/2000/svg" preserveAspectRatio="xMidYMid meet"><title>${spec.label}</title>${grid}${ticks}${lines}${legend}</svg>`;
}
