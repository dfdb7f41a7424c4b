import { Hono } from "hono";
import { listEvents, type EventSummary } from "../domain/events/list-events.js";
import { isoWithOffset } from "../domain/events/time-zones.js";
import type { AppEnv } from "../http/types.js";

/**
 * Upcoming events as JSON (docs/api.md): near a ZIP code (`near`, `miles`) or in a state, plus
 * every online event. What the public page shows, no more: no attendees, no street address.
 */
export const eventsApiRoutes = new Hono<AppEnv>().get("/v1/events", async (c) => {
  const { ctx, config } = c.var.deps;
  const listing = await listEvents({ ctx, input: { state: c.req.query("state"), near: c.req.query("near"), miles: c.req.query("miles") } });
  const present = (event: EventSummary) => ({
    id: event.id,
    title: event.title,
    kind: event.kind,
    format: event.format,
    status: event.status,
    startsAt: isoWithOffset(event.startsAt, event.timeZone),
    endsAt: isoWithOffset(event.endsAt, event.timeZone),
    timeZone: event.timeZone,
    city: event.city,
    state: event.state,
    distanceMiles: event.distanceMiles,
    group: event.group ? { name: event.group.name, url: event.group.path ? `${config.publicUrl}${event.group.path}` : null } : null,
    url: `${config.publicUrl}${event.path}`,
    calendarUrl: `${config.publicUrl}${event.path}.ics`,
  });
  c.header("Cache-Control", "public, max-age=300");
  return c.json({
    near: listing.near,
    miles: listing.miles,
    state: listing.state,
    events: listing.local.map(present),
    online: listing.online.map(present),
  });
});
