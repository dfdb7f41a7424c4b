import { describe, expect, it } from "vitest";
import { fixtureDistrictShapefileZip, fixtureDistrictTopoJson, makeDistrictShapefileZip, makeZip } from "../test-fixtures.js";
import { districtRows, type CensusDistrictFeature } from "./district-shapes.js";
import { parseDistrictShapefileZip } from "./district-shapes-shapefile.js";
import { parseDistrictShapesTopoJson } from "./district-shapes-topojson.js";

const FILE = "district-shapes/us-congress-districts-119.topo.json";
const fips = new Map([
  ["50", "VT"],
  ["11", "DC"],
  ["06", "CA"],
  ["32", "NV"],
  ["66", "GU"],
]);
const feature = (statefp: string, cd: string, where = "feature 1"): CensusDistrictFeature => ({
  statefp,
  cd,
  geoid: `${statefp}${cd}`,
  polygons: [[[0, 0, 1, 0, 1, 1, 0, 0]]],
  where,
});

describe("parseDistrictShapesTopoJson", () => {
  it("decodes each feature's arcs into flat rings with the Census codes", () => {
    const features = parseDistrictShapesTopoJson(fixtureDistrictTopoJson(), FILE);
    expect(features.map((f) => [f.statefp, f.cd, f.geoid, f.where])).toEqual([
      ["50", "00", "5000", "cb_2024_us_cd119_500k feature 1"],
      ["11", "98", "1198", "cb_2024_us_cd119_500k feature 2"],
      ["06", "37", "0637", "cb_2024_us_cd119_500k feature 3"],
      ["32", "02", "3202", "cb_2024_us_cd119_500k feature 4"],
      ["66", "98", "6698", "cb_2024_us_cd119_500k feature 5"],
    ]);
    expect(features[0]!.polygons).toEqual([[[-73.4, 42.7, -71.5, 42.7, -71.5, 45, -73.4, 45, -73.4, 42.7]]]);
  });

  it("decodes quantized (delta-encoded) arcs and MultiPolygons", () => {
    const topology = {
      type: "Topology",
      transform: { scale: [0.5, 0.25], translate: [-100, 40] },
      // Absolute first point, then deltas: (0,0) (2,0) (2,4) (0,4) (0,0) → -100,40 -99,40 -99,41 -100,41.
      arcs: [[[0, 0], [2, 0], [0, 4], [-2, 0], [0, -4]], [[10, 10], [2, 0], [0, 2], [-2, -2]]],
      objects: {
        districts: {
          type: "GeometryCollection",
          geometries: [{ type: "MultiPolygon", arcs: [[[0]], [[1]]], properties: { STATEFP: "32", CD119FP: "01", GEOID: "3201" } }],
        },
      },
    };
    const [only] = parseDistrictShapesTopoJson(JSON.stringify(topology), FILE);
    expect(only).toMatchObject({ statefp: "32", cd: "01", geoid: "3201" });
    expect(only!.polygons).toEqual([[[-100, 40, -99, 40, -99, 41, -100, 41, -100, 40]], [[-95, 42.5, -94, 42.5, -94, 43, -95, 42.5]]]);
  });

  it.each([
    ["not JSON", "<html>", /is not JSON/],
    ["not a topology", JSON.stringify({ type: "FeatureCollection", features: [] }), /is not a TopoJSON topology/],
    ["no collection", JSON.stringify({ type: "Topology", arcs: [], objects: {} }), /expected one GeometryCollection of districts, found 0/],
    [
      "a feature without Census properties",
      JSON.stringify({ type: "Topology", arcs: [], objects: { d: { type: "GeometryCollection", geometries: [{ type: "Polygon", arcs: [], properties: { NAME: "x" } }] } } }),
      /d feature 1 lacks the Census properties STATEFP and CD/,
    ],
    [
      "a line",
      JSON.stringify({ type: "Topology", arcs: [], objects: { d: { type: "GeometryCollection", geometries: [{ type: "LineString", arcs: [], properties: { STATEFP: "32", CD: "01" } }] } } }),
      /d feature 1 is a LineString, not a Polygon or MultiPolygon/,
    ],
  ])("refuses %s, naming the file", (_label, text, message) => {
    expect(() => parseDistrictShapesTopoJson(text, FILE)).toThrow(message);
    expect(() => parseDistrictShapesTopoJson(text, FILE)).toThrow(new RegExp(`^${FILE}`));
  });
});

describe("parseDistrictShapefileZip (the Census download)", () => {
  it("reads the polygons from the .shp and the codes from the .dbf", () => {
    const features = parseDistrictShapefileZip(fixtureDistrictShapefileZip(), "cb.zip");
    expect(features.map((f) => `${f.statefp}${f.cd} ${f.geoid} ${f.where}`)).toEqual(["5000 5000 record 1", "1198 1198 record 2", "0637 0637 record 3", "3202 3202 record 4", "6698 6698 record 5"]);
    expect(features[0]!.polygons).toEqual([[[-73.4, 42.7, -73.4, 45, -71.5, 45, -71.5, 42.7, -73.4, 42.7]]]);
  });

  it("groups rings into polygons: clockwise rings start one, counter-clockwise rings are its holes", () => {
    const outer = [[0, 0], [0, 10], [10, 10], [10, 0], [0, 0]];
    const hole = [[4, 4], [6, 4], [6, 6], [4, 6], [4, 4]];
    const island = [[20, 0], [20, 1], [21, 1], [21, 0], [20, 0]];
    const [feature] = parseDistrictShapefileZip(makeDistrictShapefileZip([{ statefp: "32", cd: "01", rings: [outer, hole, island] }]), "cb.zip");
    expect(feature!.polygons.map((polygon) => polygon.length)).toEqual([2, 1]);
  });

  it("refuses an archive without a .dbf, and a file that is not a shapefile", () => {
    expect(() => parseDistrictShapefileZip(makeZip([{ name: "x.shp", data: Buffer.alloc(100) }]), "cb.zip")).toThrow("cb.zip: expected one .dbf file inside the archive, found 0");
    const bogus = makeZip([
      { name: "x.shp", data: Buffer.alloc(120) },
      { name: "x.dbf", data: Buffer.alloc(40) },
    ]);
    expect(() => parseDistrictShapefileZip(bogus, "cb.zip")).toThrow("cb.zip/x.shp: is not a shapefile (.shp): wrong file code");
  });
});

describe("districtRows", () => {
  it("keys districts like the ZIP table: 00 (at large) and 98 (delegate) are 0; water (ZZ) is dropped", () => {
    const rows = districtRows([feature("50", "00"), feature("11", "98"), feature("32", "02"), feature("32", "ZZ")], fips, FILE);
    expect(rows.map((r) => [r.state, r.district, r.geoid])).toEqual([
      ["VT", 0, "5000"],
      ["DC", 0, "1198"],
      ["NV", 2, "3202"],
    ]);
  });

  it.each([
    ["an unknown state", [feature("48", "01")], 'feature 1: state FIPS "48" is not in states.csv'],
    ["a bad district code", [feature("32", "X1")], 'feature 1: district code "X1" is not two digits'],
    ["a seat twice", [feature("32", "02"), feature("32", "02", "feature 2")], "feature 2: NV-2 already has a shape (feature 1)"],
    ["a district without rings", [{ ...feature("32", "02"), polygons: [] }], "feature 1: NV-2 has no polygon with at least 4 points"],
    ["nothing at all", [], "holds no district shapes"],
  ])("refuses %s", (_label, features, message) => {
    expect(() => districtRows(features, fips, FILE)).toThrow(`${FILE}: ${message}`);
  });
});
