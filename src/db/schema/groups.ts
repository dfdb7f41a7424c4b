import { index, pgTable, serial, text, timestamp } from "drizzle-orm/pg-core";

/** A local (or national) single-payer group people can join. */
export const groups = pgTable(
  "groups",
  {
    id: serial("id").primaryKey(),
    slug: text("slug").notNull().unique(),
    name: text("name").notNull(),
    /** USPS code, or "US" for national organizations. */
    state: text("state").notNull(),
    city: text("city"),
    websiteUrl: text("website_url"),
    /** Public contact: an e-mail address the group publishes, or a contact page URL. */
    contact: text("contact"),
    kind: text("kind", {
      enum: ["state campaign", "PNHP chapter", "local group", "labor", "national organization"],
    }).notNull(),
    status: text("status", { enum: ["active", "pending", "archived"] }).notNull(),
    /** Where the facts came from, and the date shown there ("undated" when none). */
    sourceUrl: text("source_url"),
    sourceAsOf: text("source_as_of"),
    notes: text("notes"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("groups_state_idx").on(t.state)],
);
