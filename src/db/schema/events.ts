import { boolean, date, doublePrecision, index, integer, pgTable, primaryKey, serial, text, timestamp } from "drizzle-orm/pg-core";
import { groups } from "./groups.js";
import { people } from "./people.js";

/** A group's meeting, or a national event (conference, call-in day, training). */
export const eventKinds = ["meeting", "conference", "call_in_day", "training"] as const;
export type EventKind = (typeof eventKinds)[number];

/** in_person: a place; online: a link; hybrid: both. */
export const eventFormats = ["in_person", "online", "hybrid"] as const;
export type EventFormat = (typeof eventFormats)[number];

export const events = pgTable(
  "events",
  {
    id: serial("id").primaryKey(),
    /** URL name after the id: /events/<id>-<slug>. Changing it never breaks a link (the id decides). */
    slug: text("slug").notNull(),
    kind: text("kind", { enum: eventKinds }).notNull(),
    /** The group holding it; null for a national event (created by staff). */
    groupId: integer("group_id").references(() => groups.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    /** Markdown, rendered through src/lib/markdown.ts. */
    description: text("description"),
    /** Instants; shown in `timeZone` (IANA, e.g. "America/Chicago"), the event's own zone. */
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    timeZone: text("time_zone").notNull(),
    format: text("format", { enum: eventFormats }).notNull(),
    venueName: text("venue_name"),
    address: text("address"),
    city: text("city"),
    /** USPS code of the place; for online national events, null. */
    state: text("state"),
    zip: text("zip"),
    /** From the ZIP's centre, for "near a ZIP". */
    latitude: doublePrecision("latitude"),
    longitude: doublePrecision("longitude"),
    /** When true, the street address is shown only to people who RSVP'd (and in their e-mails). */
    addressForAttendeesOnly: boolean("address_for_attendees_only").notNull().default(false),
    /** Where to watch live (online / hybrid). */
    livestreamUrl: text("livestream_url"),
    /** Afterwards. */
    recordingUrl: text("recording_url"),
    notesUrl: text("notes_url"),
    slidesUrl: text("slides_url"),
    /** Places for people who RSVP; null = no limit. Beyond it, people join a waitlist. */
    capacity: integer("capacity"),
    status: text("status", { enum: ["scheduled", "cancelled"] }).notNull().default("scheduled"),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    /** Staff may feature one national event on the home page ("Watch the strategy conference live"). */
    featured: boolean("featured").notNull().default(false),
    /** iCalendar SEQUENCE: bumped on every change attendees are told about, so calendars update. */
    sequence: integer("sequence").notNull().default(0),
    createdByPersonId: integer("created_by_person_id").references(() => people.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("events_starts_at_idx").on(t.startsAt), index("events_group_idx").on(t.groupId), index("events_state_idx").on(t.state)],
);

/** Someone coming to an event: going, on the waitlist, or no longer coming (kept, so a re-RSVP is the same row). */
export const eventRsvps = pgTable(
  "event_rsvps",
  {
    eventId: integer("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    personId: integer("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    status: text("status", { enum: ["going", "waitlisted", "cancelled"] }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.personId] }), index("event_rsvps_person_idx").on(t.personId)],
);

/**
 * One row per reminder e-mailed: the key includes the start time it was about, so a reminder is
 * never sent twice for the same start (whatever restarts or retries happen), and is sent again
 * when the event moves.
 */
export const eventReminders = pgTable(
  "event_reminders",
  {
    eventId: integer("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    personId: integer("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: ["day_before", "hour_before"] }).notNull(),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.personId, t.kind, t.startsAt] })],
);

/** A curated link about Medicare for All: staff add them; /news lists them newest first. */
export const newsItems = pgTable(
  "news_items",
  {
    id: serial("id").primaryKey(),
    title: text("title").notNull(),
    publisher: text("publisher").notNull(),
    /** The article's own date (YYYY-MM-DD). */
    publishedOn: date("published_on", { mode: "string" }).notNull(),
    summary: text("summary").notNull(),
    url: text("url").notNull().unique(),
    /** Topic keys, e.g. "cosponsors", "midterms" (labels in i18n). */
    topics: text("topics").array().notNull().default([]),
    createdByPersonId: integer("created_by_person_id").references(() => people.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("news_items_published_idx").on(t.publishedOn)],
);
