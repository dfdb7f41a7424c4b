import { desc, inArray, isNull, and } from "drizzle-orm";
import { cacheTags } from "../../db/read-cache.js";
import { events } from "../../db/schema/index.js";
import type { Ctx } from "../context.js";
import { allNewsItems } from "./news-items.js";
import type { NewsTopic } from "./news-topics.js";

/** At most this many entries in the feed: readers poll it, and old entries are on /news. */
export const FEED_LIMIT = 50;

export type FeedEntry =
  | {
      kind: "news";
      id: number;
      title: string;
      publisher: string;
      summary: string;
      /** The article itself, on the publisher's site. */
      url: string;
      topics: NewsTopic[];
      /** The article's date, at midnight UTC. */
      published: Date;
      updated: Date;
    }
  | {
      kind: "event";
      id: number;
      title: string;
      /** The event's page on this site, /events/<id>-<slug>. */
      path: string;
      startsAt: Date;
      endsAt: Date;
      /** IANA zone the event is shown in. */
      timeZone: string;
      format: "in_person" | "online" | "hybrid";
      city: string | null;
      state: string | null;
      cancelled: boolean;
      /** When it was announced. */
      published: Date;
      updated: Date;
    };

/**
 * What /feed.xml lists: news links and national events (not groups' own meetings), newest first
 * by when each was published (an article's date; an event's announcement), at most FEED_LIMIT.
 *
 * Cached under both tags, so a news change or an event change rebuilds it. Events are written by
 * another part of the app; the age limit bounds how stale the feed can be should a writer ever
 * forget to invalidate.
 */
export function listFeedEntries({ ctx }: { ctx: Ctx }): Promise<FeedEntry[]> {
  return ctx.cache.get(`${cacheTags.news}:${cacheTags.events}:feed-entries`, () => loadFeedEntries(ctx), { maxAgeMs: 10 * 60_000 });
}

async function loadFeedEntries(ctx: Ctx): Promise<FeedEntry[]> {
  const [news, eventRows] = await Promise.all([
    allNewsItems(ctx),
    ctx.db
      .select({
        id: events.id,
        slug: events.slug,
        title: events.title,
        startsAt: events.startsAt,
        endsAt: events.endsAt,
        timeZone: events.timeZone,
        format: events.format,
        city: events.city,
        state: events.state,
        status: events.status,
        createdAt: events.createdAt,
        updatedAt: events.updatedAt,
      })
      .from(events)
      .where(and(isNull(events.groupId), inArray(events.status, ["scheduled", "cancelled"])))
      .orderBy(desc(events.createdAt), desc(events.id))
      .limit(FEED_LIMIT),
  ]);
  const entries: FeedEntry[] = [
    ...news.slice(0, FEED_LIMIT).map((item) => ({
      kind: "news" as const,
      id: item.id,
      title: item.title,
      publisher: item.publisher,
      summary: item.summary,
      url: item.url,
      topics: item.topics,
      published: new Date(`${item.publishedOn}T00:00:00Z`),
      updated: item.updatedAt,
    })),
    ...eventRows.map((row) => ({
      kind: "event" as const,
      id: row.id,
      title: row.title,
      path: `/events/${row.id}-${row.slug}`,
      startsAt: row.startsAt,
      endsAt: row.endsAt,
      timeZone: row.timeZone,
      format: row.format,
      city: row.city,
      state: row.state,
      cancelled: row.status === "cancelled",
      published: row.createdAt,
      updated: row.updatedAt,
    })),
  ];
  // Newest first; on the same instant, the later-added first, news before events (stable order).
  entries.sort((a, b) => b.published.getTime() - a.published.getTime() || (a.kind === b.kind ? b.id - a.id : a.kind === "news" ? -1 : 1));
  return entries.slice(0, FEED_LIMIT);
}
