import { groupKinds, type GroupKind, type GroupSocialLinks } from "../../../db/schema/index.js";
import { slugify } from "../../../lib/slugify.js";
import type { FieldErrorCode } from "../../errors.js";
import { validateEmail } from "../../updates/validate-email.js";

export const groupStatuses = ["pending", "active", "inactive"] as const;
export type GroupStatus = (typeof groupStatuses)[number];
export const socialKeys = ["facebook", "instagram", "x", "bluesky", "mastodon", "youtube"] as const;
export type SocialKey = (typeof socialKeys)[number];

/**
 * Every field national staff may set on a group, with its CSV column. The export writes these
 * columns in this order, and the import reads them back, so an exported file edited in a
 * spreadsheet imports cleanly.
 */
export const groupFieldColumns = {
  name: "name",
  slug: "slug",
  state: "state",
  city: "city",
  kind: "kind",
  status: "status",
  websiteUrl: "website_url",
  contact: "contact",
  description: "description",
  meetingDetails: "meeting_details",
  latitude: "latitude",
  longitude: "longitude",
  sourceUrl: "source_url",
  sourceAsOf: "source_as_of",
  notes: "notes",
  facebook: "facebook",
  instagram: "instagram",
  x: "x",
  bluesky: "bluesky",
  mastodon: "mastodon",
  youtube: "youtube",
} as const;
export type GroupField = keyof typeof groupFieldColumns;
export const groupFields = Object.keys(groupFieldColumns) as GroupField[];

/** Cleaned values of the fields that were given; a social key set to null removes that link. */
export interface GroupValues {
  name?: string;
  slug?: string;
  state?: string;
  city?: string | null;
  kind?: GroupKind;
  status?: GroupStatus;
  websiteUrl?: string | null;
  contact?: string | null;
  description?: string | null;
  meetingDetails?: string | null;
  latitude?: number | null;
  longitude?: number | null;
  sourceUrl?: string | null;
  sourceAsOf?: string | null;
  notes?: string | null;
  social?: Partial<Record<SocialKey, string | null>>;
}

const limits: Partial<Record<GroupField, number>> = {
  name: 120,
  slug: 80,
  city: 80,
  contact: 500,
  description: 8000,
  meetingDetails: 2000,
  sourceAsOf: 40,
  notes: 4000,
};

