import { geoAlbersUsa } from "d3-geo";
import { jsx } from "hono/jsx";
import { describe, expect, it } from "vitest";
import { renderCoverageMap, renderMapLegend, mapLevel, type CoverageMapState } from "./coverage-map.js";
import { MAPPED_STATES } from "./fips.js";
import { allStateShapes, coverageProjection, COVERAGE_WIDTH } from "./geometry.js";
import { decodePath, linksOf, viewBoxOf } from "./testing.js";

/** Size budget for the national map, with labels as long as real ones. */
const BUDGET_BYTES = 100_000;

function statesInput(label = (usps: string, level: number) => `${usps}: ${level} groups`): CoverageMapState[] {
  return MAPPED_STATES.map((usps, i) => ({ usps, href: `/states/${usps.toLowerCase()}?lang=es&x=1`, label: label(usps, i % 5), level: i % 5 }));
}

function render(states = statesInput()) {
  return String(renderCoverageMap({ title: "Groups by state", desc: "Darker states have more groups.", states }));
}

describe("renderCoverageMap", () => {
  it("draws the 50 states and DC, each a link with the given href and label", () => {
    const svg = render();
    const links = linksOf(svg);
    expect(MAPPED_STATES).toHaveLength(51);
    expect(links).toHaveLength(51);
    expect(new Set(links.map((l) => l.href))).toEqual(new Set(MAPPED_STATES.map((u) => `/states/${u.toLowerCase()}?lang=es&amp;x=1`)));
    expect(links.find((l) => l.href.startsWith("/states/mn?"))!.label).toBe(`MN: ${MAPPED_STATES.indexOf("MN") % 5} groups`);
    expect(svg.match(/<path /g)).toHaveLength(51);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" class="map map-coverage" viewBox=')).toBe(true);
    expect(svg.endsWith("</svg>")).toBe(true);
    expect(svg).toContain('role="group" aria-labelledby="map-coverage-title" aria-describedby="map-coverage-desc"');
    expect(svg).toContain('<title id="map-coverage-title">Groups by state</title><desc id="map-coverage-desc">Darker states have more groups.</desc>');
  });

  it("shades each state by its level: 0, 1, 2, and 3 for three or more", () => {
    const svg = render();
    for (const link of linksOf(svg)) {
      const usps = /\/states\/(\w+)/.exec(link.href)![1]!.toUpperCase();
      const level = MAPPED_STATES.indexOf(usps) % 5;
      expect(link.inner).toMatch(new RegExp(`^<path class="map-level-${Math.min(level, 3)}" d="M`));
    }
    expect([-1, 0, 0.5, Number.NaN, 1, 1.5, 2, 3, 4, 250].map(mapLevel)).toEqual([0, 0, 0, 0, 1, 1, 2, 3, 3, 3]);
  });

  it("includes Alaska and Hawaii as insets inside the viewBox, and every point fits the viewBox", () => {
    const svg = render();
    const box = viewBoxOf(svg);
    expect(box.width).toBeGreaterThan(COVERAGE_WIDTH - 10);
    expect(box.width).toBeLessThan(COVERAGE_WIDTH + 10);
    const links = linksOf(svg);
    const pathOf = (usps: string) => /d="([^"]+)"/.exec(links.find((l) => l.href.startsWith(`/states/${usps}?`))!.inner)![1]!;
    for (const usps of MAPPED_STATES) {
      const rings = decodePath(pathOf(usps.toLowerCase()));
      expect(rings.length, usps).toBeGreaterThan(0);
      const outside = rings.flat().filter(([x, y]) => x < box.x || x > box.x + box.width || y < box.y || y > box.y + box.height);
      expect(outside, usps).toEqual([]);
    }
    // The insets sit bottom left: Alaska left of Hawaii, both left of and below Texas's top.
    const centre = (usps: string) => {
      const pts = decodePath(pathOf(usps)).flat();
      return [pts.reduce((a, p) => a + p[0], 0) / pts.length, pts.reduce((a, p) => a + p[1], 0) / pts.length] as const;
    };
    const [akX, akY] = centre("ak");
    const [hiX, hiY] = centre("hi");
    const [mnX, mnY] = centre("mn");
    expect(akX).toBeLessThan(hiX);
    expect(akY).toBeGreaterThan(mnY);
    expect(hiY).toBeGreaterThan(mnY);
    expect(mnX).toBeGreaterThan(box.x + box.width / 2 - 100);
  });

  it("uses the scale and translate that fitWidth would give", () => {
    const fitted = geoAlbersUsa().fitWidth(COVERAGE_WIDTH - 4, allStateShapes());
    const used = coverageProjection();
    expect(Math.abs(used.scale() - fitted.scale())).toBeLessThan(0.5);
    expect(Math.abs(used.translate()[0] - fitted.translate()[0])).toBeLessThan(0.5);
    expect(Math.abs(used.translate()[1] - fitted.translate()[1])).toBeLessThan(0.5);
  });

  it(`stays under ${BUDGET_BYTES / 1000} KB with realistic labels and has no style attribute`, () => {
    const svg = render(statesInput((usps, level) => `${usps} — Massachusetts-length state name: ${level} grupos de Medicare para Todos`));
    expect(svg.length).toBeLessThan(BUDGET_BYTES);
    expect(svg).not.toMatch(/style\s*=/i);
    expect(svg).not.toMatch(/<script/i);
  });

  it("escapes labels, hrefs, the title and the description", () => {
    const states = statesInput();
    states[0] = { ...states[0]!, label: '<script>alert(1)</script>" onfocus="x', href: '/states/al?a=1&b="2"' };
    const svg = String(renderCoverageMap({ title: "A & <b>B</b>", desc: "</desc><script>x</script>", states }));
    expect(svg).not.toContain("<script");
    expect(svg).not.toContain('" onfocus="');
    expect(svg).toContain('aria-label="&lt;script&gt;alert(1)&lt;/script&gt;&quot; onfocus=&quot;x"');
    expect(svg).toContain('href="/states/al?a=1&amp;b=&quot;2&quot;"');
    expect(svg).toContain("<title id=\"map-coverage-title\">A &amp; &lt;b&gt;B&lt;/b&gt;</title>");
    expect(svg).toContain("&lt;/desc&gt;&lt;script&gt;x&lt;/script&gt;</desc>");
  });

  it("refuses script URLs and unsafe id prefixes", () => {
    const states = statesInput();
    states[3] = { ...states[3]!, href: " JavaScript:alert(1)" };
    expect(() => renderCoverageMap({ title: "t", desc: "d", states })).toThrow(/JavaScript:/);
    expect(() => renderCoverageMap({ title: "t", desc: "d", states: statesInput(), idPrefix: 'x" onload="y' })).toThrow(/idPrefix/);
    expect(String(renderCoverageMap({ title: "t", desc: "d", states: statesInput(), idPrefix: "home-map" }))).toContain('aria-labelledby="home-map-title"');
  });

  it("keeps the caller's order, puts DC last, skips territories and draws missing states as plain shapes", () => {
    const states = statesInput().reverse();
    states.push({ usps: "PR", href: "/states/pr", label: "Puerto Rico", level: 3 });
    const withoutTexas = states.filter((s) => s.usps !== "TX");
    const svg = render(withoutTexas);
    const order = linksOf(svg).map((l) => /\/states\/(\w+)/.exec(l.href)![1]!.toUpperCase());
    expect(order).toEqual([...withoutTexas.map((s) => s.usps).filter((u) => u !== "DC" && u !== "PR"), "DC"]);
    expect(svg).not.toContain("/states/pr");
    expect(svg.match(/<path /g)).toHaveLength(51); // Texas is still drawn, just not as a link
    expect(svg).toMatch(/^<svg[^>]*>(<title[^>]*>[^<]*<\/title>)(<desc[^>]*>[^<]*<\/desc>)<path class="map-level-0" d="M/);
    expect(linksOf(svg).at(-1)!.inner).toContain('<circle class="map-level-');
  });

  it("projects once per process: later renders only join strings", () => {
    render(); // the first render (maybe in another test) pays for the projection
    const start = performance.now();
    for (let i = 0; i < 100; i++) render();
    // About 0.04 ms each on an idle machine; the bound leaves room for a busy one.
    expect((performance.now() - start) / 100).toBeLessThan(10);
  });

  it("goes into a hono/jsx page without being escaped again", () => {
    const map = renderCoverageMap({ title: "t", desc: "d", states: statesInput() });
    const page = jsx("div", {}, map).toString();
    expect(page).toBe(`<div>${String(map)}</div>`);
  });
});

describe("renderMapLegend", () => {
  it("lists the four levels with swatches hidden from screen readers and escaped labels", () => {
    const legend = String(renderMapLegend(["None", "1", "2", "3 <or> more"]));
    expect(legend).toBe(
      '<ul class="map-legend">' +
        '<li><span class="map-swatch map-level-0" aria-hidden="true"></span>None</li>' +
        '<li><span class="map-swatch map-level-1" aria-hidden="true"></span>1</li>' +
        '<li><span class="map-swatch map-level-2" aria-hidden="true"></span>2</li>' +
        '<li><span class="map-swatch map-level-3" aria-hidden="true"></span>3 &lt;or&gt; more</li>' +
        "</ul>",
    );
  });
});
