import { eq } from "drizzle-orm";
import { cacheTags } from "../../db/read-cache.js";
import { events } from "../../db/schema/index.js";
import { recordAuditEvent } from "../audit/record-audit-event.js";
import { withTransaction, type MailCtx } from "../context.js";
import { invalid } from "../errors.js";
import type { CancelEventInput } from "./event-fields.js";
import { enqueueEventMail, listAttendees } from "./event-mail.js";
import { authorizeEventManagement, loadEvent } from "./event-records.js";

const MAX_REASON = 1000;

/**
 * Cancel an event. It stays listed (marked cancelled) until its end, so people who saw it learn
 * it is off; everyone going or waitlisted gets an e-mail with a cancelling .ics (STATUS:CANCELLED,
 * SEQUENCE bumped). No reminder goes out for it afterwards. Cancelling twice tells no one twice.
 */
export async function cancelEvent({ ctx, input }: { ctx: MailCtx; input: CancelEventInput }): Promise<{ notified: number }> {
  const { actor } = input;
  const current = await loadEvent(ctx, input.eventId);
  authorizeEventManagement(actor, current.groupId);
  const reason = (input.reason ?? "").replace(/\r\n?/g, "\n").trim() || null;
  if (reason && reason.length > MAX_REASON) throw invalid("The reason is too long.", { reason: "too_long" });

  const result = await withTransaction(ctx, async (tx) => {
    const before = await loadEvent(tx, input.eventId, { forUpdate: true });
    if (before.status === "cancelled") return { notified: 0 };
    const now = tx.now();
    const [updated] = await tx.db
      .update(events)
      .set({ status: "cancelled", cancelledAt: now, featured: false, sequence: before.sequence + 1, updatedAt: now })
      .where(eq(events.id, before.id))
      .returning();
    const event = updated!;
    let notified = 0;
    if (before.endsAt.getTime() > now.getTime()) {
      for (const attendee of await listAttendees(tx, event.id)) {
        if (await enqueueEventMail(tx, { event, attendee, kind: "cancelled", reason, key: `event-cancelled:${event.id}:${attendee.personId}` })) notified++;
      }
    }
    await recordAuditEvent({ ctx: tx, input: { actorId: actor.personId, action: "event.cancel", subject: `event:${event.id}`, detail: { notified } } });
    return { notified };
  });
  await ctx.cache.invalidate(cacheTags.events);
  return result;
}
