import { integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/** Fixed-window counters shared by every app process (so a limit holds behind a load balancer). */
export const rateLimits = pgTable("rate_limits", {
  /** "<bucket>:<client key>:<window start epoch seconds>". */
  key: text("key").primaryKey(),
  count: integer("count").notNull(),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
});
