import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { districtRows } from "../public-data/parsers/district-shapes.js";
import { parseDistrictShapesTopoJson } from "../public-data/parsers/district-shapes-topojson.js";
import { parseStatesCsv } from "../public-data/parsers/states-csv.js";
import { buildDistrictIndex, type DistrictIndex, type DistrictShapeInput } from "./district-index.js";

/** A closed ring around [west, south, east, north], flat as stored. */
const box = (w: number, s: number, e: number, n: number) => [w, s, e, s, e, n, w, n, w, s];

describe("buildDistrictIndex on drawn shapes", () => {
  // A and B share the line lng = 1 (at the equator 0.001° ≈ 111 m); C sits in a hole cut out of A.
  const shapes: DistrictShapeInput[] = [
    { state: "AA", district: 1, polygons: [[box(0, 0, 1, 1), box(0.4, 0.4, 0.6, 0.6)]] },
    { state: "AA", district: 2, polygons: [[box(1, 0, 2, 1)], [box(5, 5, 5.5, 5.5)]] },
    { state: "BB", district: 0, polygons: [[box(0.4, 0.4, 0.6, 0.6)]] },
  ];
  const index = buildDistrictIndex(shapes);

  it("finds the district around a point, in any polygon of a district", () => {
    expect(index.place(0.2, 0.2)).toEqual({ district: { state: "AA", district: 1 }, nearby: [] });
    expect(index.place(0.5, 1.5)).toEqual({ district: { state: "AA", district: 2 }, nearby: [] });
    expect(index.place(5.2, 5.2)).toEqual({ district: { state: "AA", district: 2 }, nearby: [] });
  });

  it("treats a hole as outside its district (even-odd), so the district filling it wins", () => {
    expect(index.place(0.5, 0.5).district).toEqual({ state: "BB", district: 0 });
  });

  it("lists a district whose line is within 500 m, with the distance, and none farther", () => {
    // 0.001° west of the shared line: inside AA-1, about 111 m from AA-2.
    expect(index.place(0.5, 0.999)).toEqual({ district: { state: "AA", district: 1 }, nearby: [{ state: "AA", district: 2, meters: 111 }] });
    // 0.01° (about 1.1 km) away: no longer near.
    expect(index.place(0.5, 0.99).nearby).toEqual([]);
    // Exactly 500 m is still near; 510 m is not.
    expect(index.place(0.2, 1 - 500 / 111_320).nearby).toHaveLength(1);
    expect(index.place(0.2, 1 - 510 / 111_320).nearby).toEqual([]);
  });

  it("answers no district for a point outside them all, but lists a coast within 500 m", () => {
    expect(index.place(3, 3)).toEqual({ district: null, nearby: [] });
    expect(index.place(0.5, -0.002)).toEqual({ district: null, nearby: [{ state: "AA", district: 1, meters: 223 }] });
  });

  it("accepts rings that are not closed", () => {
    const open = buildDistrictIndex([{ state: "CC", district: 3, polygons: [[[10, 10, 11, 10, 11, 11, 10, 11]]] }]);
    expect(open.place(10.5, 10.5).district).toEqual({ state: "CC", district: 3 });
    expect(open.place(10.5, 11.5).district).toBeNull();
  });
});

describe("buildDistrictIndex on the 119th-Congress shapes (DATA_DIR)", () => {
  let index: DistrictIndex;
  beforeAll(() => {
    const dataDir = inject("dataDir");
    const file = "district-shapes/us-congress-districts-119.topo.json";
    const states = parseStatesCsv(readFileSync(join(dataDir, "states.csv"), "utf8"), "states.csv");
    const features = parseDistrictShapesTopoJson(readFileSync(join(dataDir, file), "utf8"), file);
    const started = performance.now();
    index = buildDistrictIndex(districtRows(features, new Map(states.map((s) => [s.fips, s.usps])), file));
    // Start-up matters: the index is built on the first point look-up.
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it("holds all 441 districts", () => {
    expect(index.size.districts).toBe(441);
    expect(index.size.points).toBeGreaterThan(90_000);
  });

  // Each capitol's district agrees with the ZIP table for the capitol's ZIP code.
  it.each([
    ["Minnesota State Capitol, St. Paul (55155)", 44.9551, -93.1022, "MN", 4],
    ["Colorado State Capitol, Denver (80203)", 39.7393, -104.9848, "CO", 1],
    ["California State Capitol, Sacramento (95814)", 38.5766, -121.4934, "CA", 7],
    ["Texas State Capitol, Austin (78701)", 30.2747, -97.7404, "TX", 37],
    ["Georgia State Capitol, Atlanta (30334)", 33.749, -84.388, "GA", 5],
    ["Illinois State Capitol, Springfield (62701)", 39.7983, -89.6544, "IL", 13],
    ["Vermont State House, Montpelier (05602)", 44.2624, -72.5807, "VT", 0],
    ["Wyoming State Capitol, Cheyenne (82001)", 41.1403, -104.8203, "WY", 0],
    ["Alaska State Capitol, Juneau (99801)", 58.3019, -134.4103, "AK", 0],
    ["Hawaii State Capitol, Honolulu (96813)", 21.3073, -157.8573, "HI", 1],
    ["US Capitol, Washington DC (20004)", 38.8899, -77.0091, "DC", 0],
    ["El Capitolio, San Juan (00901)", 18.4655, -66.1057, "PR", 0],
    ["Hagåtña, Guam", 13.4757, 144.7489, "GU", 0],
    ["Pago Pago, American Samoa", -14.2781, -170.7025, "AS", 0],
  ])("%s is in %s-%i", (_name, lat, lng, state, district) => {
    expect(index.place(lat, lng)).toEqual({ district: { state, district }, nearby: [] });
  });

  it.each([
    ["the middle of the Atlantic", 35, -40],
    ["the Gulf of Mexico", 26, -90],
    ["Lake Michigan, far from shore", 43.5, -87],
    ["Null Island", 0, 0],
  ])("places a point in %s in no district", (_name, lat, lng) => {
    expect(index.place(lat, lng)).toEqual({ district: null, nearby: [] });
  });

  it("says when a point is within 500 m of a district line: State Line Road, Kansas City", () => {
    expect(index.place(39.0, -94.6085)).toEqual({ district: { state: "KS", district: 3 }, nearby: [{ state: "MO", district: 5, meters: expect.any(Number) }] });
    const missouriSide = index.place(39.0, -94.6065);
    expect(missouriSide.district).toEqual({ state: "MO", district: 5 });
    expect(missouriSide.nearby).toEqual([{ state: "KS", district: 3, meters: expect.any(Number) }]);
    expect(missouriSide.nearby[0]!.meters).toBeLessThanOrEqual(500);
    // Two kilometres into Missouri it is no longer close.
    expect(index.place(39.0, -94.585).nearby).toEqual([]);
  });

  it("answers a look-up in well under a millisecond", () => {
    const points = Array.from({ length: 20_000 }, (_, i) => [25 + ((i * 7919) % 2400) / 100, -124 + ((i * 104_729) % 5700) / 100] as const);
    const started = performance.now();
    for (const [lat, lng] of points) index.place(lat, lng);
    const perLookupMs = (performance.now() - started) / points.length;
    expect(perLookupMs).toBeLessThan(0.1);
  });
});
