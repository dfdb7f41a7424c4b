import { cacheTags } from "../../db/read-cache.js";
import { newsItems } from "../../db/schema/index.js";
import type { Actor } from "../accounts/actor.js";
import { authorize } from "../access/policy.js";
import { recordAuditEvent } from "../audit/record-audit-event.js";
import { withTransaction, type Ctx } from "../context.js";
import { invalid } from "../errors.js";
import { checkNewsItemFields, isUniqueViolation, type NewsItemFields } from "./news-item-fields.js";
import { urlListedAs } from "./url-listed-as.js";

/** Staff add a link to /news. Refuses per field; the same article (URL) twice is "already_listed". */
export async function addNewsItem({ ctx, input }: { ctx: Ctx; input: { actor: Actor | undefined; fields: NewsItemFields } }): Promise<{ id: number }> {
  authorize(input.actor, { to: "administer" });
  const actor = input.actor;
  const { values, errors } = checkNewsItemFields(input.fields, ctx.now());
  if (!errors.url && (await urlListedAs(ctx, values.url)) !== undefined) errors.url = "already_listed";
  if (Object.keys(errors).length > 0) throw invalid("The news link has problems: see each field.", errors);

  const id = await withTransaction(ctx, async (tx) => {
    const now = tx.now();
    const [row] = await tx.db
      .insert(newsItems)
      .values({ ...values, createdByPersonId: actor.personId, createdAt: now, updatedAt: now })
      .onConflictDoNothing({ target: newsItems.url })
      .returning({ id: newsItems.id });
    // Someone else added the same article a moment ago.
    if (!row) throw invalid("This article is already listed.", { url: "already_listed" });
    await recordAuditEvent({ ctx: tx, input: { actorId: actor.personId, action: "news.add", subject: `news:${row.id}`, detail: { title: values.title, url: values.url } } });
    return row.id;
  }).catch((error: unknown) => {
    if (isUniqueViolation(error)) throw invalid("This article is already listed.", { url: "already_listed" });
    throw error;
  });
  await ctx.cache.invalidate(cacheTags.news);
  return { id };
}
