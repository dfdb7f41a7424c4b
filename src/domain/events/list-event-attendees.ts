import { and, asc, eq, inArray } from "drizzle-orm";
import { eventRsvps, people } from "../../db/schema/index.js";
import type { Actor } from "../accounts/actor.js";
import { authorize, can } from "../access/policy.js";
import type { Ctx } from "../context.js";
import { eventPath, loadEvent } from "./event-records.js";

export interface EventAttendee {
  name: string;
  /** Only for national staff: organizers write to attendees through the app, as with members. */
  email?: string;
  zip: string | null;
  status: "going" | "waitlisted";
  /** When they RSVP'd (or last changed their RSVP). */
  since: Date;
}

export interface EventAttendees {
  event: { id: number; title: string; path: string; groupId: number | null; startsAt: Date; timeZone: string };
  includesEmail: boolean;
  /** Going first, then the waitlist, each in the order they came. */
  attendees: EventAttendee[];
}

/**
 * Who is coming to an event: for the organizers of its group (the same rule as seeing the
 * group's members) and national staff. People who cancelled are left out.
 */
export async function listEventAttendees({ ctx, input }: { ctx: Ctx; input: { actor: Actor | undefined; eventId: number } }): Promise<EventAttendees> {
  const event = await loadEvent(ctx, input.eventId);
  if (event.groupId === null) authorize(input.actor, { to: "administer" });
  else authorize(input.actor, { to: "see-group-members", groupId: event.groupId });
  const includesEmail = event.groupId === null ? true : can(input.actor, { to: "see-member-emails", groupId: event.groupId });
  const rows = await ctx.db
    .select({ name: people.name, email: people.email, zip: people.zip, status: eventRsvps.status, createdAt: eventRsvps.createdAt, updatedAt: eventRsvps.updatedAt })
    .from(eventRsvps)
    .innerJoin(people, eq(people.id, eventRsvps.personId))
    .where(and(eq(eventRsvps.eventId, event.id), inArray(eventRsvps.status, ["going", "waitlisted"])))
    .orderBy(asc(eventRsvps.updatedAt), asc(people.id));
  const order = { going: 0, waitlisted: 1 } as const;
  const attendees = rows
    .map((row) => ({
      name: row.name,
      ...(includesEmail ? { email: row.email } : {}),
      zip: row.zip,
      status: row.status as "going" | "waitlisted",
      since: row.updatedAt,
    }))
    .sort((a, b) => order[a.status] - order[b.status]);
  return {
    event: { id: event.id, title: event.title, path: eventPath(event), groupId: event.groupId, startsAt: event.startsAt, timeZone: event.timeZone },
    includesEmail,
    attendees,
  };
}
