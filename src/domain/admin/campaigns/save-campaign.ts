import { eq } from "drizzle-orm";
import { cacheTags } from "../../../db/read-cache.js";
import { bills, campaigns } from "../../../db/schema/index.js";
import type { Actor } from "../../accounts/actor.js";
import { authorize } from "../../access/policy.js";
import { recordAuditEvent } from "../../audit/record-audit-event.js";
import { withTransaction, type Ctx } from "../../context.js";
import { invalid, notFound, type FieldErrors } from "../../errors.js";
import { draftWords, fieldsFromDraft, SLUG, SLUG_MAX, storedWords, validateWords, type CampaignDraft } from "./campaign-draft.js";

export interface SaveCampaignInput {
  actor: Actor | undefined;
  /** undefined: create a campaign with `draft.slug`; else update this one (its slug never changes). */
  slug?: string | undefined;
  draft: CampaignDraft;
}

/**
 * Create or update a campaign's bills and words, audited in the same transaction. Field errors
 * use codes the admin form words itself: slug "invalid_choice" (not a-z, 0-9 and hyphens) or
 * "no_match" (taken); a bill "invalid_choice" (no such bill in that chamber); words see validateWords.
 */
export async function saveCampaign({ ctx, input }: { ctx: Ctx; input: SaveCampaignInput }): Promise<{ slug: string; created: boolean }> {
  authorize(input.actor, { to: "administer" });
  const actor = input.actor;
  const { draft } = input;
  const isNew = input.slug === undefined;
  const slug = isNew ? draft.slug : input.slug!;

  const errors: FieldErrors = {};
  if (isNew) {
    if (slug === "") errors.slug = "required";
    else if (slug.length > SLUG_MAX) errors.slug = "too_long";
    else if (!SLUG.test(slug)) errors.slug = "invalid_choice";
    // /admin/campaigns/new is the form for a new campaign, so no campaign can be called that.
    else if (slug === "new") errors.slug = "no_match";
  }
  const billRows = await ctx.db.select({ id: bills.id, chamber: bills.chamber }).from(bills);
  const chamberOf = new Map(billRows.map((b) => [b.id, b.chamber]));
  if (draft.houseBillId !== "" && chamberOf.get(draft.houseBillId) !== "house") errors.houseBillId = "invalid_choice";
  if (draft.senateBillId !== "" && chamberOf.get(draft.senateBillId) !== "senate") errors.senateBillId = "invalid_choice";
  Object.assign(errors, validateWords(draft));
  if (Object.keys(errors).length > 0) throw invalid("Some fields need attention.", errors);

  const values = { houseBillId: draft.houseBillId || null, senateBillId: draft.senateBillId || null, words: storedWords(draft) };
  const result = await withTransaction(ctx, async (tx) => {
    if (isNew) {
      const inserted = await tx.db
        .insert(campaigns)
        .values({ slug, ...values, isActive: false, createdAt: ctx.now() })
        .onConflictDoNothing()
        .returning({ slug: campaigns.slug });
      if (inserted.length === 0) throw invalid("That web address is taken.", { slug: "no_match" });
      await recordAuditEvent({
        ctx: tx,
        input: { actorId: actor.personId, action: "campaign.create", subject: `campaign:${slug}`, detail: { houseBillId: values.houseBillId, senateBillId: values.senateBillId } },
      });
      return { slug, created: true };
    }
    const [before] = await tx.db.select().from(campaigns).where(eq(campaigns.slug, slug)).for("update");
    if (!before) throw notFound(`There is no campaign called "${slug}".`);
    await tx.db.update(campaigns).set(values).where(eq(campaigns.slug, slug));
    // Which boxes changed, by form name: enough to find the edit without copying the words.
    const old = fieldsFromDraft({ slug, houseBillId: before.houseBillId ?? "", senateBillId: before.senateBillId ?? "", words: draftWords(before.words) });
    const now = fieldsFromDraft({ ...draft, slug });
    const changed = Object.keys(now).filter((name) => old[name] !== now[name]);
    await recordAuditEvent({ ctx: tx, input: { actorId: actor.personId, action: "campaign.update", subject: `campaign:${slug}`, detail: { changed } } });
    return { slug, created: false };
  });
  // After the commit: every process reloads the campaigns (the /act pages read them from memory).
  await ctx.cache.invalidate(cacheTags.campaigns);
  return result;
}
