import { and, eq, inArray } from "drizzle-orm";
import { eventRsvps } from "../../db/schema/index.js";
import { withTransaction, type MailCtx } from "../context.js";
import { notFound } from "../errors.js";
import { readAttendeeToken } from "./event-mail.js";
import { eventPath, loadEvent } from "./event-records.js";
import { promoteFromWaitlist } from "./promote-from-waitlist.js";

/** Whose RSVP an e-mailed link names, or not_found for a link we did not sign. */
export async function checkRsvpLink({ ctx, input }: { ctx: MailCtx; input: { eventId: number; token: string } }) {
  const event = await loadEvent(ctx, input.eventId);
  const personId = readAttendeeToken(ctx.mail.secretKey, event.id, input.token);
  if (personId === undefined) throw notFound("That link is not valid.");
  return { event, personId, path: eventPath(event) };
}

/**
 * Cancel an RSVP from the link in the person's e-mails. A place it frees goes to the first
 * person on the waitlist, who is told. Cancelling twice is fine.
 */
export async function cancelRsvp({ ctx, input }: { ctx: MailCtx; input: { eventId: number; token: string } }): Promise<{ title: string; path: string }> {
  const { personId, path } = await checkRsvpLink({ ctx, input });
  return withTransaction(ctx, async (tx) => {
    const event = await loadEvent(tx, input.eventId, { forUpdate: true });
    const [row] = await tx.db
      .update(eventRsvps)
      .set({ status: "cancelled", updatedAt: tx.now() })
      .where(and(eq(eventRsvps.eventId, event.id), eq(eventRsvps.personId, personId), inArray(eventRsvps.status, ["going", "waitlisted"])))
      .returning({ personId: eventRsvps.personId });
    if (row) await promoteFromWaitlist(tx, event);
    return { title: event.title, path };
  });
}
