import { and, count, eq } from "drizzle-orm";
import { eventRsvps } from "../../db/schema/index.js";
import type { Actor } from "../accounts/actor.js";
import type { Ctx } from "../context.js";
import type { EventFields } from "./event-fields.js";
import { authorizeEventManagement, eventPath, loadEvent } from "./event-records.js";
import { instantToLocal } from "./time-zones.js";

export interface EventForEditing {
  id: number;
  groupId: number | null;
  path: string;
  status: "scheduled" | "cancelled";
  featured: boolean;
  fields: EventFields;
  rsvps: { going: number; waitlisted: number };
}

/** An event as its form shows it (local times in its zone), for its group's organizers or staff. */
export async function getEventForEditing({ ctx, input }: { ctx: Ctx; input: { actor: Actor | undefined; eventId: number } }): Promise<EventForEditing> {
  const event = await loadEvent(ctx, input.eventId);
  authorizeEventManagement(input.actor, event.groupId);
  const counts = await ctx.db
    .select({ status: eventRsvps.status, n: count() })
    .from(eventRsvps)
    .where(and(eq(eventRsvps.eventId, event.id)))
    .groupBy(eventRsvps.status);
  const countOf = (status: string) => counts.find((c) => c.status === status)?.n ?? 0;
  return {
    id: event.id,
    groupId: event.groupId,
    path: eventPath(event),
    status: event.status,
    featured: event.featured,
    fields: {
      title: event.title,
      kind: event.kind,
      description: event.description ?? "",
      startsLocal: instantToLocal(event.startsAt, event.timeZone),
      endsLocal: instantToLocal(event.endsAt, event.timeZone),
      timeZone: event.timeZone,
      format: event.format,
      venueName: event.venueName ?? "",
      address: event.address ?? "",
      city: event.city ?? "",
      state: event.state ?? "",
      zip: event.zip ?? "",
      addressForAttendeesOnly: event.addressForAttendeesOnly ? "yes" : "",
      livestreamUrl: event.livestreamUrl ?? "",
      recordingUrl: event.recordingUrl ?? "",
      notesUrl: event.notesUrl ?? "",
      slidesUrl: event.slidesUrl ?? "",
      capacity: event.capacity === null ? "" : String(event.capacity),
    },
    rsvps: { going: countOf("going"), waitlisted: countOf("waitlisted") },
  };
}
