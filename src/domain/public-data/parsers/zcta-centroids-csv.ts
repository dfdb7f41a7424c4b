import type { zipCentroids } from "../../../db/schema/index.js";
import { parseCsvTable } from "../formats/csv.js";
import { RowReader, patterns } from "../formats/row-reader.js";

export type ZipCentroidRow = typeof zipCentroids.$inferInsert;

const STATES = /^[A-Z]{2}(\|[A-Z]{2})*$/;

/** zcta-centroids.csv (the shared-data layout): `zcta,lat,lng,states[,state_source]`, states joined with "|". */
export function parseZctaCentroidsCsv(text: string, file: string): ZipCentroidRow[] {
  const rows = parseCsvTable(text, {
    file,
    describe: "a ZCTA centre-point file (zcta-centroids.csv)",
    required: ["zcta", "lat", "lng", "states"],
  });
  const seen = new Map<string, number>();
  return rows.map(({ line, values }) => {
    const row = new RowReader(file, line, values);
    const zcta = row.match("zcta", patterns.zcta, "a 5-digit ZCTA");
    const first = seen.get(zcta);
    if (first !== undefined) row.fail(`zcta ${zcta} repeats line ${first}`);
    seen.set(zcta, line);
    return {
      zcta,
      latitude: row.number("lat", { min: -90, max: 90 }),
      longitude: row.number("lng", { min: -180, max: 180 }),
      states: row.match("states", STATES, 'USPS codes joined with "|"'),
    };
  });
}
