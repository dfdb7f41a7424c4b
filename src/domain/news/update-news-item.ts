import { eq } from "drizzle-orm";
import { cacheTags } from "../../db/read-cache.js";
import { newsItems } from "../../db/schema/index.js";
import type { Actor } from "../accounts/actor.js";
import { authorize } from "../access/policy.js";
import { recordAuditEvent } from "../audit/record-audit-event.js";
import { withTransaction, type Ctx } from "../context.js";
import { invalid, notFound } from "../errors.js";
import { checkNewsItemFields, isUniqueViolation, type NewsItemFields } from "./news-item-fields.js";
import { urlListedAs } from "./url-listed-as.js";

/** Staff correct a news link. The audit line names the fields that changed; saving unchanged values writes nothing. */
export async function updateNewsItem({ ctx, input }: { ctx: Ctx; input: { actor: Actor | undefined; id: number; fields: NewsItemFields } }): Promise<{ changed: string[] }> {
  authorize(input.actor, { to: "administer" });
  const actor = input.actor;
  const [current] = await ctx.db.select().from(newsItems).where(eq(newsItems.id, input.id));
  if (!current) throw notFound(`There is no news link ${input.id}.`);

  const { values, errors } = checkNewsItemFields(input.fields, ctx.now());
  if (!errors.url) {
    const owner = await urlListedAs(ctx, values.url);
    if (owner !== undefined && owner !== current.id) errors.url = "already_listed";
  }
  if (Object.keys(errors).length > 0) throw invalid("The news link has problems: see each field.", errors);

  const changed = (Object.keys(values) as (keyof typeof values)[]).filter((key) => JSON.stringify(values[key]) !== JSON.stringify(current[key]));
  if (changed.length === 0) return { changed };
  await withTransaction(ctx, async (tx) => {
    await tx.db.update(newsItems).set({ ...values, updatedAt: tx.now() }).where(eq(newsItems.id, current.id));
    await recordAuditEvent({ ctx: tx, input: { actorId: actor.personId, action: "news.update", subject: `news:${current.id}`, detail: { changed } } });
  }).catch((error: unknown) => {
    if (isUniqueViolation(error)) throw invalid("This article is already listed.", { url: "already_listed" });
    throw error;
  });
  await ctx.cache.invalidate(cacheTags.news);
  return { changed };
}
