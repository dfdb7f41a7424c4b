import { Hono, type Context } from "hono";
import { cacheTags } from "../db/read-cache.js";
import { DomainError } from "../domain/errors.js";
import { listFeedEntries, type FeedEntry } from "../domain/news/list-feed-entries.js";
import { listNews } from "../domain/news/list-news.js";
import { messagesFor, type Locale, type Messages } from "../i18n/index.js";
import type { AppEnv } from "../http/types.js";
import { renderAtomFeed, type AtomEntry } from "./atom-feed.js";
import { cachedPage } from "./page-cache.js";
import { FEED_PATH, NewsPage, newsPath } from "./pages/news-page.js";
import { renderPage } from "./render.js";
import { viewFor } from "./view.js";

/** When an event starts, in the event's own time zone, with the zone named ("7:00 PM CST"). */
export function eventWhen(locale: Locale, startsAt: Date, timeZone: string): string {
  const options: Intl.DateTimeFormatOptions = { weekday: "long", year: "numeric", month: "long", day: "numeric", hour: "numeric", minute: "2-digit", timeZoneName: "short" };
  const tag = locale === "es" ? "es-US" : "en-US";
  try {
    return new Intl.DateTimeFormat(tag, { ...options, timeZone }).format(startsAt);
  } catch {
    return new Intl.DateTimeFormat(tag, { ...options, timeZone: "UTC" }).format(startsAt);
  }
}

function eventSummary(t: Messages["news"]["feed"], locale: Locale, entry: Extract<FeedEntry, { kind: "event" }>): string {
  const place = [entry.city, entry.state].filter(Boolean).join(", ");
  const where = entry.format === "online" ? t.online : entry.format === "hybrid" ? (place ? t.hybrid(place) : t.online) : place ? t.inPerson(place) : "";
  return [t.eventWhen(eventWhen(locale, entry.startsAt, entry.timeZone)), where].filter(Boolean).join(" ");
}

/** The Atom feed of news links and national events (decision 0019). */
async function feedXml(c: Context<AppEnv>): Promise<string> {
  const { ctx, config } = c.var.deps;
  // The feed's language is chosen by its URL only (not Accept-Language), so one URL is one document.
  const locale: Locale = c.req.query("lang") === "es" ? "es" : "en";
  const m = messagesFor(locale);
  const t = m.news;
  const suffix = locale === "en" ? "" : `?lang=${locale}`;
  const absolute = (path: string) => `${config.publicUrl}${path}`;
  const host = new URL(config.publicUrl).hostname;
  // tag: URIs (RFC 4151) stay the same whatever the entry's title or link becomes.
  const tagId = (name: string) => `tag:${host},2026:${name}`;
  const entries = await listFeedEntries({ ctx });
  const atomEntries: AtomEntry[] = entries.map((entry) =>
    entry.kind === "news"
      ? {
          id: tagId(`news-${entry.id}`),
          title: entry.title,
          link: entry.url,
          summary: entry.summary,
          published: entry.published,
          updated: entry.updated,
          author: entry.publisher,
          categories: entry.topics.map((topic) => ({ term: topic, label: t.topics[topic] })),
        }
      : {
          id: tagId(`event-${entry.id}`),
          title: entry.cancelled ? t.feed.cancelled(entry.title) : entry.title,
          link: absolute(`${entry.path}${suffix}`),
          summary: eventSummary(t.feed, locale, entry),
          published: entry.published,
          updated: entry.updated,
          categories: [{ term: "national-event", label: t.feed.eventCategory }],
        },
  );
  const newest = Math.max(...atomEntries.map((e) => e.updated.getTime()));
  return renderAtomFeed({
    id: tagId("feed"),
    title: t.feed.title,
    subtitle: t.feed.subtitle,
    lang: locale,
    selfUrl: absolute(`${FEED_PATH}${suffix}`),
    alternateUrl: absolute(`/news${suffix}`),
    author: { name: m.meta.siteName, uri: `${config.publicUrl}/` },
    updated: Number.isFinite(newest) ? new Date(newest) : ctx.now(),
    entries: atomEntries,
  });
}

/** /news (curated links, filtered by topic, in pages) and /feed.xml (Atom). */
export const newsRoutes = new Hono<AppEnv>()
  .get("/news", async (c) => {
    const ctx = c.var.deps.ctx;
    const view = viewFor(c);
    try {
      const listing = await listNews({ ctx, input: { topic: c.req.query("topic"), page: c.req.query("page") } });
      // The same for everyone until a news link changes: rendered once per language, topic and page.
      const key = `${cacheTags.news}:page:${view.locale}:${view.href(newsPath(listing.topic, listing.page))}`;
      return await cachedPage(c, key, () => renderPage(c, <NewsPage view={view} listing={listing} />));
    } catch (error) {
      if (!(error instanceof DomainError && error.code === "invalid")) throw error;
      // An unknown topic or a garbled page number: say so, over the first page of everything.
      const listing = await listNews({ ctx, input: {} });
      return renderPage(c, <NewsPage view={view} listing={listing} unknownTopic={error.fieldErrors.topic !== undefined} />, 400);
    }
  })
  .get(FEED_PATH, async (c) => {
    const body = await feedXml(c);
    return c.body(body, 200, { "Content-Type": "application/atom+xml; charset=utf-8" });
  });
