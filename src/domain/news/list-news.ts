import type { Ctx } from "../context.js";
import { invalid, notFound } from "../errors.js";
import { allNewsItems, type NewsItem } from "./news-items.js";
import { isNewsTopic, newsTopics, type NewsTopic } from "./news-topics.js";

export const NEWS_PAGE_SIZE = 20;

export interface NewsPage {
  items: NewsItem[];
  /** The topic asked for, or null for all. */
  topic: NewsTopic | null;
  page: number;
  /** At least 1, so an empty list is "page 1 of 1". */
  pageCount: number;
  /** Links under the chosen topic (or all). */
  total: number;
  /** Links per topic over the whole list, for the topic chips. */
  topicCounts: Record<NewsTopic, number>;
}

/**
 * One page of news links, newest first, optionally about one topic. An unknown topic or a page
 * that is not a whole number is refused ("invalid", per field); a page past the last is "not found".
 */
export async function listNews({ ctx, input }: { ctx: Ctx; input: { topic?: string | undefined; page?: string | undefined } }): Promise<NewsPage> {
  const topicParam = input.topic?.trim() ?? "";
  const pageParam = input.page?.trim() ?? "";
  const topic = topicParam === "" ? null : isNewsTopic(topicParam) ? topicParam : undefined;
  const page = pageParam === "" ? 1 : /^[1-9]\d{0,5}$/.test(pageParam) ? Number(pageParam) : undefined;
  if (topic === undefined || page === undefined) {
    throw invalid("Unknown topic or page.", { ...(topic === undefined ? { topic: "invalid_choice" as const } : {}), ...(page === undefined ? { page: "out_of_range" as const } : {}) });
  }

  const all = await allNewsItems(ctx);
  const topicCounts = Object.fromEntries(newsTopics.map((t) => [t, 0])) as Record<NewsTopic, number>;
  for (const item of all) for (const t of item.topics) topicCounts[t] += 1;

  const matching = topic ? all.filter((item) => item.topics.includes(topic)) : all;
  const pageCount = Math.max(1, Math.ceil(matching.length / NEWS_PAGE_SIZE));
  if (page > pageCount) throw notFound(`There is no page ${page} of news.`);
  const items = matching.slice((page - 1) * NEWS_PAGE_SIZE, page * NEWS_PAGE_SIZE);
  return { items, topic, page, pageCount, total: matching.length, topicCounts };
}
