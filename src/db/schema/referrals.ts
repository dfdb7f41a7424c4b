import { index, integer, pgTable, serial, text, timestamp } from "drizzle-orm/pg-core";
import { people } from "./people.js";

/**
 * A personal share code (`?ref=<code>`). Someone who signed up or joined has one code for good
 * (`personId`); someone who only reported a call gets an anonymous code remembered by a cookie.
 */
export const referralCodes = pgTable("referral_codes", {
  code: text("code").primaryKey(),
  personId: integer("person_id")
    .unique()
    .references(() => people.id, { onDelete: "cascade" }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
});

export const attributionKinds = ["signup", "join", "action", "found", "rsvp"] as const;
export type AttributionKind = (typeof attributionKinds)[number];

/**
 * What brought each sign-up, join and action: the referral code and the utm_source /
 * utm_campaign of the link the person arrived by (last touch within 30 days). One row per
 * event, so "people who joined through your link" and "top sources" are plain counts.
 */
export const attributions = pgTable(
  "attributions",
  {
    id: serial("id").primaryKey(),
    kind: text("kind", { enum: attributionKinds }).notNull(),
    /** What was done: "list:national", "group:12", "campaign:medicare-for-all". */
    subject: text("subject").notNull(),
    personId: integer("person_id").references(() => people.id, { onDelete: "set null" }),
    referralCode: text("referral_code").references(() => referralCodes.code, { onDelete: "set null" }),
    utmSource: text("utm_source"),
    utmCampaign: text("utm_campaign"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("attributions_referral_code_idx").on(t.referralCode), index("attributions_created_at_idx").on(t.createdAt)],
);
