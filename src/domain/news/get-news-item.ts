import { eq } from "drizzle-orm";
import { newsItems } from "../../db/schema/index.js";
import type { Actor } from "../accounts/actor.js";
import { authorize } from "../access/policy.js";
import type { Ctx } from "../context.js";
import { notFound } from "../errors.js";
import type { NewsItem } from "./news-items.js";
import { isNewsTopic } from "./news-topics.js";

/** One news link as stored, for the staff edit and delete forms. */
export async function getNewsItem({ ctx, input }: { ctx: Ctx; input: { actor: Actor | undefined; id: number } }): Promise<NewsItem> {
  authorize(input.actor, { to: "administer" });
  const [row] = await ctx.db.select().from(newsItems).where(eq(newsItems.id, input.id));
  if (!row) throw notFound(`There is no news link ${input.id}.`);
  return {
    id: row.id,
    title: row.title,
    publisher: row.publisher,
    publishedOn: row.publishedOn,
    summary: row.summary,
    url: row.url,
    topics: row.topics.filter(isNewsTopic),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
