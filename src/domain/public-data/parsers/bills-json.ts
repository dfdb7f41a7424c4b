import { z } from "zod";
import { DataFileError } from "../formats/data-file-error.js";
import { isHttpUrl, patterns } from "../formats/row-reader.js";
import { zodDetail } from "../formats/zod-detail.js";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date YYYY-MM-DD");
const url = z.string().refine(isHttpUrl, "expected an http(s) URL");

export const SponsorshipSeedSchema = z.object({
  bioguideId: z.string().regex(patterns.bioguide, "expected a bioguide ID such as J000298"),
  role: z.enum(["sponsor", "cosponsor"]),
  /** Name, party, state and district on the date of sponsorship. */
  name: z.string().min(1),
  party: z.string().min(1),
  state: z.string().regex(patterns.usps, "expected a two-letter USPS code"),
  district: z.number().int().min(0).nullable(),
  sponsoredOn: isoDate.nullable(),
  isOriginal: z.boolean().nullable(),
  withdrawnOn: isoDate.nullable(),
  sourceUrl: url,
  /** How the row was verified (kept for maintainers; not imported). */
  note: z.string().nullable(),
});

export const BillSeedSchema = z.object({
  id: z.string().regex(/^\d{1,3}-(hr|s)\d+$/, 'expected an id such as "119-hr3069"'),
  congress: z.number().int().min(1),
  chamber: z.enum(["house", "senate"]),
  number: z.string().min(1),
  title: z.string().min(1),
  introducedOn: isoDate,
  sponsorBioguideId: z.string().regex(patterns.bioguide),
  officialCosponsorCount: z.number().int().min(0).nullable(),
  cosponsorsAsOf: isoDate.nullable(),
  rollComplete: z.boolean(),
  isCurrent: z.boolean(),
  sourceUrl: url,
  congressGovUrl: url,
  note: z.string().nullable(),
  sponsorships: z.array(SponsorshipSeedSchema),
});

export type SponsorshipSeed = z.infer<typeof SponsorshipSeedSchema>;
export type BillSeed = z.infer<typeof BillSeedSchema>;

const BillsFile = z.object({ bills: z.array(BillSeedSchema).min(1, "expected at least one bill") });

/** seed/bills.json, the project's own bill and cosponsor file (written by scripts/build-seed.ts). */
export function parseBillsJson(text: string, file: string): BillSeed[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new DataFileError(file, undefined, `not valid JSON: ${(error as Error).message}`);
  }
  const parsed = BillsFile.safeParse(json);
  if (!parsed.success) throw new DataFileError(file, undefined, `not a bills seed file: ${zodDetail(parsed.error)}`);
  checkBillSeeds(parsed.data.bills, file);
  return parsed.data.bills;
}

/**
 * Rules that hold across rows. The important one: a roll marked complete must hold exactly the
 * official number of cosponsors, because the app then tells people "your member has not
 * cosponsored" from the absence of a row.
 */
export function checkBillSeeds(bills: BillSeed[], file: string): void {
  const fail = (bill: BillSeed, detail: string): never => {
    throw new DataFileError(file, undefined, `${bill.number} (${bill.congress}th Congress): ${detail}`);
  };
  const ids = new Set<string>();
  for (const bill of bills) {
    if (ids.has(bill.id)) fail(bill, `bill id ${bill.id} is used twice`);
    ids.add(bill.id);
    const members = new Set<string>();
    for (const row of bill.sponsorships) {
      if (members.has(row.bioguideId)) fail(bill, `${row.bioguideId} (${row.name}) is listed twice`);
      members.add(row.bioguideId);
    }
    const sponsors = bill.sponsorships.filter((row) => row.role === "sponsor");
    if (!sponsors.some((row) => row.bioguideId === bill.sponsorBioguideId)) {
      fail(bill, `sponsor ${bill.sponsorBioguideId} has no sponsor row`);
    }
    const cosponsors = bill.sponsorships.length - sponsors.length;
    if (bill.rollComplete) {
      if (bill.officialCosponsorCount === null || bill.cosponsorsAsOf === null) {
        fail(bill, "a complete roll needs its official cosponsor count and the date it was read (cosponsorsAsOf)");
      }
      if (cosponsors !== bill.officialCosponsorCount) {
        fail(
          bill,
          `the roll is marked complete with ${bill.officialCosponsorCount} official cosponsors, but ${cosponsors} are listed; ` +
            "add the missing rows or mark the roll incomplete",
        );
      }
    } else if (bill.officialCosponsorCount !== null && cosponsors > bill.officialCosponsorCount) {
      fail(bill, `${cosponsors} cosponsors are listed but the official count is ${bill.officialCosponsorCount}`);
    }
  }
}