export const isWebUrl = (value: string) => {
  if (!/^https?:\/\//i.test(value) || /\s/.test(value)) return false;
  try {
    return Boolean(new URL(value).hostname);
  } catch {
    return false;
  }
};

/**
 * Check and clean the group fields present in `raw` (absent ones are left alone: a CSV without
 * a column, say). Required fields are required when present, and always when `creating`.
 */
export function validateGroupFields(
  raw: Partial<Record<GroupField, string>>,
  options: { stateCodes: ReadonlySet<string>; creating: boolean },
): { values: GroupValues; errors: Partial<Record<GroupField, FieldErrorCode>> } {
  const values: GroupValues = {};
  const errors: Partial<Record<GroupField, FieldErrorCode>> = {};
  const has = (field: GroupField) => raw[field] !== undefined;
  // Browsers send line breaks as CRLF; store and compare them as LF.
  const text = (field: GroupField) => (raw[field] ?? "").replace(/\r\n?/g, "\n").trim();
  const tooLong = (field: GroupField, value: string) => {
    const max = limits[field] ?? 2000;
    if (value.length > max) errors[field] = "too_long";
    return value.length > max;
  };
  const optionalText = (field: GroupField) => {
    const value = text(field);
    if (tooLong(field, value)) return undefined;
    return value || null;
  };
  const optionalUrl = (field: GroupField) => {
    const value = text(field);
    if (!value) return null;
    if (tooLong(field, value)) return undefined;
    if (!isWebUrl(value)) {
      errors[field] = "invalid_url";
      return undefined;
    }
    return value;
  };
  const coordinate = (field: "latitude" | "longitude", bound: number) => {
    const value = text(field);
    if (!value) return null;
    const n = Number(value);
    if (!/^-?\d+(\.\d+)?$/.test(value) || !Number.isFinite(n) || Math.abs(n) > bound) {
      errors[field] = "out_of_range";
      return undefined;
    }
    return n;
  };

  if (has("name") || options.creating) {
    const name = text("name");
    if (!name) errors.name = "required";
    else if (!tooLong("name", name)) values.name = name;
  }
  if (has("slug") || options.creating) {
    // Anything typed becomes a valid slug; an empty one comes from the name.
    const slug = slugify(text("slug") || (values.name ?? ""));
    if (!slug) {
      if (!errors.name) errors.slug = "required";
    } else if (!tooLong("slug", slug)) values.slug = slug;
  }
  if (has("state") || options.creating) {
    const state = text("state").toUpperCase();
    if (!state) errors.state = "required";
    else if (!options.stateCodes.has(state)) errors.state = "invalid_choice";
    else values.state = state;
  }
  if (has("kind") || options.creating) {
    const kind = text("kind");
    if (!kind) errors.kind = "required";
    else if (!(groupKinds as readonly string[]).includes(kind)) errors.kind = "invalid_choice";
    else values.kind = kind as GroupKind;
  }
  if (has("status")) {
    const status = text("status");
    if (status && !(groupStatuses as readonly string[]).includes(status)) errors.status = "invalid_choice";
    else if (status) values.status = status as GroupStatus;
  }
  for (const field of ["city", "description", "meetingDetails", "sourceAsOf", "notes"] as const) {
    if (!has(field)) continue;
    const value = optionalText(field);
    if (value !== undefined) values[field] = value;
  }
  for (const field of ["websiteUrl", "sourceUrl"] as const) {
    if (!has(field)) continue;
    const value = optionalUrl(field);
    if (value !== undefined) values[field] = value;
  }
  if (has("contact")) {
    // A contact page (shown as a link) or an e-mail address (never shown; the relay form uses it).
    const value = text("contact");
    if (!value) values.contact = null;
    else if (!tooLong("contact", value)) {
      if (/^https?:/i.test(value) ? isWebUrl(value) : !validateEmail(value)) values.contact = value;
      else errors.contact = /^https?:/i.test(value) ? "invalid_url" : "invalid_email";
    }
  }
  if (has("latitude")) {
    const value = coordinate("latitude", 90);
    if (value !== undefined) values.latitude = value;
  }
  if (has("longitude")) {
    const value = coordinate("longitude", 180);
    if (value !== undefined) values.longitude = value;
  }
  for (const key of socialKeys) {
    if (!has(key)) continue;
    const value = optionalUrl(key);
    if (value !== undefined) values.social = { ...values.social, [key]: value };
  }
  return { values, errors };
}

/** The social links after applying `changes` to `current` (null removes a link). */
export function mergeSocialLinks(current: GroupSocialLinks | null, changes: GroupValues["social"]): GroupSocialLinks {
  const merged: GroupSocialLinks = { ...(current ?? {}) };
  for (const [key, value] of Object.entries(changes ?? {}) as [SocialKey, string | null][]) {
    if (value) merged[key] = value;
    else delete merged[key];
  }
  return merged;
}

/** A stored group's editable fields as strings, for forms and the CSV export. */
export function groupFieldStrings(row: {
  name: string;
  slug: string;
  state: string;
  city: string | null;
  kind: string;
  status: string;
  websiteUrl: string | null;
  contact: string | null;
  description: string | null;
  meetingDetails: string | null;
  latitude: number | null;
  longitude: number | null;
  sourceUrl: string | null;
  sourceAsOf: string | null;
  notes: string | null;
  socialLinks: GroupSocialLinks | null;
}): Record<GroupField, string> {
  const s = (v: string | number | null) => (v === null ? "" : String(v).replace(/\r\n?/g, "\n"));
  const social = row.socialLinks ?? {};
  return {
    name: row.name,
    slug: row.slug,
    state: row.state,
    city: s(row.city),
    kind: row.kind,
    status: row.status,
    websiteUrl: s(row.websiteUrl),
    contact: s(row.contact),
    description: s(row.description),
    meetingDetails: s(row.meetingDetails),
    latitude: s(row.latitude),
    longitude: s(row.longitude),
    sourceUrl: s(row.sourceUrl),
    sourceAsOf: s(row.sourceAsOf),
    notes: s(row.notes),
    facebook: social.facebook ?? "",
    instagram: social.instagram ?? "",
    x: social.x ?? "",
    bluesky: social.bluesky ?? "",
    mastodon: social.mastodon ?? "",
    youtube: social.youtube ?? "",
  };
}

/** The columns to write for `values` (social links merged into the stored ones). */
export function groupRowChanges(values: GroupValues, currentSocial: GroupSocialLinks | null) {
  const { social, ...columns } = values;
  return { ...columns, ...(social ? { socialLinks: mergeSocialLinks(currentSocial, social) } : {}) };
}
