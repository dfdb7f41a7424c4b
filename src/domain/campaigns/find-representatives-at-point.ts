import { loadCongressDirectory } from "../congress/congress-directory.js";
import { loadDistrictIndex } from "../congress/district-index.js";
import type { Ctx } from "../context.js";
import { invalid, notFound, unavailable, type FieldErrors } from "../errors.js";
import { getCampaign } from "./campaign-catalogue.js";
import { representativesFor, type Representatives } from "./find-representatives.js";

export interface FindRepresentativesAtPointInput {
  campaignSlug: string;
  /** Degrees, as typed in a query string ("44.9537") or as numbers. */
  lat: string | number | undefined;
  lng: string | number | undefined;
}

const DECIMAL = /^\s*[-+]?(\d{1,3}(\.\d*)?|\.\d+)\s*$/;

/** A coordinate in degrees within ±limit, or the reason it is not one. */
function coordinate(value: string | number | undefined, limit: number): number | "required" | "out_of_range" {
  if (value === undefined || (typeof value === "string" && value.trim() === "")) return "required";
  const n = typeof value === "number" ? value : DECIMAL.test(value) ? Number(value) : NaN;
  return Number.isFinite(n) && Math.abs(n) <= limit ? n : "out_of_range";
}

/**
 * The members of Congress for a point (the browser's location, or an API caller's): the district
 * our own shapes put it in, plus any district within about 500 m of it, since the shapes are
 * simplified to a few hundred metres (PROVENANCE.md §7). A point just off the coast (a pier, an
 * islet the simplification dropped) gets the districts within that distance. Nothing about the
 * point is stored or logged.
 */
export async function findRepresentativesAtPoint({ ctx, input }: { ctx: Ctx; input: FindRepresentativesAtPointInput }): Promise<Representatives> {
  const lat = coordinate(input.lat, 90);
  const lng = coordinate(input.lng, 180);
  if (typeof lat === "string" || typeof lng === "string") {
    const fields: FieldErrors = {};
    if (typeof lat === "string") fields.lat = lat;
    if (typeof lng === "string") fields.lng = lng;
    throw invalid("Give lat and lng in decimal degrees: lat from -90 to 90, lng from -180 to 180, like lat=44.9537&lng=-93.0900.", fields);
  }
  const [campaign, directory, index] = await Promise.all([getCampaign({ ctx, input: { slug: input.campaignSlug } }), loadCongressDirectory(ctx), loadDistrictIndex(ctx)]);
  if (directory.members.size === 0 || !index) {
    throw unavailable("The members of Congress or the district shapes have not been imported yet. Run `npm run data:update`.");
  }
  const placed = index.place(lat, lng);
  const districts = [...(placed.district ? [placed.district] : []), ...placed.nearby.map(({ state, district }) => ({ state, district }))];
  if (districts.length === 0) {
    throw notFound("That point is not in any US congressional district (the 50 states, DC, Puerto Rico and the island areas). Check the coordinates, or search by ZIP code.");
  }
  return {
    ...representativesFor(directory, campaign, { zip: null, city: null, districts, narrowedTo: districts.length === 1 ? districts[0]! : null }),
    location: { nearLine: districts.length > 1 },
  };
}
