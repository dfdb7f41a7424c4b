import type { DistrictPolygon, districtShapes } from "../../../db/schema/index.js";
import { DataFileError } from "../formats/data-file-error.js";

export type DistrictShapeRow = typeof districtShapes.$inferInsert;

/** The Census attributes of one district feature, as both the TopoJSON and the shapefile carry them. */
export interface CensusDistrictFeature {
  /** Two-digit state FIPS code. */
  statefp: string;
  /** The Census district code: "01"…"53", "00" at large, "98" delegate or resident commissioner, "ZZ" water. */
  cd: string;
  geoid: string;
  polygons: DistrictPolygon[];
  /** Where the feature is, for messages: "feature 12" or "record 12". */
  where: string;
}

/** Six decimals of a degree is about 10 cm: plenty, and the stored JSON stays small. */
export const roundCoordinate = (value: number) => Math.round(value * 1e6) / 1e6;

/**
 * Census features → rows keyed like zip_districts: USPS state code from `fipsToUsps`, district 0
 * for at-large ("00") and delegate ("98") seats. "ZZ" (water not in any district) is dropped.
 * Refuses an unknown state, an impossible code, a duplicate seat or a feature without rings.
 */
export function districtRows(features: CensusDistrictFeature[], fipsToUsps: Map<string, string>, file: string): DistrictShapeRow[] {
  const seen = new Map<string, string>();
  const rows: DistrictShapeRow[] = [];
  for (const feature of features) {
    const fail = (detail: string): never => {
      throw new DataFileError(file, undefined, `${feature.where}: ${detail}`);
    };
    if (feature.cd === "ZZ") continue;
    const state = fipsToUsps.get(feature.statefp) ?? fail(`state FIPS ${JSON.stringify(feature.statefp)} is not in states.csv`);
    if (!/^\d{2}$/.test(feature.cd)) fail(`district code ${JSON.stringify(feature.cd)} is not two digits`);
    const district = feature.cd === "00" || feature.cd === "98" ? 0 : Number(feature.cd);
    const key = `${state}-${district}`;
    const first = seen.get(key);
    if (first) fail(`${key} already has a shape (${first})`);
    seen.set(key, feature.where);
    const polygons = feature.polygons.filter((polygon) => polygon.length > 0 && polygon[0]!.length >= 8);
    if (polygons.length === 0) fail(`${key} has no polygon with at least 4 points`);
    rows.push({ state, district, geoid: feature.geoid, polygons });
  }
  if (rows.length === 0) throw new DataFileError(file, undefined, "holds no district shapes");
  return rows;
}
