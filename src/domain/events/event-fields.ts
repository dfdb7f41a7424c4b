import type { EventFormat, EventKind } from "../../db/schema/index.js";
import type { Actor } from "../accounts/actor.js";

/**
 * CONTRACT shared by the events domain (create/update/cancel, written by the events-domain
 * engineer) and the organizer/staff forms (written by the authoring engineer). Change it only
 * together.
 *
 * What an organizer or staff member types into the event form, as strings (a form's values).
 * The domain parses and validates every field and throws `invalid(message, fieldErrors)` keyed
 * by these names, so the form can re-render with per-field errors.
 */
export interface EventFields {
  title: string;
  /** One of eventKinds; organizers may only create "meeting" (national kinds are staff only). */
  kind: EventKind | string;
  description: string;
  /** Local wall-clock time in `timeZone`: "2026-12-03T19:00" (what <input type="datetime-local"> sends). */
  startsLocal: string;
  endsLocal: string;
  /** IANA zone, e.g. "America/Chicago" (a select of US zones). */
  timeZone: string;
  format: EventFormat | string;
  venueName: string;
  address: string;
  city: string;
  /** USPS code; may be empty for online events. */
  state: string;
  zip: string;
  /** "yes" when the street address is shown only to people who RSVP. */
  addressForAttendeesOnly: string;
  livestreamUrl: string;
  recordingUrl: string;
  notesUrl: string;
  slidesUrl: string;
  /** Whole number, or empty for no limit. */
  capacity: string;
}

export interface CreateEventInput {
  actor: Actor | undefined;
  /** The organizing group; null for a national event (staff only). */
  groupId: number | null;
  fields: EventFields;
}

export interface UpdateEventInput {
  actor: Actor | undefined;
  eventId: number;
  fields: EventFields;
}

export interface CancelEventInput {
  actor: Actor | undefined;
  eventId: number;
  /** Optional words passed on to attendees. */
  reason?: string | undefined;
}

/** What changed in an update that attendees are told about. */
export type EventChange = "time" | "place" | "online_link";

/**
 * The domain actions (files in src/domain/events/):
 *   createEvent({ ctx: MailCtx, input: CreateEventInput }): Promise<{ id: number; path: string }>
 *   updateEvent({ ctx: MailCtx, input: UpdateEventInput }): Promise<{ id: number; path: string; changes: EventChange[]; notified: number }>
 *   cancelEvent({ ctx: MailCtx, input: CancelEventInput }): Promise<{ notified: number }>
 *   getEventForEditing({ ctx, input: { actor, eventId } }): Promise<{ id; groupId; path; status; fields: EventFields; rsvps: { going: number; waitlisted: number } }>
 *   setFeaturedEvent({ ctx, input: { actor, eventId: number | null } }): staff only; at most one featured
 * Authorization inside each: organizers of the group (permission "manage-group") or staff ("administer").
 * Public path of an event: `/events/<id>-<slug>`.
 */
export const EVENT_FIELD_NAMES: (keyof EventFields)[] = [
  "title",
  "kind",
  "description",
  "startsLocal",
  "endsLocal",
  "timeZone",
  "format",
  "venueName",
  "address",
  "city",
  "state",
  "zip",
  "addressForAttendeesOnly",
  "livestreamUrl",
  "recordingUrl",
  "notesUrl",
  "slidesUrl",
  "capacity",
];
