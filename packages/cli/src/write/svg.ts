// Inline SVG bar charts for the summary, with no script and no external asset.
import { html } from "./html.js";
import type { SafeHtml } from "./html.js";

/** One bar or column of a chart. */
export interface ChartItem {
  readonly label: string;
  readonly value: number;
}

/** Options shared by the charts; `format` prints a value next to its bar. */
export interface ChartOptions {
  readonly title: string;
  readonly format: (value: number) => string;
  /** Top of the scale; default the largest value. */
  readonly max?: number;
}

const WIDTH = 640;
const INK = "#333";

function svg(width: number, height: number, title: string, body: SafeHtml): SafeHtml {
  return html`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-label="${title}" font-family="sans-serif" font-size="11"><title>${title}</title>${body}</svg>`;
}

function scale(items: readonly ChartItem[], max: number | undefined): number {
  return Math.max(max ?? 0, ...items.map((i) => i.value), 1e-9);
}

/** Horizontal bars, one labelled row each (e.g. meetings per country). */
export function barChart(items: readonly ChartItem[], opts: ChartOptions): SafeHtml {
  const row = 18;
  const labelWidth = 200;
  // Room for a value with its unit after the longest bar ("1,234 meetings").
  const valueWidth = 96;
  const top = scale(items, opts.max);
  const span = WIDTH - labelWidth - valueWidth;
  const height = Math.max(items.length, 1) * row + 4;
  const bars = items.map((item, i) => {
    const y = i * row + 2;
    const w = (item.value / top) * span;
    return html`<g><text x="${labelWidth - 6}" y="${y + 12}" text-anchor="end">${item.label}</text><rect x="${labelWidth}" y="${y + 2}" width="${w.toFixed(1)}" height="${row - 5}" fill="${INK}"/><text x="${(labelWidth + w + 4).toFixed(1)}" y="${y + 12}">${opts.format(item.value)}</text></g>`;
  });
  return svg(WIDTH, height, opts.title, html`${bars}`);
}

/** Vertical columns with labels below (e.g. a histogram, or one column per slot). */
export function columnChart(items: readonly ChartItem[], opts: ChartOptions): SafeHtml {
  const plot = 160;
  const top = scale(items, opts.max);
  const rotate = items.length > 14;
  const labelSpace = rotate ? 48 : 18;
  const left = 8;
  const step = (WIDTH - 2 * left) / Math.max(items.length, 1);
  const barWidth = Math.max(step * 0.7, 1);
  const base = plot + 16;
  const columns = items.map((item, i) => {
    const h = (item.value / top) * plot;
    const x = left + i * step + (step - barWidth) / 2;
    const cx = (x + barWidth / 2).toFixed(1);
    const label = rotate
      ? html`<text x="${cx}" y="${base + 10}" text-anchor="end" transform="rotate(-60 ${cx} ${base + 10})">${item.label}</text>`
      : html`<text x="${cx}" y="${base + 13}" text-anchor="middle">${item.label}</text>`;
    return html`<g><rect x="${x.toFixed(1)}" y="${(base - h).toFixed(1)}" width="${barWidth.toFixed(1)}" height="${h.toFixed(1)}" fill="${INK}"/><text x="${cx}" y="${(base - h - 3).toFixed(1)}" text-anchor="middle" font-size="${rotate ? 8 : 11}">${opts.format(item.value)}</text>${label}</g>`;
  });
  const axis = html`<line x1="${left}" y1="${base}" x2="${WIDTH - left}" y2="${base}" stroke="#000"/>`;
  return svg(WIDTH, base + labelSpace, opts.title, html`${axis}${columns}`);
}
