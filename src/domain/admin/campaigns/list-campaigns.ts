import { asc } from "drizzle-orm";
import { bills, campaigns } from "../../../db/schema/index.js";
import type { Actor } from "../../accounts/actor.js";
import { authorize } from "../../access/policy.js";
import { campaignPath } from "../../campaigns/campaign-catalogue.js";
import type { Ctx } from "../../context.js";

export interface CampaignListItem {
  slug: string;
  path: string;
  /** The English title. */
  title: string;
  isActive: boolean;
  houseBill: string | null;
  senateBill: string | null;
  hasSpanish: boolean;
  createdAt: Date;
}

/** Every campaign for the admin list, oldest first, with its bills' numbers. */
export async function listCampaigns({ ctx, input }: { ctx: Ctx; input: { actor: Actor | undefined } }): Promise<CampaignListItem[]> {
  authorize(input.actor, { to: "administer" });
  const [rows, billRows] = await Promise.all([
    ctx.db.select().from(campaigns).orderBy(asc(campaigns.createdAt), asc(campaigns.slug)),
    ctx.db.select({ id: bills.id, number: bills.number }).from(bills),
  ]);
  const number = new Map(billRows.map((b) => [b.id, b.number]));
  const billNumber = (id: string | null) => (id === null ? null : (number.get(id) ?? id));
  return rows.map((row) => ({
    slug: row.slug,
    path: campaignPath(row.slug),
    title: row.words.en.title,
    isActive: row.isActive,
    houseBill: billNumber(row.houseBillId),
    senateBill: billNumber(row.senateBillId),
    hasSpanish: row.words.es !== undefined,
    createdAt: row.createdAt,
  }));
}
