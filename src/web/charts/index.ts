/**
 * Charts drawn on the server as SVG strings (no dependency, no script): line, column and bar
 * charts that scale by viewBox, are named and described for screen readers (role="img",
 * <title>, <desc>) and always come with a table of the same numbers. Colours are classes
 * (chart-series-N in public/app.css): the CSP allows no inline styles.
 */
export { renderBarChart, renderColumnChart } from "./bar-chart.js";
export { renderLineChart } from "./line-chart.js";
export type { ChartInput, ChartSeries } from "./chart-parts.js";
