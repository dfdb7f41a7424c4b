import { doublePrecision, index, integer, pgTable, text } from "drizzle-orm/pg-core";

/** A sitting member of Congress, from congress-legislators' legislators-current.yaml (current term only). */
export const members = pgTable(
  "members",
  {
    bioguideId: text("bioguide_id").primaryKey(),
    chamber: text("chamber", { enum: ["house", "senate"] }).notNull(),
    state: text("state").notNull(),
    /** House only: 0 for at-large seats and delegates, as in the ZIP → district file. */
    district: integer("district"),
    firstName: text("first_name").notNull(),
    lastName: text("last_name").notNull(),
    fullName: text("full_name").notNull(),
    party: text("party").notNull(),
    /** Senate only: "senior" or "junior". */
    stateRank: text("state_rank"),
    senateClass: integer("senate_class"),
    termStart: text("term_start").notNull(),
    termEnd: text("term_end").notNull(),
    phone: text("phone"),
    websiteUrl: text("website_url"),
    contactFormUrl: text("contact_form_url"),
    officeAddress: text("office_address"),
    twitter: text("twitter"),
    facebook: text("facebook"),
    instagram: text("instagram"),
    youtube: text("youtube"),
    mastodon: text("mastodon"),
    bluesky: text("bluesky"),
  },
  (t) => [index("members_state_district_idx").on(t.state, t.district)],
);

/** District (local) offices: a second number to call when the Capitol voicemail box is full. */
export const memberOffices = pgTable(
  "member_offices",
  {
    id: text("id").primaryKey(),
    bioguideId: text("bioguide_id")
      .notNull()
      .references(() => members.bioguideId, { onDelete: "cascade" }),
    address: text("address"),
    suite: text("suite"),
    building: text("building"),
    city: text("city"),
    state: text("state"),
    zip: text("zip"),
    phone: text("phone"),
    fax: text("fax"),
    latitude: doublePrecision("latitude"),
    longitude: doublePrecision("longitude"),
  },
  (t) => [index("member_offices_bioguide_idx").on(t.bioguideId)],
);
