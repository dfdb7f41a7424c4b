import { DataFileError } from "./formats/data-file-error.js";
import { checkBillSeeds, type BillSeed, type SponsorshipSeed } from "./parsers/bills-json.js";
import type { CosponsorCsvRow } from "./parsers/cosponsors-csv.js";

type BillFacts = Omit<BillSeed, "sponsorBioguideId" | "sponsorships">;

/**
 * What is known about each Medicare for All bill beyond its cosponsor rows, keyed by the
 * label the shared cosponsor list uses. Sources and caveats: shared data PROVENANCE.md §4 and §4a.
 * When a newer official roll is read, update the count and date here and re-run
 * `npx tsx scripts/build-seed.ts`.
 */
export const medicareForAllBillFacts: Record<string, BillFacts> = {
  "H.R.3069 (119th)": {
    id: "119-hr3069",
    congress: 119,
    chamber: "house",
    number: "H.R.3069",
    title: "Medicare for All Act of 2025",
    introducedOn: "2025-04-29",
    officialCosponsorCount: 115,
    cosponsorsAsOf: "2026-09-15",
    rollComplete: true,
    isCurrent: true,
    sourceUrl: "https://www.govinfo.gov/bulkdata/BILLSTATUS/119/hr/BILLSTATUS-119hr3069.xml",
    congressGovUrl: "https://www.congress.gov/bill/119th-congress/house-bill/3069",
    note: "Official BILLSTATUS roll (updateDate 2026-09-15): 115 cosponsors, none withdrawn. Cosponsors may have been added since.",
  },
  "S.1506 (119th)": {
    id: "119-s1506",
    congress: 119,
    chamber: "senate",
    number: "S.1506",
    title: "Medicare for All Act of 2025",
    introducedOn: "2025-04-29",
    officialCosponsorCount: 18,
    cosponsorsAsOf: "2026-09-26",
    rollComplete: true,
    isCurrent: true,
    sourceUrl: "https://www.govinfo.gov/bulkdata/BILLSTATUS/119/s/BILLSTATUS-119s1506.xml",
    congressGovUrl: "https://www.congress.gov/bill/119th-congress/senate-bill/1506",
    note: "Official BILLSTATUS roll (updated 2026-09-26): 18 cosponsors, none withdrawn. Cosponsors may have been added since.",
  },
  "H.R.676 (115th)": {
    id: "115-hr676",
    congress: 115,
    chamber: "house",
    number: "H.R.676",
    title: "Expanded & Improved Medicare For All Act",
    introducedOn: "2017-01-24",
    officialCosponsorCount: 124,
    // The 115th Congress ended on 2019-01-03; its rolls cannot change after that.
    cosponsorsAsOf: "2019-01-03",
    rollComplete: false,
    isCurrent: false,
    sourceUrl: "https://legiscan.com/US/bill/HB676/2017",
    congressGovUrl: "https://www.congress.gov/bill/115th-congress/house-bill/676",
    note:
      "Very incomplete: only 2 of 124 cosponsors identified (LegiScan shows 125-0 with the sponsor). Conyers (sponsor) resigned 2017-12-05; " +
      "Ellison took over the sponsorship on 2018-03-07. Fill in from https://www.govinfo.gov/bulkdata/BILLSTATUS/115/hr/BILLSTATUS-115hr676.xml.",
  },
  "S.1804 (115th)": {
    id: "115-s1804",
    congress: 115,
    chamber: "senate",
    number: "S.1804",
    title: "Medicare for All Act of 2017",
    introducedOn: "2017-09-13",
    officialCosponsorCount: 16,
    cosponsorsAsOf: "2019-01-03",
    rollComplete: true,
    isCurrent: false,
    sourceUrl: "https://markey.senate.gov/news/press-releases/senator-markey-backs-medicare-for-all-act",
    congressGovUrl: "https://www.congress.gov/bill/115th-congress/senate-bill/1804",
    note:
      "16 original cosponsors (Markey press release 2017-09-13, VPR, The Hill); AP reported no later additions. " +
      "Udall's bioguide ID U000039 is not verified against an official source.",
  },
};

/**
 * Turn the shared cosponsor list into the project's bill records. The current sponsor is the
 * one who took the sponsorship last (H.R.676 passed from Conyers to Ellison). A cosponsor is
 * "original" when the official roll says so, else when they signed on the day of introduction.
 */
export function billsFromCosponsorRows(rows: CosponsorCsvRow[], file: string): BillSeed[] {
  const byBill = new Map<string, { facts: BillFacts; sponsorships: SponsorshipSeed[] }>();
  for (const row of rows) {
    const facts = medicareForAllBillFacts[row.bill];
    if (!facts) {
      throw new DataFileError(
        file,
        row.line,
        `bill ${JSON.stringify(row.bill)} is not one of ${Object.keys(medicareForAllBillFacts).join(", ")}; ` +
          "add its facts to src/domain/public-data/medicare-for-all-bills.ts",
      );
    }
    let entry = byBill.get(row.bill);
    if (!entry) byBill.set(row.bill, (entry = { facts, sponsorships: [] }));
    entry.sponsorships.push({
      bioguideId: row.bioguideId,
      role: row.role,
      name: row.name,
      party: row.party,
      state: row.state,
      district: row.district,
      sponsoredOn: row.date,
      isOriginal: row.role === "sponsor" ? null : originalFlag(row, facts.introducedOn),
      withdrawnOn: row.withdrawnOn,
      sourceUrl: row.sourceUrl,
      note: row.notes,
    });
  }
  const bills = [...byBill.values()].map(({ facts, sponsorships }) => {
    const sponsors = sponsorships.filter((s) => s.role === "sponsor");
    const current = sponsors.reduce<SponsorshipSeed | undefined>(
      (latest, s) => (!latest || (s.sponsoredOn ?? "") > (latest.sponsoredOn ?? "") ? s : latest),
      undefined,
    );
    if (!current) throw new DataFileError(file, undefined, `${facts.number}: no row has sponsor_or_cosponsor=sponsor`);
    return { ...facts, sponsorBioguideId: current.bioguideId, sponsorships };
  });
  checkBillSeeds(bills, file);
  return bills;
}

function originalFlag(row: CosponsorCsvRow, introducedOn: string): boolean | null {
  const official = /isOriginalCosponsor=(True|False)/.exec(row.notes ?? "");
  if (official) return official[1] === "True";
  return row.date === null ? null : row.date === introducedOn;
}
