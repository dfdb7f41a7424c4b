import { billPath } from "../congress/bill-slug.js";
import type { BillWithRoll, CongressDirectory, CongressMember } from "../congress/congress-directory.js";
import { cosponsorStatus, type CosponsorStatus } from "../congress/cosponsor-status.js";
import type { Campaign } from "./campaign-catalogue.js";

/** Where a member stands on the campaign's bill in their chamber, with the dates that back it up. */
export interface MemberStance {
  bill: { id: string; number: string; path: string; congressGovUrl: string } | null;
  status: CosponsorStatus;
  /** Date they sponsored or cosponsored. */
  since: string | null;
  withdrawnOn: string | null;
  /** Date the official roll was read: "not a cosponsor" is only true as of then. */
  asOf: string | null;
  /** Whether the roll is known to be complete; when not, absence is "unknown", never "no". */
  complete: boolean;
}

export function campaignBill(directory: CongressDirectory, campaign: Campaign, chamber: "house" | "senate"): BillWithRoll | undefined {
  const id = chamber === "house" ? campaign.houseBillId : campaign.senateBillId;
  return id ? directory.bills.get(id) : undefined;
}

export function memberStance(directory: CongressDirectory, campaign: Campaign, member: CongressMember): MemberStance {
  const bill = campaignBill(directory, campaign, member.chamber);
  if (!bill) return { bill: null, status: "unknown", since: null, withdrawnOn: null, asOf: null, complete: false };
  const row = bill.roll.get(member.bioguideId);
  return {
    bill: { id: bill.id, number: bill.number, path: billPath(bill.id), congressGovUrl: bill.congressGovUrl },
    status: cosponsorStatus({ bill, bioguideId: member.bioguideId, roll: row ? [row] : [] }),
    since: row?.sponsoredOn ?? (bill.sponsorBioguideId === member.bioguideId ? bill.introducedOn : null),
    withdrawnOn: row?.withdrawnOn ?? null,
    asOf: bill.cosponsorsAsOf,
    complete: bill.rollComplete,
  };
}
