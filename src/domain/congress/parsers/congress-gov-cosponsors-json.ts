import { z } from "zod";
import { DataFileError } from "../../public-data/formats/data-file-error.js";
import { zodDetail } from "../../public-data/formats/zod-detail.js";
import { BIOGUIDE, PARTY, USPS, billParts, checkOfficialRoll, displayName, isIsoDate, type OfficialRoll } from "./official-roll.js";

/** The congress.gov API v3 cosponsors endpoint for a bill, without the API key. */
export function cosponsorsApiUrl(billId: string): string {
  const { congress, type, number } = billParts(billId);
  return `https://api.congress.gov/v3/bill/${congress}/${type}/${number}/cosponsors`;
}

const isoDate = z.string().refine(isIsoDate, "expected a date YYYY-MM-DD");
/** The API sends JSON booleans and numbers; XML converted to JSON has "True" and "7". Both mean the same. */
const flag = z.union([z.boolean(), z.enum(["True", "False", "true", "false"]).transform((value) => value.toLowerCase() === "true")]);
const count = z.union([z.number().int().min(0), z.string().regex(/^\d+$/).transform(Number)]);
const optionalText = z.string().nullish();

const Cosponsor = z.object({
  bioguideId: z.string().regex(BIOGUIDE, "expected a bioguide ID such as J000298"),
  firstName: z.string().trim().min(1),
  middleName: optionalText,
  lastName: z.string().trim().min(1),
  suffixName: optionalText,
  party: z.string().regex(PARTY, "expected a party code such as D, R or I"),
  state: z.string().regex(USPS, "expected a two-letter state code"),
  district: count.nullish(),
  sponsorshipDate: isoDate,
  isOriginalCosponsor: flag,
  sponsorshipWithdrawnDate: isoDate.nullish(),
});

const CosponsorsResponse = z.object({
  cosponsors: z.array(Cosponsor),
  pagination: z.object({
    /** Current cosponsors (withdrawn ones not counted): the official count. */
    count,
    countIncludingWithdrawnCosponsors: count.optional(),
    next: z.string().nullish(),
  }),
  request: z.object({
    congress: count,
    billType: z.string().regex(/^[A-Za-z]{1,7}$/),
    billNumber: count,
  }),
});

/** A congress.gov API v3 `/bill/{congress}/{type}/{number}/cosponsors` response saved as a file. */
export function parseCongressGovCosponsorsJson(text: string, file: string, expectedBillId?: string): OfficialRoll {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    throw new DataFileError(file, undefined, `not valid JSON: ${(error as Error).message}`);
  }
  return congressGovCosponsors(json, file, expectedBillId);
}

/**
 * The same, for a response already decoded (the API client's, with every page merged). The
 * file carries no date, so `asOf` is undefined: the caller decides (docs/decisions/0010).
 */
export function congressGovCosponsors(json: unknown, file: string, expectedBillId?: string): OfficialRoll {
  const fail = (detail: string): never => {
    throw new DataFileError(file, undefined, detail);
  };
  const apiError = (json as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  if (apiError && typeof apiError === "object") {
    fail(`this is an error from congress.gov, not a cosponsor list: ${String(apiError.message ?? apiError.code ?? "no message")}`);
  }
  const parsed = CosponsorsResponse.safeParse(json);
  if (!parsed.success) fail(`not a congress.gov cosponsors response: ${zodDetail(parsed.error)}`);
  const { cosponsors: rows, pagination, request } = parsed.data!;
  if (pagination.next) {
    fail(
      `this is one page of a longer list (pagination.next is set): download every page ` +
        `(limit=250 and offset), or set CONGRESS_API_KEY and let the command fetch it`,
    );
  }
  if (pagination.countIncludingWithdrawnCosponsors !== undefined && pagination.countIncludingWithdrawnCosponsors !== rows.length) {
    fail(`pagination says ${pagination.countIncludingWithdrawnCosponsors} cosponsors including withdrawn ones, but ${rows.length} are listed`);
  }
  const cosponsors = rows.map((row) => ({
    bioguideId: row.bioguideId,
    name: displayName(row),
    party: row.party,
    state: row.state,
    district: row.district ?? null,
    sponsoredOn: row.sponsorshipDate,
    isOriginal: row.isOriginalCosponsor,
    withdrawnOn: row.sponsorshipWithdrawnDate ?? null,
  }));
  const current = cosponsors.filter((c) => c.withdrawnOn === null).length;
  if (current !== pagination.count) {
    fail(`pagination.count says ${pagination.count} current cosponsors, but ${current} are listed without a withdrawal date`);
  }
  return checkOfficialRoll(
    {
      format: "congress-gov-json",
      billId: `${request.congress}-${request.billType.toLowerCase()}${request.billNumber}`,
      asOf: undefined,
      officialCount: pagination.count,
      sponsors: [],
      cosponsors,
    },
    file,
    expectedBillId,
  );
}
