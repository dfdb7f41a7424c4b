import { and, count, eq } from "drizzle-orm";
import { eventRsvps } from "../../db/schema/index.js";
import { isLocale, type Locale } from "../../i18n/index.js";
import { withTransaction, type MailCtx } from "../context.js";
import { conflict, invalid, type FieldErrors } from "../errors.js";
import { findOrCreatePerson } from "../people/find-or-create-person.js";
import { validatePersonFields } from "../people/validate-person-fields.js";
import { lookupZip } from "../places/lookup-zip.js";
import { enqueueEventMail } from "./event-mail.js";
import { eventPath, loadEvent } from "./event-records.js";

export interface RsvpInput {
  eventId: number;
  name: string;
  email: string;
  zip: string;
  locale: string;
  sourcePage?: string;
}

export interface RsvpResult {
  personId: number;
  status: "going" | "waitlisted";
  /** False when they were already on the list (nothing new was sent). */
  added: boolean;
  path: string;
  title: string;
}

/**
 * RSVP to an event: going while there are places, on the waitlist after that. It counts at
 * once (no confirmation click): the confirmation e-mail, with the .ics attached, carries a link
 * to cancel, so someone signed up by another person can undo it in one click. RSVPing again
 * while on the list changes nothing and sends nothing (no mail bomb through this form).
 */
export async function rsvpToEvent({ ctx, input }: { ctx: MailCtx; input: RsvpInput }): Promise<RsvpResult> {
  const errors: FieldErrors = {};
  const { name, zip } = validatePersonFields({ name: input.name, email: input.email, zip: input.zip }, errors);
  if (Object.keys(errors).length > 0) throw invalid("Please correct the marked fields.", errors);
  const current = await loadEvent(ctx, input.eventId);
  if (current.status === "cancelled") throw conflict("This event is cancelled.");
  if (current.endsAt.getTime() <= ctx.now().getTime()) throw conflict("This event is over.");
  const place = zip ? await lookupZip({ ctx, input: { zip } }) : undefined;
  const locale: Locale = isLocale(input.locale) ? input.locale : "en";

  return withTransaction(ctx, async (tx) => {
    // One RSVP at a time per event, so the last place is never given twice.
    const event = await loadEvent(tx, input.eventId, { forUpdate: true });
    const person = await findOrCreatePerson({
      ctx: tx,
      input: { email: input.email, name, zip, state: place?.states[0], locale, sourcePage: input.sourcePage ?? eventPath(event) },
    });
    const base = { personId: person.id, path: eventPath(event), title: event.title };
    const [existing] = await tx.db
      .select({ status: eventRsvps.status })
      .from(eventRsvps)
      .where(and(eq(eventRsvps.eventId, event.id), eq(eventRsvps.personId, person.id)));
    if (existing && existing.status !== "cancelled") return { ...base, status: existing.status, added: false };

    const [going] = await tx.db
      .select({ n: count() })
      .from(eventRsvps)
      .where(and(eq(eventRsvps.eventId, event.id), eq(eventRsvps.status, "going")));
    const status = event.capacity === null || (going?.n ?? 0) < event.capacity ? "going" : "waitlisted";
    const now = tx.now();
    await tx.db
      .insert(eventRsvps)
      .values({ eventId: event.id, personId: person.id, status, createdAt: now, updatedAt: now })
      .onConflictDoUpdate({ target: [eventRsvps.eventId, eventRsvps.personId], set: { status, updatedAt: now } });
    await enqueueEventMail(tx, {
      event,
      attendee: { personId: person.id, name: person.name, email: person.email, locale: person.locale },
      kind: status,
      key: `event-rsvp:${event.id}:${person.id}:${now.getTime()}`,
    });
    return { ...base, status, added: true };
  });
}
