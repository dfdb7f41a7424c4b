import { and, asc, desc, eq, gte, inArray, isNull, lt, sql, type SQL } from "drizzle-orm";
import { eventRsvps, events, groups, type EventFormat, type EventKind } from "../../db/schema/index.js";
import type { Ctx } from "../context.js";
import { eventPath } from "./event-records.js";

/** One event as organizers and staff see it in their lists: what it is, when, and who is coming. */
export interface EventSummaryForAuthors {
  id: number;
  title: string;
  kind: EventKind;
  format: EventFormat;
  /** The group holding it; null for a national event. */
  group: { id: number; name: string } | null;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  status: "scheduled" | "cancelled";
  featured: boolean;
  hasLivestream: boolean;
  /** The public page, /events/<id>-<slug>. */
  path: string;
  rsvps: { going: number; waitlisted: number };
}

/**
 * Events matching `where`, split at `now`: upcoming (not over yet, soonest first) and past
 * (most recent first), each with its RSVP counts. Callers authorize first.
 */
export async function loadEventSummaries(
  ctx: Ctx,
  where: SQL | undefined,
  options: { pastLimit?: number } = {},
): Promise<{ upcoming: EventSummaryForAuthors[]; past: EventSummaryForAuthors[] }> {
  const now = ctx.now();
  const columns = {
    id: events.id,
    slug: events.slug,
    title: events.title,
    kind: events.kind,
    format: events.format,
    groupId: events.groupId,
    groupName: groups.name,
    startsAt: events.startsAt,
    endsAt: events.endsAt,
    timeZone: events.timeZone,
    status: events.status,
    featured: events.featured,
    livestreamUrl: events.livestreamUrl,
  };
  const [upcomingRows, pastRows] = await Promise.all([
    ctx.db
      .select(columns)
      .from(events)
      .leftJoin(groups, eq(groups.id, events.groupId))
      .where(and(where, gte(events.endsAt, now)))
      .orderBy(asc(events.startsAt), asc(events.id)),
    ctx.db
      .select(columns)
      .from(events)
      .leftJoin(groups, eq(groups.id, events.groupId))
      .where(and(where, lt(events.endsAt, now)))
      .orderBy(desc(events.startsAt), desc(events.id))
      .limit(options.pastLimit ?? 200),
  ]);
  const ids = [...upcomingRows, ...pastRows].map((r) => r.id);
  const counts = new Map<number, { going: number; waitlisted: number }>();
  if (ids.length > 0) {
    const rows = await ctx.db
      .select({ eventId: eventRsvps.eventId, status: eventRsvps.status, n: sql<number>`count(*)::int` })
      .from(eventRsvps)
      .where(and(inArray(eventRsvps.eventId, ids), inArray(eventRsvps.status, ["going", "waitlisted"])))
      .groupBy(eventRsvps.eventId, eventRsvps.status);
    for (const row of rows) {
      const entry = counts.get(row.eventId) ?? { going: 0, waitlisted: 0 };
      if (row.status === "going") entry.going = Number(row.n);
      if (row.status === "waitlisted") entry.waitlisted = Number(row.n);
      counts.set(row.eventId, entry);
    }
  }
  const summary = (row: (typeof upcomingRows)[number]): EventSummaryForAuthors => ({
    id: row.id,
    title: row.title,
    kind: row.kind,
    format: row.format,
    group: row.groupId === null ? null : { id: row.groupId, name: row.groupName ?? "" },
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    timeZone: row.timeZone,
    status: row.status,
    featured: row.featured,
    hasLivestream: Boolean(row.livestreamUrl),
    path: eventPath(row),
    rsvps: counts.get(row.id) ?? { going: 0, waitlisted: 0 },
  });
  return { upcoming: upcomingRows.map(summary), past: pastRows.map(summary) };
}

/** Only national events (no group). */
export const nationalOnly = () => isNull(events.groupId);
