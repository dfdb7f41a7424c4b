export type CosponsorStatus = "sponsor" | "cosponsor" | "withdrawn" | "not-cosponsor" | "unknown";

export interface CosponsorStatusInput {
  bill: { sponsorBioguideId: string; rollComplete: boolean };
  bioguideId: string;
  /** The bill's sponsor and cosponsor rows (rows of other bills are ignored). */
  roll: readonly { bioguideId: string; role: "sponsor" | "cosponsor"; withdrawnOn: string | null }[];
}

/**
 * Where a member stands on a bill. Absence from the roll only means "not a cosponsor" when the
 * roll is complete; on an incomplete roll (H.R.676 lists 2 of 124) it means we do not know,
 * and the app must not tell people their member refused to sign on.
 */
export function cosponsorStatus({ bill, bioguideId, roll }: CosponsorStatusInput): CosponsorStatus {
  const row = roll.find((r) => r.bioguideId === bioguideId);
  if (row?.role === "sponsor" || bill.sponsorBioguideId === bioguideId) return "sponsor";
  if (row) return row.withdrawnOn ? "withdrawn" : "cosponsor";
  return bill.rollComplete ? "not-cosponsor" : "unknown";
}
