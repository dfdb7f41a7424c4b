import { integer, jsonb, pgTable, primaryKey, text } from "drizzle-orm/pg-core";

/**
 * One polygon of a district: its rings (the outer ring first, then holes), each ring a flat list
 * of coordinates `[lng, lat, lng, lat, …]` in WGS84 degrees. Flat lists keep the stored JSON small
 * and turn straight into the Float64Arrays of the in-memory index (docs/decisions/0016).
 */
export type DistrictPolygon = number[][];

/**
 * The outline of each congressional district (119th Congress, Census cartographic boundaries),
 * keyed like zip_districts: USPS state code and district number, 0 for at-large and delegate seats.
 */
export const districtShapes = pgTable(
  "district_shapes",
  {
    state: text("state").notNull(),
    district: integer("district").notNull(),
    /** Census GEOID: state FIPS + the Census district code ("0650", "5000", "1198"). */
    geoid: text("geoid").notNull(),
    polygons: jsonb("polygons").$type<DistrictPolygon[]>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.state, t.district] })],
);
