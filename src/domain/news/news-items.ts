import { desc } from "drizzle-orm";
import { cacheTags } from "../../db/read-cache.js";
import { newsItems } from "../../db/schema/index.js";
import type { Ctx } from "../context.js";
import { isNewsTopic, type NewsTopic } from "./news-topics.js";

/** A news link as pages and the feed show it. */
export interface NewsItem {
  id: number;
  title: string;
  publisher: string;
  /** YYYY-MM-DD. */
  publishedOn: string;
  summary: string;
  url: string;
  topics: NewsTopic[];
  createdAt: Date;
  updatedAt: Date;
}

/**
 * Every news link, newest first (by the article's date, then the latest added), from memory.
 * Staff add a few a week at most, so the whole list is small; every change invalidates it
 * in every process (cacheTags.news).
 */
export function allNewsItems(ctx: Ctx): Promise<readonly NewsItem[]> {
  return ctx.cache.get(`${cacheTags.news}:items`, async () => {
    const rows = await ctx.db
      .select({
        id: newsItems.id,
        title: newsItems.title,
        publisher: newsItems.publisher,
        publishedOn: newsItems.publishedOn,
        summary: newsItems.summary,
        url: newsItems.url,
        topics: newsItems.topics,
        createdAt: newsItems.createdAt,
        updatedAt: newsItems.updatedAt,
      })
      .from(newsItems)
      .orderBy(desc(newsItems.publishedOn), desc(newsItems.id));
    return rows.map((row) => ({ ...row, topics: row.topics.filter(isNewsTopic) }));
  });
}
