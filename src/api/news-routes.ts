import { Hono } from "hono";
import { listNews } from "../domain/news/list-news.js";
import type { AppEnv } from "../http/types.js";

/**
 * Curated news links as JSON (docs/api.md), newest first, a page at a time, optionally about one
 * topic: what /news shows, for partner sites and apps.
 */
export const newsApiRoutes = new Hono<AppEnv>().get("/v1/news", async (c) => {
  const { ctx, config } = c.var.deps;
  const page = await listNews({ ctx, input: { topic: c.req.query("topic"), page: c.req.query("page") } });
  c.header("Cache-Control", "public, max-age=300");
  const link = (n: number) => `${config.publicUrl}/api/v1/news?${new URLSearchParams({ ...(page.topic ? { topic: page.topic } : {}), page: String(n) })}`;
  return c.json({
    topic: page.topic,
    page: page.page,
    pageCount: page.pageCount,
    total: page.total,
    next: page.page < page.pageCount ? link(page.page + 1) : null,
    items: page.items.map((item) => ({
      id: item.id,
      title: item.title,
      publisher: item.publisher,
      publishedOn: item.publishedOn,
      summary: item.summary,
      url: item.url,
      topics: item.topics,
    })),
  });
});
