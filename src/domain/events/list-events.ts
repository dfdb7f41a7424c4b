import { and, asc, desc, eq, gt, lte } from "drizzle-orm";
import { events, groups, type EventFormat, type EventKind } from "../../db/schema/index.js";
import { milesBetween } from "../../lib/geo.js";
import { cacheTags } from "../../db/read-cache.js";
import type { Ctx } from "../context.js";
import { invalid } from "../errors.js";
import { groupPath, loadGroupDirectory } from "../groups/group-directory.js";
import { MAX_MILES } from "../groups/find-groups-near.js";
import { normalizeZip } from "../places/lookup-zip.js";
import { loadZipPoints } from "../places/zip-points.js";
import { eventPath } from "./event-records.js";

export const DEFAULT_EVENT_MILES = 25;
const MAX_LISTED = 200;
export const PAST_PAGE_SIZE = 20;

/** An event in a list: what anyone may see (never the street address). */
export interface EventSummary {
  id: number;
  path: string;
  title: string;
  kind: EventKind;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  format: EventFormat;
  city: string | null;
  state: string | null;
  status: "scheduled" | "cancelled";
  group: { name: string; path: string } | null;
  /** From the ZIP searched, to a tenth of a mile; null without a ZIP. */
  distanceMiles: number | null;
  recordingUrl: string | null;
  notesUrl: string | null;
  slidesUrl: string | null;
}

export interface EventListing {
  /** The filter as understood. */
  state: string | null;
  near: string | null;
  miles: number | null;
  /** In person (and hybrid) events matching the filter; all of them without one. */
  local: EventSummary[];
  /** Online events (and hybrid ones not already in `local`): open to everyone, always listed. */
  online: EventSummary[];
}

const summaryColumns = {
  id: events.id,
  groupId: events.groupId,
  slug: events.slug,
  title: events.title,
  kind: events.kind,
  startsAt: events.startsAt,
  endsAt: events.endsAt,
  timeZone: events.timeZone,
  format: events.format,
  city: events.city,
  state: events.state,
  status: events.status,
  latitude: events.latitude,
  longitude: events.longitude,
  recordingUrl: events.recordingUrl,
  notesUrl: events.notesUrl,
  slidesUrl: events.slidesUrl,
  groupName: groups.name,
  groupState: groups.state,
  groupSlug: groups.slug,
  groupStatus: groups.status,
};
type SummaryRow = { [K in keyof typeof summaryColumns]: (typeof summaryColumns)[K]["_"]["data"] | (K extends `group${string}` ? null : never) };

function toSummary(row: SummaryRow, distanceMiles: number | null): EventSummary {
  return {
    id: row.id,
    path: eventPath(row),
    title: row.title,
    kind: row.kind,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    timeZone: row.timeZone,
    format: row.format,
    city: row.city,
    state: row.state,
    status: row.status,
    group: row.groupName ? { name: row.groupName, path: row.groupStatus === "active" ? groupPath(row.groupState!, row.groupSlug!) : "" } : null,
    distanceMiles,
    recordingUrl: row.recordingUrl,
    notesUrl: row.notesUrl,
    slidesUrl: row.slidesUrl,
  };
}


/**
 * Upcoming events (not yet ended), soonest first: in person near a ZIP (default 25 miles) or in
 * a state, and every online event, which anyone can join. Cancelled ones stay listed, marked,
 * until their end, so people who saw them learn they are off.
 */
