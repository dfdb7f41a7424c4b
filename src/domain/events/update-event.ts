import { eq } from "drizzle-orm";
import { cacheTags } from "../../db/read-cache.js";
import { events } from "../../db/schema/index.js";
import { recordAuditEvent } from "../audit/record-audit-event.js";
import { withTransaction, type MailCtx } from "../context.js";
import type { EventChange, UpdateEventInput } from "./event-fields.js";
import { enqueueEventMail, listAttendees } from "./event-mail.js";
import { authorizeEventManagement, eventPath, loadEvent, type EventRow } from "./event-records.js";
import { promoteFromWaitlist } from "./promote-from-waitlist.js";
import { validateEventFields, type EventValues } from "./validate-event-fields.js";

/** What attendees need to hear about: a new time, a new place, a new link to join. */
export function changesBetween(before: EventRow, after: EventValues): EventChange[] {
  const changes: EventChange[] = [];
  if (before.startsAt.getTime() !== after.startsAt.getTime() || before.endsAt.getTime() !== after.endsAt.getTime()) changes.push("time");
  const place = (e: Pick<EventRow, "format" | "venueName" | "address" | "city" | "state" | "zip">) =>
    e.format === "online" ? "online" : JSON.stringify([e.format === "hybrid" ? "in_person" : e.format, e.venueName, e.address, e.city, e.state, e.zip]);
  if (place(before) !== place(after)) changes.push("place");
  if ((before.livestreamUrl ?? null) !== (after.livestreamUrl ?? null)) changes.push("online_link");
  return changes;
}

/**
 * Save an event's form. When the time, place or link to join changes, every attendee (going or
 * waitlisted) gets an e-mail saying what changed, with an updated .ics (SEQUENCE bumped, same
 * UID, so calendars replace their copy). More places move people up from the waitlist.
 */
export async function updateEvent({
  ctx,
  input,
}: {
  ctx: MailCtx;
  input: UpdateEventInput;
}): Promise<{ id: number; path: string; changes: EventChange[]; notified: number }> {
  const { actor } = input;
  const current = await loadEvent(ctx, input.eventId);
  authorizeEventManagement(actor, current.groupId);
  const values = await validateEventFields(ctx, input.fields, { national: current.groupId === null });

  const result = await withTransaction(ctx, async (tx) => {
    const before = await loadEvent(tx, input.eventId, { forUpdate: true });
    const changes = changesBetween(before, values);
    const stillAhead = before.status === "scheduled" && before.endsAt.getTime() > tx.now().getTime();
    const tell = changes.length > 0 && stillAhead;
    const [updated] = await tx.db
      .update(events)
      .set({ ...values, sequence: tell ? before.sequence + 1 : before.sequence, updatedAt: tx.now() })
      .where(eq(events.id, before.id))
      .returning();
    const event = updated!;
    const changedFields = (Object.keys(values) as (keyof EventValues)[]).filter(
      (key) => JSON.stringify(values[key] ?? null) !== JSON.stringify(before[key] ?? null),
    );
    let notified = 0;
    if (tell) {
      for (const attendee of await listAttendees(tx, event.id)) {
        const sent = await enqueueEventMail(tx, { event, attendee, kind: "changed", changes, key: `event-changed:${event.id}:${attendee.personId}:${event.sequence}` });
        if (sent) notified++;
      }
    }
    const capacityGrew = before.capacity !== null && (event.capacity === null || event.capacity > before.capacity);
    if (capacityGrew) await promoteFromWaitlist(tx, event);
    await recordAuditEvent({
      ctx: tx,
      input: { actorId: actor.personId, action: "event.update", subject: `event:${event.id}`, detail: { changed: changedFields, notified } },
    });
    return { id: event.id, path: eventPath(event), changes, notified };
  });
  await ctx.cache.invalidate(cacheTags.events);
  return result;
}
