import { states } from "../../../db/schema/index.js";
import { insertInBatches } from "../insert-batches.js";
import { parseStatesCsv } from "../parsers/states-csv.js";
import { fileAt } from "../source-files.js";
import type { DatasetImporter } from "./types.js";

export const statesImporter: DatasetImporter = {
  formatVersion: 1,
  prepare(files) {
    const file = fileAt(files, "states.csv");
    const rows = parseStatesCsv(file.text(), file.label);
    return {
      rowCount: rows.length,
      rowsToWrite: rows.length,
      async write(db, onRows) {
        await db.delete(states);
        await insertInBatches(db, states, rows, onRows);
        return {};
      },
    };
  },
};
