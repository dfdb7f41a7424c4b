import { billPath } from "../congress/bill-slug.js";
import { loadCongressDirectory } from "../congress/congress-directory.js";
import type { Ctx } from "../context.js";
import { getCampaign, type Campaign } from "./campaign-catalogue.js";
import { getActionCounts, type ActionCounts } from "./get-action-counts.js";
import { campaignBill } from "./member-stance.js";

export interface CampaignBill {
  id: string;
  number: string;
  chamber: "house" | "senate";
  path: string;
  /** Current cosponsors (withdrawn ones not counted). */
  cosponsors: number;
  asOf: string | null;
  complete: boolean;
}

export interface CampaignOverview {
  campaign: Campaign;
  bills: CampaignBill[];
  counts: ActionCounts;
}

/** What the top of a campaign page shows: its bills with their counts, and the action counters. */
export async function getCampaignOverview({ ctx, input }: { ctx: Ctx; input: { slug: string } }): Promise<CampaignOverview> {
  const campaign = await getCampaign({ ctx, input });
  const [directory, counts] = await Promise.all([loadCongressDirectory(ctx), getActionCounts({ ctx, input: { campaignSlug: campaign.slug } })]);
  const bills: CampaignBill[] = [];
  for (const chamber of ["house", "senate"] as const) {
    const bill = campaignBill(directory, campaign, chamber);
    if (!bill) continue;
    const cosponsors = [...bill.roll.values()].filter((r) => r.role === "cosponsor" && !r.withdrawnOn).length;
    bills.push({ id: bill.id, number: bill.number, chamber, path: billPath(bill.id), cosponsors, asOf: bill.cosponsorsAsOf, complete: bill.rollComplete });
  }
  return { campaign, bills, counts };
}
