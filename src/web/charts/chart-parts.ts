import { escapeHtml } from "../../lib/markdown.js";

/** Escape text for an SVG/HTML attribute value or text node. */
export const esc = escapeHtml;

export interface ChartSeries {
  /** Shown in the legend and as the table's column heading, e.g. "Sign-ups". */
  name: string;
  /** One value per label; missing values count as 0. */
  values: readonly number[];
}

export interface ChartInput {
  /** Prefix for the <title>/<desc> ids; unique on the page; letters, digits, "-" and "_". */
  idPrefix: string;
  /** The chart's accessible name (<title>) and the table's caption. */
  title: string;
  /** A sentence or two for <desc>: what is drawn, and the latest figure worth reading out. */
  desc: string;
  /** One label per value, e.g. the week each bucket starts ("Jun 10"). */
  labels: readonly string[];
  /** One to four series; each gets the class chart-series-N (colours in public/app.css). */
  series: readonly ChartSeries[];
  /** Heading of the table's first column, e.g. "Week of". */
  labelHeading: string;
  /** The <summary> of the table that follows the chart, e.g. "Show as a table". */
  tableSummary: string;
  /** Said in the chart and the table when there is nothing to draw. */
  emptyText: string;
  /** Numbers in the table, the value labels and the axis, e.g. with the page's locale. */
  format?: (n: number) => string;
  /** Show the table open (it is the main way to read the figures), not folded in <details>. */
  tableOpen?: boolean;
}

export const MAX_SERIES = 4;

export function checkInput(input: ChartInput): void {
  if (!/^[A-Za-z][\w-]*$/.test(input.idPrefix)) throw new Error(`Chart idPrefix must be letters, digits, "-" or "_": ${input.idPrefix}`);
  if (input.series.length < 1 || input.series.length > MAX_SERIES) throw new Error(`A chart draws 1 to ${MAX_SERIES} series, not ${input.series.length}`);
}

/** The value of series `s` at `i`: 0 when missing or not a finite number. */
export const valueAt = (series: ChartSeries, i: number) => {
  const v = series.values[i];
  return typeof v === "number" && Number.isFinite(v) ? v : 0;
};

export const hasData = (input: ChartInput) => input.labels.length > 0;

/**
 * Round axis ticks from 0 to at least `max`: steps of 1, 2 or 5 times a power of ten, whole
 * numbers only (the charts count things), at most five intervals.
 */
export function niceTicks(max: number): number[] {
  if (!(max > 0)) return [0, 1];
  const rough = max / 5;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = Math.max(1, [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power);
  const ticks: number[] = [];
  for (let v = 0; v < max + step; v += step) {
    ticks.push(v);
    if (v >= max) break;
  }
  return ticks;
}

/** Indices of the labels to print under an axis of `n` categories: about `most` of them, evenly. */
export function labelIndices(n: number, most = 6): number[] {
  if (n <= 0) return [];
  const every = Math.ceil(n / most);
  const out: number[] = [];
  for (let i = 0; i < n; i += every) out.push(i);
  return out;
}

/** Two decimals at most: viewBox coordinates stay short and stable in tests. */
export const num = (n: number) => String(Math.round(n * 100) / 100);

/** The opening <svg>: scales to its container by viewBox, named by <title> and described by <desc>. */
export function svgOpen(input: ChartInput, className: string, width: number, height: number): string {
  const id = input.idPrefix;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart-svg ${className}" viewBox="0 0 ${width} ${height}"` +
    ` role="img" aria-labelledby="${id}-title" aria-describedby="${id}-desc">` +
    `<title id="${id}-title">${esc(input.title)}</title><desc id="${id}-desc">${esc(input.desc)}</desc>`
  );
}

/** The series names with their colour, when there is more than one series to tell apart. */
export function legend(input: ChartInput): string {
  if (input.series.length < 2) return "";
  const items = input.series.map(
    (s, i) => `<li><span class="chart-swatch chart-series-${i}" aria-hidden="true"></span>${esc(s.name)}</li>`,
  );
  return `<ul class="chart-legend">${items.join("")}</ul>`;
}

/** The same numbers as the chart, as a table: the way to read them without seeing the chart. */
export function dataTable(input: ChartInput): string {
  const format = input.format ?? String;
  const head =
    `<thead><tr><th scope="col">${esc(input.labelHeading)}</th>` +
    input.series.map((s) => `<th scope="col" class="numeric">${esc(s.name)}</th>`).join("") +
    `</tr></thead>`;
  const rows = hasData(input)
    ? input.labels
        .map(
          (label, i) =>
            `<tr><th scope="row">${esc(label)}</th>` +
            input.series.map((s) => `<td class="numeric">${esc(format(valueAt(s, i)))}</td>`).join("") +
            `</tr>`,
        )
        .join("")
    : `<tr><td colspan="${input.series.length + 1}">${esc(input.emptyText)}</td></tr>`;
  const table = `<div class="table-scroll" role="region" tabindex="0" aria-label="${esc(input.title)}"><table class="data-table"><caption>${esc(input.title)}</caption>${head}<tbody>${rows}</tbody></table></div>`;
  return input.tableOpen ? table : `<details class="chart-table"><summary>${esc(input.tableSummary)}</summary>${table}</details>`;
}

/** Chart, legend and table in one block. */
export const wrap = (svg: string, input: ChartInput) => `<div class="chart">${svg}${legend(input)}${dataTable(input)}</div>`;
