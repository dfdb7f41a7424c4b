import { zipDistricts } from "../../../db/schema/index.js";
import { DataFileError } from "../formats/data-file-error.js";
import { insertInBatches } from "../insert-batches.js";
import { parseZccdCsv, type ZipDistrictRow } from "../parsers/zccd-csv.js";
import { fileAt, type SourceFile } from "../source-files.js";
import type { DatasetImporter } from "./types.js";

export const ZCCD = "zip-districts/zccd.csv";
export const ISLAND_AREAS = "zip-districts/zccd-island-areas.csv";

/** zccd.csv plus the island-area rows this project derives (the Census relationship files lack them). */
export function readZipDistricts(files: SourceFile[]): ZipDistrictRow[] {
  const main = fileAt(files, ZCCD);
  const islands = fileAt(files, ISLAND_AREAS);
  const rows = parseZccdCsv(main.text(), main.label);
  const known = new Set(rows.map((row) => row.zcta));
  const extra = parseZccdCsv(islands.text(), islands.label);
  for (const row of extra) {
    if (known.has(row.zcta)) {
      throw new DataFileError(
        islands.label,
        undefined,
        `ZCTA ${row.zcta} is already in ${main.label}; the island-area file may only add ZCTAs the main file lacks`,
      );
    }
  }
  return [...rows, ...extra];
}

export const zipDistrictsImporter: DatasetImporter = {
  formatVersion: 1,
  prepare(files) {
    const rows = readZipDistricts(files);
    return {
      rowCount: rows.length,
      rowsToWrite: rows.length,
      async write(db, onRows) {
        await db.delete(zipDistricts);
        await insertInBatches(db, zipDistricts, rows, onRows);
        return { detail: `${new Set(rows.map((row) => row.zcta)).size} ZCTAs` };
      },
    };
  },
};
