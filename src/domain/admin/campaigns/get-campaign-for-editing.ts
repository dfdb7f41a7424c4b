import { desc, eq } from "drizzle-orm";
import { bills, campaigns } from "../../../db/schema/index.js";
import type { Actor } from "../../accounts/actor.js";
import { authorize } from "../../access/policy.js";
import type { Ctx } from "../../context.js";
import { notFound } from "../../errors.js";
import { draftWords, emptyDraft, type CampaignDraft } from "./campaign-draft.js";

export interface BillChoice {
  id: string;
  /** Display number, e.g. "H.R.3069". */
  number: string;
  congress: number;
  title: string;
  isCurrent: boolean;
}

export interface CampaignForEditing {
  /** null for a new campaign. */
  slug: string | null;
  isActive: boolean;
  draft: CampaignDraft;
  billChoices: { house: BillChoice[]; senate: BillChoice[] };
}

/** The bills a campaign may push, per chamber, newest Congress first. */
export async function listBillChoices(ctx: Ctx): Promise<{ house: BillChoice[]; senate: BillChoice[] }> {
  const rows = await ctx.db
    .select({ id: bills.id, number: bills.number, congress: bills.congress, title: bills.title, isCurrent: bills.isCurrent, chamber: bills.chamber })
    .from(bills)
    .orderBy(desc(bills.congress), desc(bills.id));
  const choice = (row: (typeof rows)[number]): BillChoice => ({ id: row.id, number: row.number, congress: row.congress, title: row.title, isCurrent: row.isCurrent });
  return { house: rows.filter((r) => r.chamber === "house").map(choice), senate: rows.filter((r) => r.chamber === "senate").map(choice) };
}

/** A campaign as the edit form shows it, or a blank one (slug undefined) for "new". */
export async function getCampaignForEditing({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { actor: Actor | undefined; slug?: string | undefined };
}): Promise<CampaignForEditing> {
  authorize(input.actor, { to: "administer" });
  const billChoices = await listBillChoices(ctx);
  if (input.slug === undefined) return { slug: null, isActive: false, draft: emptyDraft(), billChoices };
  const [row] = await ctx.db.select().from(campaigns).where(eq(campaigns.slug, input.slug));
  if (!row) throw notFound(`There is no campaign called "${input.slug}".`);
  return {
    slug: row.slug,
    isActive: row.isActive,
    draft: { slug: row.slug, houseBillId: row.houseBillId ?? "", senateBillId: row.senateBillId ?? "", words: draftWords(row.words) },
    billChoices,
  };
}
