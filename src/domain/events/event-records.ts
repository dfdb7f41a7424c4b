import { eq } from "drizzle-orm";
import { events } from "../../db/schema/index.js";
import type { Actor } from "../accounts/actor.js";
import { authorize } from "../access/policy.js";
import type { Ctx } from "../context.js";
import { notFound } from "../errors.js";

export type EventRow = typeof events.$inferSelect;

/** The public path of an event: the id decides, the slug is for people reading the link. */
export const eventPath = (event: { id: number; slug: string }) => `/events/${event.id}-${event.slug}`;

/** "12-town-hall" → 12; anything else → undefined. */
export function eventIdFromParam(param: string): number | undefined {
  const match = /^(\d{1,9})(?:-[a-z0-9-]*)?$/.exec(param);
  return match ? Number(match[1]) : undefined;
}

export async function loadEvent(ctx: Ctx, eventId: number, options: { forUpdate?: boolean } = {}): Promise<EventRow> {
  const query = ctx.db.select().from(events).where(eq(events.id, eventId));
  const [row] = options.forUpdate ? await query.for("update") : await query;
  if (!row) throw notFound(`There is no event ${eventId}.`);
  return row;
}

/** A group's organizers manage its events; national events (no group) are staff's. */
export function authorizeEventManagement(actor: Actor | undefined, groupId: number | null): asserts actor is Actor {
  if (groupId === null) authorize(actor, { to: "administer" });
  else authorize(actor, { to: "manage-group", groupId });
}

/**
 * The place as shown to someone: the street address only when the organizer lets everyone see
 * it, or to someone coming.
 */
export function eventLocation(event: Pick<EventRow, "format" | "venueName" | "address" | "city" | "state" | "zip" | "addressForAttendeesOnly">, options: { attendee: boolean }) {
  if (event.format === "online") return { text: "", addressHidden: false };
  const showAddress = !event.addressForAttendeesOnly || options.attendee;
  const cityLine = [event.city, [event.state, showAddress ? event.zip : null].filter(Boolean).join(" ")].filter(Boolean).join(", ");
  const parts = [event.venueName, showAddress ? event.address : null, cityLine].filter((part): part is string => Boolean(part));
  return { text: parts.join(", "), addressHidden: !showAddress && Boolean(event.address) };
}
