import { and, asc, count, eq } from "drizzle-orm";
import { eventRsvps, people } from "../../db/schema/index.js";
import type { MailCtx } from "../context.js";
import { enqueueEventMail } from "./event-mail.js";
import type { EventRow } from "./event-records.js";

/**
 * Fill free places from the waitlist, first come first served, and tell each person promoted.
 * Call inside the transaction that freed the places, with the event row locked.
 */
export async function promoteFromWaitlist(ctx: MailCtx, event: EventRow): Promise<number[]> {
  if (event.status !== "scheduled" || event.endsAt.getTime() <= ctx.now().getTime()) return [];
  const [going] = await ctx.db
    .select({ n: count() })
    .from(eventRsvps)
    .where(and(eq(eventRsvps.eventId, event.id), eq(eventRsvps.status, "going")));
  const free = event.capacity === null ? Infinity : event.capacity - (going?.n ?? 0);
  if (free <= 0) return [];
  const waiting = await ctx.db
    .select({ personId: people.id, name: people.name, email: people.email, locale: people.locale })
    .from(eventRsvps)
    .innerJoin(people, eq(people.id, eventRsvps.personId))
    .where(and(eq(eventRsvps.eventId, event.id), eq(eventRsvps.status, "waitlisted")))
    .orderBy(asc(eventRsvps.updatedAt), asc(eventRsvps.personId))
    .limit(Number.isFinite(free) ? free : 100_000);
  const now = ctx.now();
  for (const attendee of waiting) {
    await ctx.db
      .update(eventRsvps)
      .set({ status: "going", updatedAt: now })
      .where(and(eq(eventRsvps.eventId, event.id), eq(eventRsvps.personId, attendee.personId)));
    await enqueueEventMail(ctx, { event, attendee, kind: "promoted", key: `event-promoted:${event.id}:${attendee.personId}:${now.getTime()}` });
  }
  return waiting.map((w) => w.personId);
}
