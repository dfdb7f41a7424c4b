import { index, integer, pgTable, primaryKey, serial, text, timestamp } from "drizzle-orm/pg-core";

/**
 * One record per person, whatever they did first (signed up, joined a group, took action).
 * `emailKey` (trimmed, lower-cased) is what makes two forms the same person.
 */
export const people = pgTable("people", {
  id: serial("id").primaryKey(),
  email: text("email").notNull(),
  emailKey: text("email_key").notNull().unique(),
  name: text("name").notNull(),
  zip: text("zip"),
  state: text("state"),
  phone: text("phone"),
  /** Language for the e-mail we send them: the one the page was in when they signed up. */
  locale: text("locale").notNull().default("en"),
  /** Set when they clicked a confirmation link: proof the address is theirs (double opt-in). */
  emailConfirmedAt: timestamp("email_confirmed_at", { withTimezone: true }),
  /** First touch: which page, campaign and referral code brought them. */
  sourcePage: text("source_page"),
  sourceCampaign: text("source_campaign"),
  referralCode: text("referral_code"),
  /** Bumped to revoke every unsubscribe/preferences link already sent to this person. */
  linkVersion: integer("link_version").notNull().default(1),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Consent to one list: "national", "state" (updates for the person's state only) or
 * "group:<id>". Pending until the address is confirmed; unsubscribed is kept, never deleted,
 * so a broadcast can never mail someone who said no.
 */
export const subscriptions = pgTable(
  "subscriptions",
  {
    personId: integer("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    list: text("list").notNull(),
    status: text("status", { enum: ["pending", "active", "unsubscribed"] }).notNull(),
    sourcePage: text("source_page"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
    unsubscribedAt: timestamp("unsubscribed_at", { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.personId, t.list] }), index("subscriptions_list_status_idx").on(t.list, t.status)],
);

/** Single-use links sent by e-mail. Only a hash is stored: a database leak reveals no live link. */
export const emailTokens = pgTable(
  "email_tokens",
  {
    tokenHash: text("token_hash").primaryKey(),
    personId: integer("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    purpose: text("purpose", { enum: ["confirm", "sign_in"] }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (t) => [index("email_tokens_person_idx").on(t.personId)],
);
