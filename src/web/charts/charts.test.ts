import { describe, expect, it } from "vitest";
import { labelIndices, niceTicks } from "./chart-parts.js";
import { renderBarChart, renderColumnChart, renderLineChart, type ChartInput } from "./index.js";

const base: ChartInput = {
  idPrefix: "test-chart",
  title: "Sign-ups per week",
  desc: "People who confirmed their address, per week.",
  labels: ["Jan 1", "Jan 8", "Jan 15"],
  series: [{ name: "Sign-ups", values: [1, 4, 2] }],
  labelHeading: "Week of",
  tableSummary: "Show as a table",
  emptyText: "Nothing yet.",
};

const renderers = { line: renderLineChart, column: renderColumnChart, bar: renderBarChart };
const texts = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);

describe.each(Object.entries(renderers))("%s chart", (_kind, render) => {
  it("is an accessible image with a title, a description and a table of the same numbers", () => {
    const html = String(render(base));
    expect(html).toMatch(/<svg [^>]*role="img" aria-labelledby="test-chart-title" aria-describedby="test-chart-desc"/);
    expect(html).toContain(`<title id="test-chart-title">Sign-ups per week</title>`);
    expect(html).toContain(`<desc id="test-chart-desc">People who confirmed their address, per week.</desc>`);
    expect(html).toMatch(/viewBox="0 0 480 \d+"/);
    expect(html).not.toMatch(/\swidth="\d+%?"\s[^>]*viewBox/); // scales with its container
    expect(html).not.toContain("style=");
    expect(html).toContain("<details class=\"chart-table\"><summary>Show as a table</summary>");
    expect(html).toContain("<caption>Sign-ups per week</caption>");
    expect(html).toContain(`<th scope="col">Week of</th><th scope="col" class="numeric">Sign-ups</th>`);
    expect(html).toContain(`<tr><th scope="row">Jan 8</th><td class="numeric">4</td></tr>`);
  });

  it("escapes every text it is given", () => {
    const html = String(
      render({
        ...base,
        title: `<script>alert("t")</script>`,
        desc: `"quotes" & <tags>`,
        labels: ["<b>1</b>", "x'y", "z"],
        series: [{ name: "<i>s</i>", values: [1, 2, 3] }],
        labelHeading: "<th>",
        tableSummary: "<summary>",
      }),
    );
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<b>");
    expect(html).not.toContain("<i>");
    expect(html).toContain("&lt;script&gt;alert(&quot;t&quot;)&lt;/script&gt;");
    expect(html).toContain("&quot;quotes&quot; &amp; &lt;tags&gt;");
    expect(html).toContain("x&#39;y");
  });

  it("says so when there is no data, in the chart and in the table", () => {
    const html = String(render({ ...base, labels: [], series: [{ name: "Sign-ups", values: [] }] }));
    expect(html).toContain(`>Nothing yet.</text>`);
    expect(html).toContain(`<td colspan="2">Nothing yet.</td>`);
    expect(html).not.toContain("<rect");
    expect(html).not.toContain("<polyline");
  });

  it("draws a single point", () => {
    const html = String(render({ ...base, labels: ["Jun 10"], series: [{ name: "Sign-ups", values: [7] }] }));
    expect(html).toContain(`<tr><th scope="row">Jun 10</th><td class="numeric">7</td></tr>`);
    expect(html).toMatch(/<(circle|rect) class="chart-(dot|bar) chart-series-0"/);
    expect(html).not.toContain("NaN");
    expect(html).not.toContain("Infinity");
  });

  it("formats numbers with the given function and labels two series with a legend", () => {
    const html = String(
      render({
        ...base,
        format: (n) => `${n.toLocaleString("en-US")}!`,
        series: [
          { name: "Sign-ups", values: [1200, 4, 2] },
          { name: "Joins", values: [0, 3] },
        ],
      }),
    );
    expect(html).toContain(`<ul class="chart-legend"><li><span class="chart-swatch chart-series-0" aria-hidden="true"></span>Sign-ups</li><li><span class="chart-swatch chart-series-1" aria-hidden="true"></span>Joins</li></ul>`);
    expect(html).toContain(`<td class="numeric">1,200!</td><td class="numeric">0!</td>`);
    expect(html).toContain(`<td class="numeric">2!</td><td class="numeric">0!</td>`); // missing value counts as 0
    expect(html).toContain("chart-series-1");
  });

  it("refuses an unsafe id prefix", () => {
    expect(() => render({ ...base, idPrefix: `x" onload="alert(1)` })).toThrow(/idPrefix/);
    expect(() => render({ ...base, series: [] })).toThrow(/series/);
  });
});

describe("axes", () => {
  it("labels the value axis with round numbers from 0 past the largest value", () => {
    const html = String(renderLineChart({ ...base, series: [{ name: "States", values: [31, 33, 37] }] }));
    const labels = texts(html);
    expect(labels).toEqual(expect.arrayContaining(["0", "10", "20", "30", "40"]));
    expect(labels).not.toContain("50");
    expect(labels).toEqual(expect.arrayContaining(["Jan 1", "Jan 8", "Jan 15"]));
  });

  it("prints about six category labels when there are many", () => {
    const labels = Array.from({ length: 26 }, (_, i) => `W${i}`);
    const html = String(renderColumnChart({ ...base, labels, series: [{ name: "Joins", values: labels.map((_, i) => i) }] }));
    const printed = texts(html).filter((t) => t!.startsWith("W"));
    expect(printed).toEqual(["W0", "W5", "W10", "W15", "W20", "W25"]);
    expect(html.match(/<tr><th scope="row">/g)).toHaveLength(26); // the table keeps every week
  });

  it("rounds ticks sensibly", () => {
    expect(niceTicks(0)).toEqual([0, 1]);
    expect(niceTicks(1)).toEqual([0, 1]);
    expect(niceTicks(7)).toEqual([0, 2, 4, 6, 8]);
    expect(niceTicks(50)).toEqual([0, 10, 20, 30, 40, 50]);
    expect(niceTicks(1234)).toEqual([0, 500, 1000, 1500]);
    expect(labelIndices(0)).toEqual([]);
    expect(labelIndices(3)).toEqual([0, 1, 2]);
  });

  it("writes each bar's value at its end and its label above it", () => {
    const html = String(renderBarChart({ ...base, labels: ["Sen. Long Name (MN)"], series: [{ name: "All time", values: [12] }, { name: "Last 7 days", values: [3] }] }));
    expect(texts(html)).toEqual(["Sen. Long Name (MN)", "12", "3"]);
  });
});
