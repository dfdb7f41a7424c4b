import { asc } from "drizzle-orm";
import { campaigns, type CampaignWords } from "../../db/schema/index.js";
import { cacheTags } from "../../db/read-cache.js";
import type { Ctx } from "../context.js";
import { notFound } from "../errors.js";

export interface Campaign {
  slug: string;
  /** Path of its action page, e.g. /act/medicare-for-all. */
  path: string;
  houseBillId: string | null;
  senateBillId: string | null;
  isActive: boolean;
  /** The words in `locale`, falling back to English. */
  words(locale: string): CampaignWords;
}

export const campaignPath = (slug: string) => `/act/${slug}`;

/** Every campaign, in memory until one changes (tag "campaigns"). There are few. */
export function loadCampaigns(ctx: Ctx): Promise<Map<string, Campaign>> {
  return ctx.cache.get(`${cacheTags.campaigns}:all`, async () => {
    const rows = await ctx.db.select().from(campaigns).orderBy(asc(campaigns.createdAt));
    return new Map(
      rows.map((row) => [
        row.slug,
        {
          slug: row.slug,
          path: campaignPath(row.slug),
          houseBillId: row.houseBillId,
          senateBillId: row.senateBillId,
          isActive: row.isActive,
          words: (locale: string) => row.words[locale] ?? row.words.en,
        },
      ]),
    );
  });
}

export async function getCampaign({ ctx, input }: { ctx: Ctx; input: { slug: string } }): Promise<Campaign> {
  const campaign = (await loadCampaigns(ctx)).get(input.slug);
  if (!campaign) throw notFound(`There is no campaign called "${input.slug}".`);
  return campaign;
}

/** The campaign /act leads to: the active one, else the newest. */
export async function getActiveCampaign({ ctx }: { ctx: Ctx }): Promise<Campaign> {
  const all = [...(await loadCampaigns(ctx)).values()];
  const campaign = all.find((c) => c.isActive) ?? all.at(-1);
  if (!campaign) throw notFound("There is no campaign running right now.");
  return campaign;
}
