import { billCosponsors, bills } from "../../../db/schema/index.js";
import { insertInBatches } from "../insert-batches.js";
import { billsFromCosponsorRows } from "../medicare-for-all-bills.js";
import { parseBillsJson, type BillSeed } from "../parsers/bills-json.js";
import { parseCosponsorsCsv } from "../parsers/cosponsors-csv.js";
import { fileAt, type SourceFile } from "../source-files.js";
import type { DatasetImporter } from "./types.js";

const COSPONSORS = "cosponsors/medicare-for-all-cosponsors.csv";

export function readBills(file: SourceFile): BillSeed[] {
  if (file.origin === "seed") return parseBillsJson(file.text(), file.label);
  return billsFromCosponsorRows(parseCosponsorsCsv(file.text(), file.label), file.label);
}

/** Bills and their sponsor/cosponsor rolls are replaced as a whole: the source is the official roll. */
export const billsImporter: DatasetImporter = {
  formatVersion: 1,
  prepare(files) {
    const seeds = readBills(fileAt(files, COSPONSORS));
    const billRows = seeds.map(({ sponsorships: _rows, note: _note, ...bill }) => bill);
    const rollRows = seeds.flatMap((bill) => bill.sponsorships.map(({ note: _note, ...row }) => ({ ...row, billId: bill.id })));
    const asOf = seeds
      .filter((bill) => bill.isCurrent)
      .map((bill) => bill.cosponsorsAsOf ?? "")
      .sort()
      .at(-1);
    return {
      rowCount: rollRows.length,
      rowsToWrite: billRows.length + rollRows.length,
      // e.g. "H.R.3069 115/115, S.1506 18/18, …": how much of each official roll is loaded.
      version: seeds
        .map((bill) => {
          const loaded = bill.sponsorships.filter((row) => row.role === "cosponsor").length;
          return `${bill.number} ${loaded}/${bill.officialCosponsorCount ?? "?"}`;
        })
        .join(", "),
      asOf: asOf || null,
      async write(db, onRows) {
        // bill_cosponsors rows go with their bill (ON DELETE CASCADE).
        await db.delete(bills);
        await insertInBatches(db, bills, billRows, onRows);
        await insertInBatches(db, billCosponsors, rollRows, onRows);
        return { detail: `${billRows.length} bills, ${rollRows.length} sponsor and cosponsor rows` };
      },
    };
  },
};
