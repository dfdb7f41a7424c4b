import { and, eq, gt, lte } from "drizzle-orm";
import { eventReminders, eventRsvps, events, people } from "../../db/schema/index.js";
import { withTransaction, type MailCtx } from "../context.js";
import { enqueueEventMail } from "./event-mail.js";

const HOUR = 3600_000;
/** The day-before reminder goes out between 24 and 3 hours before the start; later, only the hour-before one. */
export const DAY_BEFORE = { from: 24 * HOUR, until: 3 * HOUR };
/** The hour-before reminder goes out in the last hour before the start, never after. */
export const HOUR_BEFORE = { from: HOUR, until: 0 };

/**
 * Queue the reminders that are due now, each exactly once: a reminder is an `event_reminders`
 * row (event, person, kind, start time) inserted ON CONFLICT DO NOTHING in the same transaction
 * as its message, so running this again, in another process, or after a restart sends nothing
 * twice, and a reminder whose window has passed is never sent late. An event that moves gets
 * reminders for its new time. Cancelled events and RSVPs get none; neither does the waitlist.
 * Someone who RSVPs less than a day ahead just had their confirmation: no day-before reminder.
 */
export async function sendDueReminders({ ctx }: { ctx: MailCtx }): Promise<{ queued: number }> {
  const now = ctx.now();
  const due = await ctx.db
    .select({
      event: events,
      personId: people.id,
      name: people.name,
      email: people.email,
      locale: people.locale,
      rsvpAt: eventRsvps.updatedAt,
    })
    .from(events)
    .innerJoin(eventRsvps, and(eq(eventRsvps.eventId, events.id), eq(eventRsvps.status, "going")))
    .innerJoin(people, eq(people.id, eventRsvps.personId))
    .where(and(eq(events.status, "scheduled"), gt(events.startsAt, now), lte(events.startsAt, new Date(now.getTime() + DAY_BEFORE.from))));

  let queued = 0;
  for (const row of due) {
    const untilStart = row.event.startsAt.getTime() - now.getTime();
    const kind =
      untilStart <= HOUR_BEFORE.from
        ? ("hour_before" as const)
        : untilStart > DAY_BEFORE.until && row.rsvpAt.getTime() <= row.event.startsAt.getTime() - DAY_BEFORE.from
          ? ("day_before" as const)
          : undefined;
    if (!kind) continue;
    const sent = await withTransaction(ctx, async (tx) => {
      const [claimed] = await tx.db
        .insert(eventReminders)
        .values({ eventId: row.event.id, personId: row.personId, kind, startsAt: row.event.startsAt, sentAt: tx.now() })
        .onConflictDoNothing()
        .returning({ eventId: eventReminders.eventId });
      if (!claimed) return false;
      await enqueueEventMail(tx, {
        event: row.event,
        attendee: { personId: row.personId, name: row.name, email: row.email, locale: row.locale },
        kind,
        key: `event-reminder:${row.event.id}:${row.personId}:${kind}:${row.event.startsAt.toISOString()}`,
      });
      return true;
    });
    if (sent) queued++;
  }
  return { queued };
}
