import { DataFileError } from "../../public-data/formats/data-file-error.js";

/** One member on an official sponsor or cosponsor list, as the file gives them. */
export interface OfficialSponsorship {
  bioguideId: string;
  /** "Ilhan Omar": first, middle, last and suffix as the official record spells them. */
  name: string;
  /** "D", "R", "I"… at the date of sponsorship. */
  party: string;
  state: string;
  /** House: the district, 0 for at-large seats; null for senators. */
  district: number | null;
  sponsoredOn: string | null;
  isOriginal: boolean | null;
  withdrawnOn: string | null;
}

/** What an official cosponsor file says about one bill. */
export interface OfficialRoll {
  format: "billstatus-xml" | "congress-gov-json";
  /** "119-hr3069", read from the file itself. */
  billId: string;
  /** The date the file was current (BILLSTATUS updateDate); undefined when the file does not say. */
  asOf: string | undefined;
  /** Current cosponsors: everyone listed without a withdrawal date. */
  officialCount: number;
  /** BILLSTATUS lists the sponsor; the congress.gov cosponsors endpoint does not. */
  sponsors: OfficialSponsorship[];
  /** Every cosponsor, including those who withdrew, in the file's order. */
  cosponsors: OfficialSponsorship[];
}

export const BIOGUIDE = /^[A-Z]\d{6}$/;
export const USPS = /^[A-Z]{2}$/;
export const PARTY = /^[A-Z]{1,3}$/;

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === value;
}

export function displayName(parts: { firstName: string; middleName?: string | null; lastName: string; suffixName?: string | null }): string {
  return [parts.firstName, parts.middleName, parts.lastName, parts.suffixName]
    .map((part) => part?.trim())
    .filter(Boolean)
    .join(" ");
}

/** "119-hr3069" → congress 119, type "hr", number 3069. */
export function billParts(billId: string): { congress: number; type: string; number: number } {
  const match = /^(\d{1,3})-([a-z]+)(\d{1,5})$/.exec(billId);
  if (!match) throw new Error(`not a bill id: ${JSON.stringify(billId)}`);
  return { congress: Number(match[1]), type: match[2]!, number: Number(match[3]) };
}

/** "H.R.3069 (119th Congress)", for messages. */
export function billLabel(billId: string): string {
  const { congress, type, number } = billParts(billId);
  const prefix: Record<string, string> = { hr: "H.R.", s: "S.", hjres: "H.J.Res.", sjres: "S.J.Res.", hres: "H.Res.", sres: "S.Res." };
  return `${prefix[type] ?? `${type.toUpperCase()} `}${number} (${congress}th Congress)`;
}

/**
 * Checks both formats share: each member once, no withdrawal before its sponsorship, the file for
 * the bill that was asked for, and an as-of date no earlier than the latest change it lists.
 */
export function checkOfficialRoll(roll: OfficialRoll, file: string, expectedBillId: string | undefined): OfficialRoll {
  const fail = (detail: string): never => {
    throw new DataFileError(file, undefined, detail);
  };
  if (expectedBillId !== undefined && roll.billId !== expectedBillId) {
    fail(`this file is for ${billLabel(roll.billId)}, not ${billLabel(expectedBillId)}`);
  }
  const seen = new Set<string>();
  for (const member of [...roll.sponsors, ...roll.cosponsors]) {
    if (seen.has(member.bioguideId)) fail(`${member.bioguideId} (${member.name}) is listed twice`);
    seen.add(member.bioguideId);
    if (member.withdrawnOn && member.sponsoredOn && member.withdrawnOn < member.sponsoredOn) {
      fail(`${member.bioguideId} (${member.name}) withdrew on ${member.withdrawnOn}, before cosponsoring on ${member.sponsoredOn}`);
    }
  }
  if (roll.asOf !== undefined) {
    const latest = latestChange(roll.cosponsors);
    if (latest !== undefined && latest > roll.asOf) {
      fail(`the file is dated ${roll.asOf} but lists a change on ${latest}; the date or the list is wrong`);
    }
  }
  return roll;
}

/** The latest sponsorship or withdrawal date in a list. */
export function latestChange(members: readonly { sponsoredOn: string | null; withdrawnOn: string | null }[]): string | undefined {
  return members
    .flatMap((member) => [member.sponsoredOn, member.withdrawnOn])
    .filter((date): date is string => date !== null)
    .sort()
    .at(-1);
}
