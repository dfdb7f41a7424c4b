import { and, eq, isNull } from "drizzle-orm";
import { cacheTags } from "../../db/read-cache.js";
import { events, type EventKind } from "../../db/schema/index.js";
import type { Ctx } from "../context.js";
import { eventPath } from "./event-records.js";

export interface FeaturedEvent {
  id: number;
  title: string;
  kind: EventKind;
  path: string;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  livestreamUrl: string | null;
  /** "live": between its start and end now; "upcoming": not started yet. */
  phase: "upcoming" | "live";
}

type Stored = Omit<FeaturedEvent, "phase">;

/**
 * The national event staff feature on the home page, while it is not over (and not cancelled).
 * The row is cached until an event changes; whether it is on now is worked out on every call,
 * so a cached page keyed by `phase` never shows "Watch live" late or early.
 */
export async function getFeaturedEvent({ ctx }: { ctx: Ctx }): Promise<FeaturedEvent | undefined> {
  const stored = await ctx.cache.get<Stored | null>(`${cacheTags.events}:featured`, async () => {
    const [row] = await ctx.db
      .select({
        id: events.id,
        slug: events.slug,
        title: events.title,
        kind: events.kind,
        startsAt: events.startsAt,
        endsAt: events.endsAt,
        timeZone: events.timeZone,
        livestreamUrl: events.livestreamUrl,
      })
      .from(events)
      .where(and(eq(events.featured, true), isNull(events.groupId), eq(events.status, "scheduled")))
      .limit(1);
    if (!row) return null;
    return {
      id: row.id,
      title: row.title,
      kind: row.kind,
      path: eventPath(row),
      startsAt: row.startsAt,
      endsAt: row.endsAt,
      timeZone: row.timeZone,
      livestreamUrl: row.livestreamUrl,
    };
  });
  if (!stored) return undefined;
  const now = ctx.now().getTime();
  if (now >= stored.endsAt.getTime()) return undefined;
  return { ...stored, phase: now >= stored.startsAt.getTime() ? "live" : "upcoming" };
}
