import { zipCentroids } from "../../../db/schema/index.js";
import { DataFileError } from "../formats/data-file-error.js";
import { readZipEntries } from "../formats/zip-archive.js";
import { insertInBatches } from "../insert-batches.js";
import { parseGazetteerZcta } from "../parsers/gazetteer-zcta.js";
import type { ZipDistrictRow } from "../parsers/zccd-csv.js";
import { parseZctaCentroidsCsv, type ZipCentroidRow } from "../parsers/zcta-centroids-csv.js";
import { fileAt, type SourceFile } from "../source-files.js";
import type { DatasetImporter } from "./types.js";
import { readZipDistricts } from "./zip-districts.js";

const CENTROIDS = "zip-geo/zcta-centroids.csv";

export const zipCentroidsImporter: DatasetImporter = {
  formatVersion: 1,
  prepare(files) {
    const source = fileAt(files, CENTROIDS);
    const { rows, warnings } =
      source.origin === "download" ? fromGazetteer(source, readZipDistricts(files)) : { rows: parseZctaCentroidsCsv(source.text(), source.label), warnings: [] };
    return {
      rowCount: rows.length,
      rowsToWrite: rows.length,
      ...(source.origin === "download" ? { version: "Census 2022 Gazetteer internal points, states from the ZIP → district files", asOf: "2022" } : {}),
      warnings,
      async write(db, onRows) {
        await db.delete(zipCentroids);
        await insertInBatches(db, zipCentroids, rows, onRows);
        return {};
      },
    };
  },
};

/**
 * The Census download is a .zip holding one tab-separated file, without states: each ZCTA
 * gets the states the ZIP → district files give it (several, joined with "|", when it
 * crosses a state line). A ZCTA in neither file is skipped with a warning.
 */
export function fromGazetteer(source: SourceFile, districts: ZipDistrictRow[]): { rows: ZipCentroidRow[]; warnings: string[] } {
  const entries = readZipEntries(source.bytes, source.label).filter((entry) => /\.txt$/i.test(entry.name));
  const entry = entries[0];
  if (!entry || entries.length > 1) {
    throw new DataFileError(source.label, undefined, `expected one .txt file inside the archive, found ${entries.length}`);
  }
  const label = `${source.label}/${entry.name}`;
  const points = parseGazetteerZcta(entry.read().toString("utf8"), label);

  const statesByZcta = new Map<string, Set<string>>();
  for (const row of districts) {
    let set = statesByZcta.get(row.zcta);
    if (!set) statesByZcta.set(row.zcta, (set = new Set()));
    set.add(row.state);
  }
  const rows: ZipCentroidRow[] = [];
  const orphans: string[] = [];
  for (const point of points) {
    const states = statesByZcta.get(point.zcta);
    if (!states) orphans.push(point.zcta);
    else rows.push({ ...point, states: [...states].sort().join("|") });
  }
  const warnings =
    orphans.length === 0
      ? []
      : [`${label}: ${orphans.length} ZCTA(s) are in no ZIP → district file, so their state is unknown; skipped: ${orphans.slice(0, 10).join(", ")}${orphans.length > 10 ? ", …" : ""}`];
  return { rows, warnings };
}
