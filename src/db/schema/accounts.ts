import { index, integer, jsonb, pgTable, serial, text, timestamp } from "drizzle-orm/pg-core";
import { people } from "./people.js";

/**
 * National staff. Anyone else who signs in is an organizer of one or more groups
 * (group_organizers); a person who is neither has nothing to sign in to.
 */
export const admins = pgTable("admins", {
  personId: integer("person_id")
    .primaryKey()
    .references(() => people.id, { onDelete: "cascade" }),
  grantedAt: timestamp("granted_at", { withTimezone: true }).notNull(),
  /** Null when made with `npm run admin:create`. */
  grantedBy: integer("granted_by").references(() => people.id, { onDelete: "set null" }),
});

/** An optional password (argon2id) for people who prefer one to e-mailed links. */
export const passwordCredentials = pgTable("password_credentials", {
  personId: integer("person_id")
    .primaryKey()
    .references(() => people.id, { onDelete: "cascade" }),
  hash: text("hash").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
});

/** Signed-in browsers. The cookie holds a random token; only its hash is stored here. */
export const sessions = pgTable(
  "sessions",
  {
    tokenHash: text("token_hash").primaryKey(),
    personId: integer("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull(),
    /** "Chrome on Android", for the list of signed-in devices. */
    userAgent: text("user_agent"),
  },
  (t) => [index("sessions_person_idx").on(t.personId)],
);

/**
 * Every admin and organizer action and every export: who, what, when. Kept when the actor is
 * deleted (the name stays in `detail`).
 */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: serial("id").primaryKey(),
    actorId: integer("actor_id").references(() => people.id, { onDelete: "set null" }),
    /** e.g. "group.update", "members.export", "application.approve". */
    action: text("action").notNull(),
    /** e.g. "group:12". */
    subject: text("subject"),
    detail: jsonb("detail").$type<Record<string, unknown>>(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("audit_events_created_idx").on(t.createdAt), index("audit_events_subject_idx").on(t.subject)],
);