export async function listEvents({ ctx, input }: { ctx: Ctx; input: { state?: string | undefined; near?: string | undefined; miles?: string | undefined } }): Promise<EventListing> {
  const now = ctx.now();
  const stateInput = (input.state ?? "").trim().toUpperCase();
  let state: string | null = null;
  if (stateInput) {
    const directory = await loadGroupDirectory(ctx);
    if (!directory.states.some((s) => s.code === stateInput)) throw invalid("Unknown state.", { state: "invalid_choice" });
    state = stateInput;
  }
  let origin: { lat: number; lng: number } | null = null;
  let near: string | null = null;
  let miles: number | null = null;
  const nearInput = (input.near ?? "").trim();
  if (nearInput) {
    near = normalizeZip(nearInput) ?? null;
    if (!near) throw invalid("That is not a ZIP code.", { near: "invalid_zip" });
    miles = DEFAULT_EVENT_MILES;
    if (input.miles !== undefined && input.miles !== "") {
      miles = /^\d{1,4}$/.test(input.miles) ? Number(input.miles) : NaN;
      if (!Number.isInteger(miles) || miles < 1 || miles > MAX_MILES) throw invalid("Distance out of range.", { miles: "out_of_range" });
    }
    const centroid = (await loadZipPoints(ctx)).get(near);
    if (!centroid) throw invalid("We do not know where that ZIP code is.", { near: "unknown_zip" });
    origin = { lat: centroid.lat, lng: centroid.lng };
  }

  const rows = await upcomingRows(ctx, now);
  const local: EventSummary[] = [];
  const online: EventSummary[] = [];
  for (const row of rows) {
    if (row.format === "online") {
      online.push(toSummary(row, null));
      continue;
    }
    let distance: number | null = null;
    let matches = true;
    if (state && row.state !== state) matches = false;
    if (origin) {
      if (row.latitude === null || row.longitude === null) matches = false;
      else {
        distance = Math.round(milesBetween(origin, { lat: row.latitude, lng: row.longitude }) * 10) / 10;
        if (distance > miles!) matches = false;
      }
    }
    if (matches) local.push(toSummary(row, distance));
    else if (row.format === "hybrid") online.push(toSummary(row, null));
  }
  return { state, near, miles, local: local.slice(0, MAX_LISTED), online: online.slice(0, MAX_LISTED) };
}

/** A group's events that have not ended yet, soonest first, for its page (cancelled ones marked until their end). */
export async function listGroupUpcomingEvents({ ctx, input }: { ctx: Ctx; input: { groupId: number } }): Promise<EventSummary[]> {
  const rows = await upcomingRows(ctx, ctx.now());
  return rows
    .filter((row) => row.groupId === input.groupId)
    .slice(0, 10)
    .map((row) => toSummary(row, null));
}

/**
 * Every event not yet ended, soonest first, from memory: read on every /events and group page,
 * written rarely. Dropped when an event or a group changes; the end-time filter runs again on
 * each read, so an event that ends drops out of lists without waiting for a change.
 */
async function upcomingRows(ctx: Ctx, now: Date): Promise<SummaryRow[]> {
  const rows = await ctx.cache.get(
    `${cacheTags.events}:${cacheTags.groups}:upcoming`,
    async () =>
      (await ctx.db
        .select(summaryColumns)
        .from(events)
        .leftJoin(groups, eq(groups.id, events.groupId))
        // A week's margin, so a clock that reads a little earlier on the next request still finds them.
        .where(gt(events.endsAt, new Date(now.getTime() - 7 * 86_400_000)))
        .orderBy(asc(events.startsAt), asc(events.id))
        .limit(2000)) as SummaryRow[],
    { maxAgeMs: 10 * 60_000 },
  );
  return rows.filter((row) => row.endsAt.getTime() > now.getTime());
}

/** Events that have ended, newest first, a page at a time: where recordings, notes and slides live. Cancelled ones are left out. */
export async function listPastEvents({ ctx, input }: { ctx: Ctx; input: { page?: string | undefined } }): Promise<{ events: EventSummary[]; page: number; hasMore: boolean }> {
  const page = /^\d{1,4}$/.test(input.page ?? "") && Number(input.page) >= 1 ? Number(input.page) : 1;
  const rows = (await ctx.db
    .select(summaryColumns)
    .from(events)
    .leftJoin(groups, eq(groups.id, events.groupId))
    .where(and(lte(events.endsAt, ctx.now()), eq(events.status, "scheduled")))
    .orderBy(desc(events.startsAt), desc(events.id))
    .limit(PAST_PAGE_SIZE + 1)
    .offset((page - 1) * PAST_PAGE_SIZE)) as SummaryRow[];
  return { events: rows.slice(0, PAST_PAGE_SIZE).map((row) => toSummary(row, null)), page, hasMore: rows.length > PAST_PAGE_SIZE };
}

/**
 * What a subscribed calendar holds: events not yet ended, and those of the last 60 days (so a
 * change or cancellation reaches calendars that already have them), cancelled ones included.
 */
export async function listCalendarEvents({ ctx, input }: { ctx: Ctx; input: { groupId?: number } }) {
  const since = new Date(ctx.now().getTime() - 60 * 86_400_000);
  const conditions = [gt(events.endsAt, since)];
  if (input.groupId !== undefined) conditions.push(eq(events.groupId, input.groupId));
  return ctx.db
    .select()
    .from(events)
    .where(and(...conditions))
    .orderBy(asc(events.startsAt), asc(events.id))
    .limit(1000);
}
