import { and, count, eq } from "drizzle-orm";
import { eventRsvps, groups, type EventFormat, type EventKind } from "../../db/schema/index.js";
import type { MailCtx } from "../context.js";
import { groupPath } from "../groups/group-directory.js";
import { readAttendeeToken } from "./event-mail.js";
import { eventLocation, eventPath, loadEvent } from "./event-records.js";

/** An event as its public page shows it: no attendee, and no street address unless allowed. */
export interface PublicEvent {
  id: number;
  slug: string;
  path: string;
  title: string;
  kind: EventKind;
  description: string | null;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  format: EventFormat;
  venueName: string | null;
  /** Null when kept for attendees and the viewer is not one. */
  address: string | null;
  city: string | null;
  state: string | null;
  zip: string | null;
  /** "Central Library, 300 Nicollet Mall, Minneapolis, MN 55401" as this viewer may see it. */
  locationText: string;
  addressHidden: boolean;
  livestreamUrl: string | null;
  recordingUrl: string | null;
  notesUrl: string | null;
  slidesUrl: string | null;
  capacity: number | null;
  going: number;
  placesLeft: number | null;
  status: "scheduled" | "cancelled";
  isPast: boolean;
  group: { name: string; path: string } | null;
  updatedAt: Date;
  /** The viewer's own RSVP, when they came through their e-mailed link (`?a=`). */
  viewer: { personId: number; status: "going" | "waitlisted" | "cancelled"; token: string } | null;
}

export async function getEvent({ ctx, input }: { ctx: MailCtx; input: { eventId: number; attendeeToken?: string | undefined } }): Promise<PublicEvent> {
  const event = await loadEvent(ctx, input.eventId);
  const [goingRows, groupRows, viewerRows] = await Promise.all([
    ctx.db
      .select({ n: count() })
      .from(eventRsvps)
      .where(and(eq(eventRsvps.eventId, event.id), eq(eventRsvps.status, "going"))),
    event.groupId === null
      ? Promise.resolve([])
      : ctx.db.select({ name: groups.name, state: groups.state, slug: groups.slug, status: groups.status }).from(groups).where(eq(groups.id, event.groupId)),
    (async () => {
      const personId = readAttendeeToken(ctx.mail.secretKey, event.id, input.attendeeToken);
      if (personId === undefined) return [];
      const rows = await ctx.db
        .select({ status: eventRsvps.status })
        .from(eventRsvps)
        .where(and(eq(eventRsvps.eventId, event.id), eq(eventRsvps.personId, personId)));
      return rows.map((r) => ({ personId, status: r.status, token: input.attendeeToken! }));
    })(),
  ]);
  const viewer = viewerRows[0] ?? null;
  const attendee = viewer !== null && viewer.status !== "cancelled";
  const location = eventLocation(event, { attendee });
  const going = goingRows[0]?.n ?? 0;
  const group = groupRows[0];
  return {
    id: event.id,
    slug: event.slug,
    path: eventPath(event),
    title: event.title,
    kind: event.kind,
    description: event.description,
    startsAt: event.startsAt,
    endsAt: event.endsAt,
    timeZone: event.timeZone,
    format: event.format,
    venueName: event.venueName,
    address: location.addressHidden ? null : event.address,
    city: event.city,
    state: event.state,
    zip: location.addressHidden ? null : event.zip,
    locationText: location.text,
    addressHidden: location.addressHidden,
    livestreamUrl: event.livestreamUrl,
    recordingUrl: event.recordingUrl,
    notesUrl: event.notesUrl,
    slidesUrl: event.slidesUrl,
    capacity: event.capacity,
    going,
    placesLeft: event.capacity === null ? null : Math.max(0, event.capacity - going),
    status: event.status,
    isPast: event.endsAt.getTime() <= ctx.now().getTime(),
    group: group && group.status === "active" ? { name: group.name, path: groupPath(group.state, group.slug) } : group ? { name: group.name, path: "" } : null,
    updatedAt: event.updatedAt,
    viewer,
  };
}
