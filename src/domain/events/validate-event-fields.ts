import { eq } from "drizzle-orm";
import { eventFormats, eventKinds, zipCentroids, type EventFormat, type EventKind } from "../../db/schema/index.js";
import { slugify } from "../../lib/slugify.js";
import type { Ctx } from "../context.js";
import { invalid, type FieldErrors } from "../errors.js";
import { loadGroupDirectory } from "../groups/group-directory.js";
import { parseWebUrl } from "../organize/update-group-page.js";
import { normalizeZip } from "../places/lookup-zip.js";
import type { EventFields } from "./event-fields.js";
import { isUsTimeZone, localToInstant } from "./time-zones.js";

export const EVENT_LIMITS = { title: 150, description: 10_000, venueName: 150, address: 200, city: 80, capacity: 100_000 };
/** An event longer than this is almost certainly a typo in the end date. */
export const MAX_EVENT_DAYS = 7;

/** The columns an event's form sets. */
export interface EventValues {
  slug: string;
  kind: EventKind;
  title: string;
  description: string | null;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  format: EventFormat;
  venueName: string | null;
  address: string | null;
  city: string | null;
  state: string | null;
  zip: string | null;
  latitude: number | null;
  longitude: number | null;
  addressForAttendeesOnly: boolean;
  livestreamUrl: string | null;
  recordingUrl: string | null;
  notesUrl: string | null;
  slidesUrl: string | null;
  capacity: number | null;
}

/**
 * Check every field of an event form and turn it into column values, or throw `invalid` with a
 * reason per field (keyed as in EventFields). A group's event is a "meeting"; the national kinds
 * (conference, call-in day, training) belong to national events, which only staff create.
 */
export async function validateEventFields(ctx: Ctx, fields: EventFields, scope: { national: boolean }): Promise<EventValues> {
  const errors: FieldErrors = {};
  const text = (field: keyof EventFields, max: number, required = false) => {
    const value = String(fields[field] ?? "").replace(/\r\n?/g, "\n").trim();
    if (!value && required) errors[field] = "required";
    else if (value.length > max) errors[field] = "too_long";
    else if (max <= 200 && /\n/.test(value)) errors[field] = "invalid_choice";
    return value || null;
  };

  const title = text("title", EVENT_LIMITS.title, true);
  const description = text("description", EVENT_LIMITS.description);
  const kind = (eventKinds as readonly string[]).includes(fields.kind) ? (fields.kind as EventKind) : undefined;
  if (!kind || (!scope.national && kind !== "meeting")) errors.kind = "invalid_choice";
  const format = (eventFormats as readonly string[]).includes(fields.format) ? (fields.format as EventFormat) : undefined;
  if (!format) errors.format = "invalid_choice";

  const timeZone = fields.timeZone.trim();
  if (!isUsTimeZone(timeZone)) errors.timeZone = "invalid_choice";
  let startsAt: Date | undefined;
  let endsAt: Date | undefined;
  if (isUsTimeZone(timeZone)) {
    const time = (field: "startsLocal" | "endsLocal") => {
      if (!fields[field].trim()) {
        errors[field] = "required";
        return undefined;
      }
      const result = localToInstant(fields[field], timeZone);
      if (result.ok) return result.instant;
      errors[field] = result.reason === "nonexistent" ? "nonexistent_time" : "invalid_time";
      return undefined;
    };
    startsAt = time("startsLocal");
    endsAt = time("endsLocal");
    if (startsAt && endsAt) {
      if (endsAt.getTime() <= startsAt.getTime()) errors.endsLocal = "ends_before_start";
      else if (endsAt.getTime() - startsAt.getTime() > MAX_EVENT_DAYS * 24 * 3600_000) errors.endsLocal = "out_of_range";
    }
  }

  const hasPlace = format === "in_person" || format === "hybrid";
  const hasStream = format === "online" || format === "hybrid";
  const venueName = hasPlace ? text("venueName", EVENT_LIMITS.venueName) : null;
  const address = hasPlace ? text("address", EVENT_LIMITS.address) : null;
  const city = hasPlace ? text("city", EVENT_LIMITS.city, true) : null;

  // An online event may still name a state (a state's call-in day), so the state filter finds it.
  let state: string | null = fields.state.trim().toUpperCase() || null;
  if (state) {
    const directory = await loadGroupDirectory(ctx);
    if (!directory.states.some((s) => s.code === state)) errors.state = "invalid_choice";
  } else if (hasPlace) errors.state = "required";

  let zip: string | null = null;
  let latitude: number | null = null;
  let longitude: number | null = null;
  if (hasPlace) {
    if (!fields.zip.trim()) errors.zip = "required";
    else {
      zip = normalizeZip(fields.zip) ?? null;
      if (!zip) errors.zip = "invalid_zip";
      else {
        const [centroid] = await ctx.db.select().from(zipCentroids).where(eq(zipCentroids.zcta, zip));
        if (!centroid) errors.zip = "unknown_zip";
        else {
          latitude = centroid.latitude;
          longitude = centroid.longitude;
        }
      }
    }
  }

  const url = (field: "livestreamUrl" | "recordingUrl" | "notesUrl" | "slidesUrl", required = false) => {
    const value = fields[field].trim();
    if (!value) {
      if (required) errors[field] = "required";
      return null;
    }
    const parsed = parseWebUrl(value, true);
    if (!parsed) errors[field] = "invalid_url";
    return parsed ?? null;
  };
  const livestreamUrl = url("livestreamUrl", format === "online");
  const recordingUrl = url("recordingUrl");
  const notesUrl = url("notesUrl");
  const slidesUrl = url("slidesUrl");

  let capacity: number | null = null;
  const capacityText = fields.capacity.trim();
  if (capacityText) {
    capacity = /^\d{1,6}$/.test(capacityText) ? Number(capacityText) : NaN;
    if (!Number.isInteger(capacity) || capacity < 1 || capacity > EVENT_LIMITS.capacity) errors.capacity = "out_of_range";
  }

  if (Object.keys(errors).length > 0 || !title || !kind || !format || !startsAt || !endsAt) {
    throw invalid("The event has problems: see each field.", errors);
  }
  return {
    slug: slugify(title).slice(0, 60).replace(/-+$/, "") || "event",
    kind,
    title,
    description,
    startsAt,
    endsAt,
    timeZone,
    format,
    venueName,
    address,
    city,
    state,
    zip,
    latitude,
    longitude,
    addressForAttendeesOnly: hasPlace && Boolean(address) && fields.addressForAttendeesOnly === "yes",
    livestreamUrl: hasStream ? livestreamUrl : null,
    recordingUrl,
    notesUrl,
    slidesUrl,
    capacity,
  };
}
