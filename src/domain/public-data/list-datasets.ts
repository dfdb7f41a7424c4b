import { and, asc, count, desc, eq } from "drizzle-orm";
import { billCosponsors, bills, datasets } from "../../db/schema/index.js";
import { cacheTags } from "../../db/read-cache.js";
import { billPath } from "../congress/bill-slug.js";
import type { Ctx } from "../context.js";
import { datasetCatalogue, type DatasetKey } from "./catalogue.js";

export interface DatasetSummary {
  key: DatasetKey;
  title: string;
  sourceUrl: string;
  licence: string;
  licenceUrl: string | null;
  attribution: string | null;
  /** Null when the dataset has never been imported. */
  imported: { version: string; asOf: string | null; rowCount: number; importedAt: Date } | null;
}

export interface BillSummary {
  /** Path of the bill's cosponsor list, e.g. /cosponsors/hr3069-119. */
  path: string;
  number: string;
  congress: number;
  title: string;
  cosponsorsLoaded: number;
  officialCosponsorCount: number | null;
  asOf: string | null;
  rollComplete: boolean;
  sourceUrl: string;
}

/** Every dataset the app knows about, imported or not, plus the bills' roll completeness. */
export function listDatasets({ ctx }: { ctx: Ctx }): Promise<{ datasets: DatasetSummary[]; bills: BillSummary[] }> {
  return ctx.cache.get(`${cacheTags.publicData}:datasets`, async () => {
    const rows = await ctx.db.select().from(datasets);
    const byKey = new Map(rows.map((row) => [row.key, row]));
    const billRows = await ctx.db
      .select({
        id: bills.id,
        number: bills.number,
        congress: bills.congress,
        title: bills.title,
        officialCosponsorCount: bills.officialCosponsorCount,
        asOf: bills.cosponsorsAsOf,
        rollComplete: bills.rollComplete,
        sourceUrl: bills.sourceUrl,
        cosponsorsLoaded: count(billCosponsors.bioguideId),
      })
      .from(bills)
      .leftJoin(billCosponsors, and(eq(billCosponsors.billId, bills.id), eq(billCosponsors.role, "cosponsor")))
      .groupBy(bills.id)
      .orderBy(desc(bills.congress), asc(bills.chamber));
    return {
      datasets: datasetCatalogue.map((entry) => {
        const row = byKey.get(entry.key);
        return {
          key: entry.key,
          title: entry.title,
          sourceUrl: row?.sourceUrl ?? entry.sourceUrl,
          licence: entry.licence,
          licenceUrl: entry.licenceUrl ?? null,
          attribution: entry.attribution ?? null,
          imported: row
            ? { version: row.version, asOf: row.asOf, rowCount: row.rowCount, importedAt: row.importedAt }
            : null,
        };
      }),
      bills: billRows.map(({ id, ...bill }) => ({ ...bill, path: billPath(id) })),
    };
  });
}
