import type { GeometryObject, Topology } from "topojson-specification";
import { feature } from "topojson-client";
import type { DistrictPolygon } from "../../../db/schema/index.js";
import { DataFileError } from "../formats/data-file-error.js";
import { roundCoordinate, type CensusDistrictFeature } from "./district-shapes.js";

/**
 * A TopoJSON topology of congressional districts (the shared copy of cb_2024_us_cd119_500k, see
 * PROVENANCE.md §7): one GeometryCollection of Polygon/MultiPolygon features with the Census
 * properties STATEFP and CD (or CD119FP, as Census names it) and GEOID.
 */
export function parseDistrictShapesTopoJson(text: string, file: string): CensusDistrictFeature[] {
  const fail = (detail: string): never => {
    throw new DataFileError(file, undefined, detail);
  };
  let topology: Topology;
  try {
    topology = JSON.parse(text) as Topology;
  } catch (error) {
    return fail(`is not JSON: ${(error as Error).message}`);
  }
  if (topology?.type !== "Topology" || !Array.isArray(topology.arcs) || typeof topology.objects !== "object" || topology.objects === null) {
    fail('is not a TopoJSON topology (expected "type": "Topology" with "arcs" and "objects")');
  }
  const collections = Object.entries(topology.objects).filter(([, object]) => object.type === "GeometryCollection");
  if (collections.length !== 1) fail(`expected one GeometryCollection of districts, found ${collections.length}`);
  const [name, object] = collections[0]!;
  const geometries = (object as { geometries: GeometryObject[] }).geometries;

  return geometries.map((geometry, index) => {
    const where = `${name} feature ${index + 1}`;
    const properties = (geometry.properties ?? {}) as Record<string, unknown>;
    const statefp = String(properties.STATEFP ?? "");
    const cd = String(properties.CD ?? properties.CD119FP ?? "");
    if (!/^\d{2}$/.test(statefp) || cd === "") fail(`${where} lacks the Census properties STATEFP and CD`);
    if (geometry.type !== "Polygon" && geometry.type !== "MultiPolygon") fail(`${where} is a ${geometry.type}, not a Polygon or MultiPolygon`);
    const shape = (feature(topology, geometry) as GeoJSON.Feature).geometry as GeoJSON.Polygon | GeoJSON.MultiPolygon;
    const polygons = shape.type === "Polygon" ? [shape.coordinates] : shape.coordinates;
    return {
      statefp,
      cd,
      geoid: String(properties.GEOID ?? `${statefp}${cd}`),
      polygons: polygons.map((rings): DistrictPolygon => rings.map((ring) => ring.flatMap(([lng, lat]) => [roundCoordinate(lng!), roundCoordinate(lat!)]))),
      where,
    };
  });
}
