import { notInArray } from "drizzle-orm";
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

/**
 * Bills and their sponsor/cosponsor rolls are replaced as a whole: the source is the official roll.
 * Except a bill whose stored roll is newer than the seed's (read since with `npm run data:cosponsors`):
 * it keeps that roll, so re-importing the seed never undoes a later official list (docs/decisions/0010).
 */
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
        const seedAsOf = new Map(seeds.map((bill) => [bill.id, bill.cosponsorsAsOf]));
        const stored = await db.select({ id: bills.id, number: bills.number, asOf: bills.cosponsorsAsOf }).from(bills);
        const newer = stored.filter((bill) => seedAsOf.has(bill.id) && bill.asOf !== null && bill.asOf > (seedAsOf.get(bill.id) ?? ""));
        const keep = new Set(newer.map((bill) => bill.id));
        // bill_cosponsors rows go with their bill (ON DELETE CASCADE).
        await db.delete(bills).where(keep.size > 0 ? notInArray(bills.id, [...keep]) : undefined);
        const billsToWrite = billRows.filter((bill) => !keep.has(bill.id));
        const rollToWrite = rollRows.filter((row) => !keep.has(row.billId));
        onRows(billRows.length - billsToWrite.length + rollRows.length - rollToWrite.length);
        await insertInBatches(db, bills, billsToWrite, onRows);
        await insertInBatches(db, billCosponsors, rollToWrite, onRows);
        const kept = newer.map((bill) => `${bill.number} (${bill.asOf})`).join(", ");
        return {
          detail:
            `${billsToWrite.length} bills, ${rollToWrite.length} sponsor and cosponsor rows` +
            (kept ? `; kept the newer imported roll of ${kept}` : ""),
        };
      },
    };
  },
};
