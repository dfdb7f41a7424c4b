import { actionOutcomes, campaignActions, type ActionOutcome } from "../../db/schema/index.js";
import { cacheTags } from "../../db/read-cache.js";
import { loadCongressDirectory } from "../congress/congress-directory.js";
import type { Ctx } from "../context.js";
import { invalid } from "../errors.js";
import { normalizeZip } from "../places/lookup-zip.js";
import { getCampaign } from "./campaign-catalogue.js";

export interface RecordCampaignActionInput {
  campaignSlug: string;
  bioguideId: string;
  outcome: string;
  zip?: string | undefined;
}

export const isActionOutcome = (value: string): value is ActionOutcome => (actionOutcomes as readonly string[]).includes(value);

/**
 * Log what someone reported after a call, letter or post. Only sitting members count, so the
 * counters cannot be filled with made-up names; the ZIP is kept only when it is a real one.
 */
export async function recordCampaignAction({ ctx, input }: { ctx: Ctx; input: RecordCampaignActionInput }) {
  const campaign = await getCampaign({ ctx, input: { slug: input.campaignSlug } });
  const directory = await loadCongressDirectory(ctx);
  if (!directory.members.has(input.bioguideId)) {
    throw invalid(`${input.bioguideId} is not a sitting member of Congress.`, { bioguideId: "invalid_choice" });
  }
  if (!isActionOutcome(input.outcome)) {
    throw invalid(`Outcome must be one of: ${actionOutcomes.join(", ")}.`, { outcome: "invalid_choice" });
  }
  const zip = input.zip ? normalizeZip(input.zip) : undefined;
  const place = zip ? directory.placeByZip.get(zip) ?? directory.districtsByZip.get(zip)?.[0] : undefined;
  const [row] = await ctx.db
    .insert(campaignActions)
    .values({ campaignSlug: campaign.slug, bioguideId: input.bioguideId, outcome: input.outcome, zip: place ? zip : null, createdAt: ctx.now() })
    .returning({ id: campaignActions.id });
  await ctx.cache.invalidate(cacheTags.campaignActions);
  return { id: row!.id, campaignSlug: campaign.slug, bioguideId: input.bioguideId, outcome: input.outcome };
}
