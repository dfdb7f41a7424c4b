import { raw } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";
import { checkInput, esc, hasData, labelIndices, niceTicks, num, svgOpen, valueAt, wrap, type ChartInput } from "./chart-parts.js";

export const WIDTH = 480;
export const HEIGHT = 240;
const M = { top: 14, right: 20, bottom: 34, left: 50 };

/** Shared by the line and column charts: y grid with labels, and the plot's size. */
export function yAxis(input: ChartInput, max: number): { out: string; top: number; y: (v: number) => number; plotWidth: number; plotHeight: number } {
  const format = input.format ?? String;
  const ticks = niceTicks(max);
  const top = ticks.at(-1)!;
  const plotWidth = WIDTH - M.left - M.right;
  const plotHeight = HEIGHT - M.top - M.bottom;
  const y = (v: number) => M.top + plotHeight * (1 - v / top);
  let out = `<g class="chart-grid" aria-hidden="true">`;
  for (const tick of ticks) {
    out += `<line x1="${M.left}" x2="${WIDTH - M.right}" y1="${num(y(tick))}" y2="${num(y(tick))}"${tick === 0 ? ` class="chart-baseline"` : ""}/>`;
    out += `<text class="chart-axis-label" x="${M.left - 6}" y="${num(y(tick) + 5)}" text-anchor="end">${esc(format(tick))}</text>`;
  }
  return { out: `${out}</g>`, top, y, plotWidth, plotHeight };
}

/** Category labels under the plot, about six of them, centred on `x(i)`. */
export function xLabels(input: ChartInput, x: (i: number) => number): string {
  return labelIndices(input.labels.length)
    .map((i) => `<text class="chart-axis-label" x="${num(x(i))}" y="${HEIGHT - 10}" text-anchor="middle">${esc(input.labels[i]!)}</text>`)
    .join("");
}

export function emptyNote(input: ChartInput): string {
  return `<text class="chart-empty" x="${WIDTH / 2}" y="${HEIGHT / 2}" text-anchor="middle">${esc(input.emptyText)}</text>`;
}

export const margins = M;

/**
 * A line per series over evenly spaced categories (weeks, say), with a dot on every value:
 * an <svg> that scales to its container, its legend, and a table with the same numbers.
 */
export function renderLineChart(input: ChartInput): HtmlEscapedString {
  checkInput(input);
  const n = input.labels.length;
  const max = Math.max(0, ...input.series.flatMap((s) => input.labels.map((_, i) => valueAt(s, i))));
  const axis = yAxis(input, max);
  const x = (i: number) => M.left + (n <= 1 ? axis.plotWidth / 2 : (i * axis.plotWidth) / (n - 1));
  let svg = svgOpen(input, "chart-line-chart", WIDTH, HEIGHT) + axis.out;
  if (!hasData(input)) {
    svg += emptyNote(input);
  } else {
    input.series.forEach((series, s) => {
      const points = input.labels.map((_, i) => `${num(x(i))},${num(axis.y(valueAt(series, i)))}`);
      if (n > 1) svg += `<polyline class="chart-line chart-series-${s}" points="${points.join(" ")}"/>`;
      svg += points
        .map((p) => {
          const [cx, cy] = p.split(",");
          return `<circle class="chart-dot chart-series-${s}" cx="${cx}" cy="${cy}" r="${n > 40 ? 2 : 3}"/>`;
        })
        .join("");
    });
    svg += xLabels(input, x);
  }
  return raw(wrap(`${svg}</svg>`, input));
}
