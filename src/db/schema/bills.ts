import { boolean, index, integer, pgTable, primaryKey, text } from "drizzle-orm/pg-core";

/** A Medicare for All bill and how complete our copy of its cosponsor roll is. */
export const bills = pgTable("bills", {
  /** e.g. "119-hr3069". */
  id: text("id").primaryKey(),
  congress: integer("congress").notNull(),
  chamber: text("chamber", { enum: ["house", "senate"] }).notNull(),
  /** Display number, e.g. "H.R.3069". */
  number: text("number").notNull(),
  title: text("title").notNull(),
  introducedOn: text("introduced_on").notNull(),
  sponsorBioguideId: text("sponsor_bioguide_id").notNull(),
  /** The official cosponsor count when known; null when nobody could check it. */
  officialCosponsorCount: integer("official_cosponsor_count"),
  /** Date the official roll was read. */
  cosponsorsAsOf: text("cosponsors_as_of"),
  /** True when every official cosponsor is in bill_cosponsors, so absence means "not a cosponsor". */
  rollComplete: boolean("roll_complete").notNull(),
  isCurrent: boolean("is_current").notNull(),
  sourceUrl: text("source_url").notNull(),
  congressGovUrl: text("congress_gov_url").notNull(),
});

export const billCosponsors = pgTable(
  "bill_cosponsors",
  {
    billId: text("bill_id")
      .notNull()
      .references(() => bills.id, { onDelete: "cascade" }),
    bioguideId: text("bioguide_id").notNull(),
    role: text("role", { enum: ["sponsor", "cosponsor"] }).notNull(),
    /** Name, party, state and district at the date of sponsorship (members leave office). */
    name: text("name").notNull(),
    party: text("party").notNull(),
    state: text("state").notNull(),
    district: integer("district"),
    /** Null when no source gives the date (some 115th-Congress rows). */
    sponsoredOn: text("sponsored_on"),
    isOriginal: boolean("is_original"),
    withdrawnOn: text("withdrawn_on"),
    sourceUrl: text("source_url").notNull(),
  },
  (t) => [primaryKey({ columns: [t.billId, t.bioguideId] }), index("bill_cosponsors_bioguide_idx").on(t.bioguideId)],
);
