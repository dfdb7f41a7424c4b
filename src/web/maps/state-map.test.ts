import { describe, expect, it } from "vitest";
import { MAPPED_STATES } from "./fips.js";
import { renderStateMap, type StateMapDot } from "./state-map.js";
import { decodePath, insideRings, linksOf, viewBoxOf } from "./testing.js";

/** Size budget for one state's map without dots (Alaska, with its islands, is the largest). */
const STATE_BUDGET_BYTES = 20_000;

const dot = (lat: number, lng: number, name: string): StateMapDot => ({ lat, lng, href: `/groups/${name}`, label: `Group in ${name}` });

function mapOf(usps: string, dots: StateMapDot[]) {
  const svg = renderStateMap({ usps, title: `Groups in ${usps}`, desc: "Each dot is a group.", dots });
  return svg === undefined ? undefined : String(svg);
}

function positions(svg: string) {
  return new Map(
    linksOf(svg).map((link) => {
      const m = /<circle class="map-dot" cx="(-?[\d.]+)" cy="(-?[\d.]+)" r="6"\/>/.exec(link.inner)!;
      return [link.href.replace("/groups/", ""), [Number(m[1]), Number(m[2])] as const];
    }),
  );
}

function shapeOf(svg: string) {
  return decodePath(/<path class="map-state-shape" d="([^"]+)"\/>/.exec(svg)![1]!);
}

