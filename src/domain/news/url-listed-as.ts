import { eq } from "drizzle-orm";
import { newsItems } from "../../db/schema/index.js";
import type { Ctx } from "../context.js";

/** The id of the news link with this (normalised) URL, if there is one. */
export async function urlListedAs(ctx: Ctx, url: string): Promise<number | undefined> {
  const [row] = await ctx.db.select({ id: newsItems.id }).from(newsItems).where(eq(newsItems.url, url));
  return row?.id;
}
