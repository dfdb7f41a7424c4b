import { eq } from "drizzle-orm";
import { cacheTags } from "../../db/read-cache.js";
import { newsItems } from "../../db/schema/index.js";
import type { Actor } from "../accounts/actor.js";
import { authorize } from "../access/policy.js";
import { recordAuditEvent } from "../audit/record-audit-event.js";
import { withTransaction, type Ctx } from "../context.js";
import { notFound } from "../errors.js";

/** Staff take a link off /news and the feed. The audit line keeps its title and address. */
export async function deleteNewsItem({ ctx, input }: { ctx: Ctx; input: { actor: Actor | undefined; id: number } }): Promise<{ title: string }> {
  authorize(input.actor, { to: "administer" });
  const actor = input.actor;
  const deleted = await withTransaction(ctx, async (tx) => {
    const [row] = await tx.db.delete(newsItems).where(eq(newsItems.id, input.id)).returning({ id: newsItems.id, title: newsItems.title, url: newsItems.url });
    if (!row) throw notFound(`There is no news link ${input.id}.`);
    await recordAuditEvent({ ctx: tx, input: { actorId: actor.personId, action: "news.delete", subject: `news:${row.id}`, detail: { title: row.title, url: row.url } } });
    return row;
  });
  await ctx.cache.invalidate(cacheTags.news);
  return { title: deleted.title };
}
