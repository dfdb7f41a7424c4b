import { doublePrecision, index, integer, pgTable, primaryKey, text } from "drizzle-orm/pg-core";

/**
 * ZIP Code Tabulation Area → congressional district. One ZCTA can touch several districts
 * (and even several states); every candidate is kept so the app can ask instead of guessing.
 */
export const zipDistricts = pgTable(
  "zip_districts",
  {
    zcta: text("zcta").notNull(),
    state: text("state").notNull(),
    district: integer("district").notNull(),
  },
  (t) => [primaryKey({ columns: [t.zcta, t.state, t.district] }), index("zip_districts_state_district_idx").on(t.state, t.district)],
);

/** Census internal point of each ZCTA: the coordinates to measure distances with. */
export const zipCentroids = pgTable("zip_centroids", {
  zcta: text("zcta").primaryKey(),
  latitude: doublePrecision("latitude").notNull(),
  longitude: doublePrecision("longitude").notNull(),
  /** USPS codes joined with "|" for the few ZCTAs that cross a state line. */
  states: text("states").notNull(),
});

/** City and county labels for ZIP codes (CC BY 4.0, see the datasets table for the credit line). */
export const zipCities = pgTable("zip_cities", {
  zip: text("zip").primaryKey(),
  city: text("city").notNull(),
  state: text("state").notNull(),
  county: text("county"),
});
