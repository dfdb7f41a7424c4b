import { zipCities } from "../../../db/schema/index.js";
import { insertInBatches } from "../insert-batches.js";
import { parseZipCitiesCsv } from "../parsers/zip-cities-csv.js";
import { fileAt } from "../source-files.js";
import type { DatasetImporter } from "./types.js";

export const zipCitiesImporter: DatasetImporter = {
  formatVersion: 1,
  prepare(files) {
    const file = fileAt(files, "zip-geo/zip-city-state.csv");
    const rows = parseZipCitiesCsv(file.text(), file.label);
    return {
      rowCount: rows.length,
      rowsToWrite: rows.length,
      async write(db, onRows) {
        await db.delete(zipCities);
        await insertInBatches(db, zipCities, rows, onRows);
        return {};
      },
    };
  },
};
