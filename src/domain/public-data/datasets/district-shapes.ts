import { districtShapes } from "../../../db/schema/index.js";
import { insertInBatches } from "../insert-batches.js";
import { districtRows, type CensusDistrictFeature } from "../parsers/district-shapes.js";
import { parseDistrictShapefileZip } from "../parsers/district-shapes-shapefile.js";
import { parseDistrictShapesTopoJson } from "../parsers/district-shapes-topojson.js";
import { parseStatesCsv } from "../parsers/states-csv.js";
import { fileAt } from "../source-files.js";
import type { DatasetImporter } from "./types.js";

export const DISTRICT_SHAPES = "district-shapes/us-congress-districts-119.topo.json";

/**
 * District outlines for "which district is this point in": the shared TopoJSON copy, or the
 * Census shapefile when downloaded. Each state's shapes must be exactly its seats (1…n, or 0
 * for an at-large or delegate seat), so a file of another Congress or a truncated one is refused.
 */
export const districtShapesImporter: DatasetImporter = {
  formatVersion: 1,
  prepare(files) {
    const source = fileAt(files, DISTRICT_SHAPES);
    const statesFile = fileAt(files, "states.csv");
    const states = parseStatesCsv(statesFile.text(), statesFile.label);
    const features: CensusDistrictFeature[] =
      source.origin === "download" ? parseDistrictShapefileZip(source.bytes, source.label) : parseDistrictShapesTopoJson(source.text(), source.label);
    const rows = districtRows(features, new Map(states.map((s) => [s.fips, s.usps])), source.label);

    const warnings: string[] = [];
    for (const state of states) {
      const expected = state.houseSeats <= 1 ? [0] : Array.from({ length: state.houseSeats }, (_, i) => i + 1);
      const have = new Set(rows.filter((row) => row.state === state.usps).map((row) => row.district));
      const missing = expected.filter((d) => !have.has(d));
      const extra = [...have].filter((d) => !expected.includes(d));
      if (extra.length > 0) warnings.push(`${source.label}: ${state.usps} has shapes for district(s) ${extra.join(", ")}, which are not among its ${state.houseSeats} seat(s)`);
      if (missing.length > 0) {
        const names = missing.slice(0, 5).map((d) => `${state.usps}-${d}`).join(", ");
        warnings.push(`${source.label}: ${state.usps} has no shape for ${missing.length} of its seat(s): ${names}${missing.length > 5 ? ", …" : ""}`);
      }
    }
    const points = rows.reduce((sum, row) => sum + row.polygons.reduce((n, polygon) => n + polygon.reduce((m, ring) => m + ring.length / 2, 0), 0), 0);
    return {
      rowCount: rows.length,
      rowsToWrite: rows.length,
      ...(source.origin === "download" ? { version: "Census cb_2024_us_cd119_500k (119th Congress), unsimplified" } : {}),
      warnings,
      async write(db, onRows) {
        await db.delete(districtShapes);
        await insertInBatches(db, districtShapes, rows, onRows);
        return { detail: `${rows.length} districts, ${points.toLocaleString("en-US")} boundary points` };
      },
    };
  },
};
