import { raw } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";
import { checkInput, esc, hasData, num, svgOpen, valueAt, wrap, type ChartInput } from "./chart-parts.js";
import { emptyNote, HEIGHT, margins, WIDTH, xLabels, yAxis } from "./line-chart.js";

/**
 * Columns over evenly spaced categories, series side by side within each (sign-ups and joins
 * per week, say): an <svg> that scales to its container, its legend, and a table with the same numbers.
 */
export function renderColumnChart(input: ChartInput): HtmlEscapedString {
  checkInput(input);
  const n = input.labels.length;
  const max = Math.max(0, ...input.series.flatMap((s) => input.labels.map((_, i) => valueAt(s, i))));
  const axis = yAxis(input, max);
  const band = axis.plotWidth / Math.max(1, n);
  const inner = band * 0.8;
  const barWidth = inner / input.series.length;
  const x = (i: number) => margins.left + band * i + band / 2;
  let svg = svgOpen(input, "chart-column-chart", WIDTH, HEIGHT) + axis.out;
  if (!hasData(input)) {
    svg += emptyNote(input);
  } else {
    input.series.forEach((series, s) => {
      input.labels.forEach((_, i) => {
        const v = valueAt(series, i);
        if (v <= 0) return;
        const top = axis.y(v);
        const left = x(i) - inner / 2 + s * barWidth;
        svg += `<rect class="chart-bar chart-series-${s}" x="${num(left)}" y="${num(top)}" width="${num(barWidth)}" height="${num(axis.y(0) - top)}"/>`;
      });
    });
    svg += xLabels(input, x);
  }
  return raw(wrap(`${svg}</svg>`, input));
}

const ROW_LABEL = 22;
const BAR = 13;
const BAR_GAP = 2;
const ROW_GAP = 10;
const VALUE_ROOM = 60;

/**
 * Horizontal bars, one group per label with the label written above its bars (long names stay
 * readable on a phone) and each value at the end of its bar. Height grows with the rows.
 */
export function renderBarChart(input: ChartInput): HtmlEscapedString {
  checkInput(input);
  const format = input.format ?? String;
  const n = input.labels.length;
  const max = Math.max(0, ...input.series.flatMap((s) => input.labels.map((_, i) => valueAt(s, i))));
  const rowHeight = ROW_LABEL + input.series.length * (BAR + BAR_GAP) + ROW_GAP;
  const height = hasData(input) ? 8 + n * rowHeight : 60;
  const left = 4;
  const span = WIDTH - left - VALUE_ROOM;
  let svg = svgOpen(input, "chart-bar-chart", WIDTH, height);
  if (!hasData(input)) {
    svg += `<text class="chart-empty" x="${WIDTH / 2}" y="34" text-anchor="middle">${esc(input.emptyText)}</text>`;
  } else {
    input.labels.forEach((label, i) => {
      const rowTop = 4 + i * rowHeight;
      svg += `<text class="chart-bar-label" x="${left}" y="${rowTop + 16}">${esc(label)}</text>`;
      input.series.forEach((series, s) => {
        const v = valueAt(series, i);
        const width = max > 0 ? (span * v) / max : 0;
        const y = rowTop + ROW_LABEL + s * (BAR + BAR_GAP);
        svg += `<rect class="chart-bar chart-series-${s}" x="${left}" y="${y}" width="${num(Math.max(width, v > 0 ? 1 : 0))}" height="${BAR}"/>`;
        svg += `<text class="chart-value" x="${num(left + width + 4)}" y="${y + BAR - 1}">${esc(format(v))}</text>`;
      });
    });
  }
  return raw(wrap(`${svg}</svg>`, input));
}
