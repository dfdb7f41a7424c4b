import { zipCentroids } from "../../db/schema/index.js";
import { cacheTags } from "../../db/read-cache.js";
import type { Ctx } from "../context.js";

export interface ZipPoint {
  lat: number;
  lng: number;
  /** Every state the ZIP area touches, the USPS one first when known. */
  states: string[];
}

/**
 * The centre of every ZIP area (about 34,000), from memory: "near a ZIP" on the group and event
 * lists reads one per request. Reloaded when the public data changes.
 */
export function loadZipPoints(ctx: Ctx): Promise<Map<string, ZipPoint>> {
  return ctx.cache.get(`${cacheTags.publicData}:zip-points`, async () => {
    const rows = await ctx.db
      .select({ zcta: zipCentroids.zcta, latitude: zipCentroids.latitude, longitude: zipCentroids.longitude, states: zipCentroids.states })
      .from(zipCentroids);
    return new Map(rows.map((r) => [r.zcta, { lat: r.latitude, lng: r.longitude, states: r.states.split("|") }]));
  });
}
