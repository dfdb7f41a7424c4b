import { eq } from "drizzle-orm";
import { cacheTags } from "../../../db/read-cache.js";
import { campaigns } from "../../../db/schema/index.js";
import type { Actor } from "../../accounts/actor.js";
import { authorize } from "../../access/policy.js";
import { recordAuditEvent } from "../../audit/record-audit-event.js";
import { withTransaction, type Ctx } from "../../context.js";
import { notFound } from "../../errors.js";

/**
 * Make `slug` the campaign /act leads to. One transaction switches the old one off and the new
 * one on, so there is never a moment with two (the partial unique index would refuse it) or none.
 */
export async function activateCampaign({ ctx, input }: { ctx: Ctx; input: { actor: Actor | undefined; slug: string } }): Promise<{ previous: string | null }> {
  authorize(input.actor, { to: "administer" });
  const actor = input.actor;
  const result = await withTransaction(ctx, async (tx) => {
    // Lock every campaign row: two admins activating at once queue here instead of colliding on the index.
    const rows = await tx.db.select({ slug: campaigns.slug, isActive: campaigns.isActive }).from(campaigns).for("update");
    if (!rows.some((r) => r.slug === input.slug)) throw notFound(`There is no campaign called "${input.slug}".`);
    const previous = rows.find((r) => r.isActive)?.slug ?? null;
    if (previous === input.slug) return { previous };
    if (previous !== null) await tx.db.update(campaigns).set({ isActive: false }).where(eq(campaigns.slug, previous));
    await tx.db.update(campaigns).set({ isActive: true }).where(eq(campaigns.slug, input.slug));
    await recordAuditEvent({ ctx: tx, input: { actorId: actor.personId, action: "campaign.activate", subject: `campaign:${input.slug}`, detail: { previous } } });
    return { previous };
  });
  await ctx.cache.invalidate(cacheTags.campaigns);
  return result;
}