describe("renderStateMap", () => {
  it("puts Minnesota's groups inside Minnesota, where they are relative to each other", () => {
    const svg = mapOf("MN", [
      dot(44.9778, -93.265, "minneapolis"),
      dot(46.7867, -92.1005, "duluth"),
      dot(44.0121, -92.4802, "rochester"),
      dot(48.6011, -93.4105, "international-falls"),
      dot(46.8738, -96.7678, "moorhead"),
    ])!;
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" class="map map-state" viewBox="/);
    expect(svg).toContain('aria-labelledby="map-state-mn-title" aria-describedby="map-state-mn-desc"');
    const box = viewBoxOf(svg);
    expect(Math.max(box.width, box.height)).toBeLessThanOrEqual(402);
    expect(box.height).toBeGreaterThan(box.width); // Minnesota is taller than wide
    const at = positions(svg);
    expect(at.size).toBe(5);
    const shape = shapeOf(svg);
    for (const [name, [x, y]] of at) {
      expect(x > box.x && x < box.x + box.width && y > box.y && y < box.y + box.height, name).toBe(true);
      // Moorhead is on the Red River, the border: it may round onto either side.
      if (name !== "moorhead") expect(insideRings(shape, x, y), name).toBe(true);
    }
    const [mplsX, mplsY] = at.get("minneapolis")!;
    const [duluthX, duluthY] = at.get("duluth")!;
    const [rochX, rochY] = at.get("rochester")!;
    const [, ifallsY] = at.get("international-falls")!;
    const [moorX] = at.get("moorhead")!;
    expect(duluthX).toBeGreaterThan(mplsX);
    expect(duluthY).toBeLessThan(mplsY);
    expect(rochY).toBeGreaterThan(mplsY);
    // Rochester is 62 km east and 107 km south of Minneapolis: north is up, and scale is even.
    expect(rochX).toBeGreaterThan(mplsX);
    expect((rochY - mplsY) / (rochX - mplsX)).toBeCloseTo(107 / 62, 0);
    expect(ifallsY).toBeLessThan(duluthY);
    expect(ifallsY - box.y).toBeLessThan(box.height * 0.2); // near the top
    expect(moorX - box.x).toBeLessThan(box.width * 0.1); // at the western edge
    // Minneapolis sits in the south-east quarter, a bit over two thirds of the way down.
    expect((mplsY - box.y) / box.height).toBeGreaterThan(0.6);
    expect((mplsY - box.y) / box.height).toBeLessThan(0.8);
  });

  it("nudges groups at the same spot apart so each dot can be seen and clicked", () => {
    const svg = mapOf("MN", [dot(44.9778, -93.265, "a"), dot(44.9778, -93.265, "b"), dot(44.9778, -93.265, "c"), dot(44.98, -93.26, "d")])!;
    const at = [...positions(svg).values()];
    expect(at).toHaveLength(4);
    for (let i = 0; i < at.length; i++) {
      for (let j = i + 1; j < at.length; j++) {
        const distance = Math.hypot(at[i]![0] - at[j]![0], at[i]![1] - at[j]![1]);
        expect(distance).toBeGreaterThanOrEqual(14.9);
        expect(distance).toBeLessThan(60);
      }
    }
  });

  it("leaves out dots without coordinates or far outside the state", () => {
    const svg = mapOf("MN", [dot(Number.NaN, -93, "nan"), dot(0, 0, "null-island"), dot(40.7128, -74.006, "new-york"), dot(95, -93, "bad-lat"), dot(45, -94, "ok")])!;
    expect([...positions(svg).keys()]).toEqual(["ok"]);
  });

  it("returns undefined for places without a shape", () => {
    for (const usps of ["PR", "GU", "VI", "AS", "MP", "XX", ""]) expect(mapOf(usps, [dot(18.4, -66.1, "san-juan")]), usps).toBeUndefined();
  });

  it("draws Alaska across the 180th meridian and Hawaii, with their dots", () => {
    const ak = mapOf("AK", [dot(61.2181, -149.9003, "anchorage"), dot(58.3019, -134.4197, "juneau"), dot(64.8378, -147.7164, "fairbanks")])!;
    const akAt = positions(ak);
    expect(akAt.size).toBe(3);
    const akBox = viewBoxOf(ak);
    expect(akBox.width).toBeGreaterThan(akBox.height); // the Aleutians make it wide, not a sliver
    expect(akAt.get("juneau")![0]).toBeGreaterThan(akAt.get("anchorage")![0]);
    expect(akAt.get("fairbanks")![1]).toBeLessThan(akAt.get("anchorage")![1]);
    const hi = mapOf("HI", [dot(21.3069, -157.8583, "honolulu"), dot(19.7241, -155.0868, "hilo")])!;
    const hiAt = positions(hi);
    expect(hiAt.get("hilo")![0]).toBeGreaterThan(hiAt.get("honolulu")![0]);
    expect(hiAt.get("hilo")![1]).toBeGreaterThan(hiAt.get("honolulu")![1]);
    expect(insideRings(shapeOf(hi), ...hiAt.get("hilo")!)).toBe(true);
  });

  it("draws every state small, scalable and without style attributes", () => {
    for (const usps of MAPPED_STATES) {
      const svg = mapOf(usps, [])!;
      expect(svg, usps).toBeDefined();
      expect(svg.length, usps).toBeLessThan(STATE_BUDGET_BYTES);
      expect(svg).not.toMatch(/style\s*=|width=|height=/);
      const box = viewBoxOf(svg);
      expect(Math.max(box.width, box.height), usps).toBeGreaterThan(390);
      expect(Math.max(box.width, box.height), usps).toBeLessThanOrEqual(402);
      expect(shapeOf(svg).length, usps).toBeGreaterThan(0);
    }
  });

  it("escapes dot labels and hrefs", () => {
    const svg = mapOf("MN", [{ lat: 45, lng: -94, href: '/groups/x?a=1&b="2"', label: "<script>alert(1)</script>" }])!;
    expect(svg).not.toContain("<script");
    expect(svg).toContain('<a href="/groups/x?a=1&amp;b=&quot;2&quot;" aria-label="&lt;script&gt;alert(1)&lt;/script&gt;">');
    expect(() => mapOf("MN", [{ lat: 45, lng: -94, href: "data:text/html,hi", label: "x" }])).toThrow(/data:/);
  });
});
