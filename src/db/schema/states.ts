import { integer, pgTable, text } from "drizzle-orm/pg-core";

/** The 50 states, DC and the five territories with a delegate in the House. */
export const states = pgTable("states", {
  usps: text("usps").primaryKey(),
  name: text("name").notNull(),
  fips: text("fips").notNull().unique(),
  houseSeats: integer("house_seats").notNull(),
  hasNonvotingDelegate: integer("nonvoting_delegate").notNull(),
  senators: integer("senators").notNull(),
  /** "state", "district" (DC) or "territory". */
  type: text("type").notNull(),
});
