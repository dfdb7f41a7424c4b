import { createHmac, timingSafeEqual } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import { eventRsvps, people } from "../../db/schema/index.js";
import { isLocale, messagesFor } from "../../i18n/index.js";
import { buildICalendar, type ICalEvent } from "../../lib/ical.js";
import { formatEventWhen } from "../../lib/event-time.js";
import { renderEventMail, type EventMailKind } from "../../mail/event-templates.js";
import type { MailCtx, MailSettings } from "../context.js";
import { enqueueMail } from "../mail/enqueue-mail.js";
import type { EventChange } from "./event-fields.js";
import { eventLocation, eventPath, type EventRow } from "./event-records.js";

/**
 * An attendee's token: `<personId>.<signature>`, signed for one event. It is in every e-mail
 * about the event, opens the address (when the organizer keeps it for attendees) and the
 * cancel-RSVP page. Computed, never stored; it says nothing about anyone else.
 */
export function attendeeToken(secretKey: string, eventId: number, personId: number): string {
  return `${personId}.${signAttendee(secretKey, eventId, personId)}`;
}

export function readAttendeeToken(secretKey: string, eventId: number, token: string | undefined): number | undefined {
  const match = /^(\d{1,10})\.([A-Za-z0-9_-]{32})$/.exec(token ?? "");
  if (!match) return undefined;
  const personId = Number(match[1]);
  const expected = Buffer.from(signAttendee(secretKey, eventId, personId));
  const given = Buffer.from(match[2]!);
  return expected.length === given.length && timingSafeEqual(expected, given) ? personId : undefined;
}

function signAttendee(secretKey: string, eventId: number, personId: number) {
  return createHmac("sha256", secretKey).update(`event-attendee:${eventId}:${personId}`).digest("base64url").slice(0, 32);
}

export function eventLinks(settings: Pick<MailSettings, "publicUrl" | "secretKey">, event: Pick<EventRow, "id" | "slug">) {
  const page = `${settings.publicUrl}${eventPath(event)}`;
  return {
    page,
    ics: `${page}.ics`,
    attendee: (personId: number) => `${page}?a=${attendeeToken(settings.secretKey, event.id, personId)}`,
    cancelRsvp: (personId: number) => `${page}/cancel-rsvp/${attendeeToken(settings.secretKey, event.id, personId)}`,
  };
}

/** UID that stays the same for the life of the event, whatever changes: calendars update their copy. */
export function eventUid(publicUrl: string, eventId: number): string {
  return `event-${eventId}@${new URL(publicUrl).host}`;
}

/** The event as one calendar entry. `attendee`: the full address, for people coming. */
export function eventToICal(event: EventRow, settings: Pick<MailSettings, "publicUrl">, options: { attendee: boolean; stamp: Date }): ICalEvent {
  const page = `${settings.publicUrl}${eventPath(event)}`;
  const location = eventLocation(event, options);
  const description = [event.description ?? "", event.livestreamUrl && event.format !== "in_person" ? event.livestreamUrl : "", page]
    .filter(Boolean)
    .join("\n\n");
  return {
    uid: eventUid(settings.publicUrl, event.id),
    sequence: event.sequence,
    stamp: options.stamp,
    start: event.startsAt,
    end: event.endsAt,
    summary: event.title,
    description,
    location: location.text || (event.format === "online" ? event.livestreamUrl : null),
    url: page,
    status: event.status === "cancelled" ? "CANCELLED" : "CONFIRMED",
    lastModified: event.updatedAt,
  };
}

export interface Attendee {
  personId: number;
  name: string;
  email: string;
  locale: string;
}

/** People going or waitlisted (the ones told about changes). */
export async function listAttendees(ctx: MailCtx, eventId: number, statuses: ("going" | "waitlisted")[] = ["going", "waitlisted"]): Promise<(Attendee & { status: string })[]> {
  return ctx.db
    .select({ personId: people.id, name: people.name, email: people.email, locale: people.locale, status: eventRsvps.status })
    .from(eventRsvps)
    .innerJoin(people, eq(people.id, eventRsvps.personId))
    .where(and(eq(eventRsvps.eventId, eventId), inArray(eventRsvps.status, statuses)));
}

/**
 * Queue one e-mail about `event` to one attendee, with the event's .ics attached. `key` makes it
 * idempotent: the same key never queues a second message.
 */
export async function enqueueEventMail(
  ctx: MailCtx,
  input: { event: EventRow; attendee: Attendee; kind: EventMailKind; key: string; changes?: EventChange[]; reason?: string | null },
): Promise<boolean> {
  const { event, attendee } = input;
  const locale = isLocale(attendee.locale) ? attendee.locale : "en";
  const t = messagesFor(locale);
  const links = eventLinks(ctx.mail, event);
  const mail = renderEventMail(t, {
    kind: input.kind,
    name: attendee.name,
    title: event.title,
    when: formatEventWhen(locale, event.startsAt, event.endsAt, event.timeZone),
    where: eventLocation(event, { attendee: true }).text,
    livestreamUrl: event.livestreamUrl,
    pageUrl: links.attendee(attendee.personId),
    cancelUrl: input.kind === "cancelled" ? null : links.cancelRsvp(attendee.personId),
    ...(input.changes ? { changes: input.changes } : {}),
    ...(input.reason !== undefined ? { reason: input.reason } : {}),
  });
  const ics = buildICalendar({ events: [eventToICal(event, ctx.mail, { attendee: true, stamp: ctx.now() })] });
  const { messageId } = await enqueueMail({
    ctx,
    input: {
      idempotencyKey: input.key,
      personId: attendee.personId,
      to: { address: attendee.email, name: attendee.name },
      template: `event-${input.kind.replace("_", "-")}`,
      ...mail,
      attachments: [{ filename: `event-${event.id}.ics`, contentType: "text/calendar; charset=utf-8; method=PUBLISH", content: ics }],
    },
  });
  return messageId !== null;
}
