import { boolean, doublePrecision, index, integer, jsonb, pgTable, primaryKey, serial, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { people } from "./people.js";

export const groupKinds = ["state campaign", "PNHP chapter", "local group", "labor", "national organization"] as const;
export type GroupKind = (typeof groupKinds)[number];

/** Social profiles a group may list; the keys are the only ones pages show. */
export type GroupSocialLinks = Partial<Record<"facebook" | "instagram" | "x" | "bluesky" | "mastodon" | "youtube", string>>;

/** A local (or national) single-payer group people can join. */
export const groups = pgTable(
  "groups",
  {
    id: serial("id").primaryKey(),
    /** URL name, unique within its state: /groups/mn/<slug>. */
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    /** USPS code, or "US" for national organizations. */
    state: text("state").notNull(),
    city: text("city"),
    /** Where the group is, for "near me": given, or the centre of its city's ZIP areas. */
    latitude: doublePrecision("latitude"),
    longitude: doublePrecision("longitude"),
    websiteUrl: text("website_url"),
    /**
     * What the group publishes as its contact: a contact page URL (shown as a link) or an
     * e-mail address (never shown; the "contact the organizers" form relays to it).
     */
    contact: text("contact"),
    socialLinks: jsonb("social_links").$type<GroupSocialLinks>(),
    /** Markdown, rendered through src/lib/markdown.ts (safe by construction). */
    description: text("description"),
    meetingDetails: text("meeting_details"),
    kind: text("kind", { enum: groupKinds }).notNull(),
    /** pending: a founding application not yet approved, never listed publicly. */
    status: text("status", { enum: ["pending", "active", "inactive"] }).notNull(),
    /** Last time an organizer (or the source page) confirmed the group is still meeting. */
    lastConfirmedAt: timestamp("last_confirmed_at", { withTimezone: true }),
    /** Where the facts came from, and the date shown there ("undated" when none). */
    sourceUrl: text("source_url"),
    sourceAsOf: text("source_as_of"),
    notes: text("notes"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("groups_state_slug_idx").on(t.state, t.slug), index("groups_state_status_idx").on(t.state, t.status)],
);

/** Someone who joined a group: pending until they confirm their address by e-mail. */
export const groupMemberships = pgTable(
  "group_memberships",
  {
    groupId: integer("group_id")
      .notNull()
      .references(() => groups.id, { onDelete: "cascade" }),
    personId: integer("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    status: text("status", { enum: ["pending", "active", "left"] }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.personId] }), index("group_memberships_person_idx").on(t.personId)],
);

/** People who run a group's page and hear about its new members. */
export const groupOrganizers = pgTable(
  "group_organizers",
  {
    groupId: integer("group_id")
      .notNull()
      .references(() => groups.id, { onDelete: "cascade" }),
    personId: integer("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    isFounder: boolean("is_founder").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.personId] }), index("group_organizers_person_idx").on(t.personId)],
);

/** A request to found a group where there is none; national staff approve or reject it. */
export const groupApplications = pgTable(
  "group_applications",
  {
    id: serial("id").primaryKey(),
    /** The pending group this application would bring to life. */
    groupId: integer("group_id")
      .notNull()
      .references(() => groups.id, { onDelete: "cascade" }),
    applicantId: integer("applicant_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    why: text("why").notNull(),
    whoTheyKnow: text("who_they_know"),
    experience: text("experience"),
    /** more_info_requested: staff asked the applicant a question (in decisionNote); still undecided. */
    status: text("status", { enum: ["pending", "more_info_requested", "approved", "rejected"] }).notNull(),
    decisionNote: text("decision_note"),
    /** The applicant's answer to the latest question, written on the page the question's e-mail links to. */
    applicantAnswer: text("applicant_answer"),
    answeredAt: timestamp("answered_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
  },
  (t) => [index("group_applications_status_idx").on(t.status)],
);

/**
 * Someone tells national staff that a group's listing is wrong or out of date (it stopped
 * meeting, it moved, the link is dead). Staff resolve it (after editing the group) or dismiss it.
 */
export const groupChangeReports = pgTable(
  "group_change_reports",
  {
    id: serial("id").primaryKey(),
    groupId: integer("group_id")
      .notNull()
      .references(() => groups.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: ["wrong_details", "not_meeting", "other"] }).notNull(),
    message: text("message").notNull(),
    /** Optional, so staff can ask a follow-up question; never shown publicly. */
    reporterEmail: text("reporter_email"),
    status: text("status", { enum: ["open", "resolved", "dismissed"] }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    decidedBy: integer("decided_by").references(() => people.id, { onDelete: "set null" }),
    decisionNote: text("decision_note"),
  },
  (t) => [index("group_change_reports_status_idx").on(t.status)],
);
