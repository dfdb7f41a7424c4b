import { sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { groups, zipCentroids, zipCities } from "../../db/schema/index.js";

/**
 * Give every group without coordinates the centre of its city: the mean of the centre points of
 * the ZIP areas named after that city in that state. Groups whose city we cannot find keep no
 * location; they are listed in their state but not in "near me". Returns how many were placed.
 */
export async function locateGroups(db: Db): Promise<number> {
  const placed = await db.execute(sql`
    update ${groups} set latitude = located.lat, longitude = located.lng
    from (
      select lower(${zipCities.city}) as city, ${zipCities.state} as state,
             avg(${zipCentroids.latitude}) as lat, avg(${zipCentroids.longitude}) as lng
      from ${zipCities} join ${zipCentroids} on ${zipCentroids.zcta} = ${zipCities.zip}
      group by lower(${zipCities.city}), ${zipCities.state}
    ) as located
    where ${groups.latitude} is null and ${groups.city} is not null
      and located.city = lower(${groups.city}) and located.state = ${groups.state}
    returning ${groups.id}`);
  return (placed as unknown as { rows: unknown[] }).rows.length;
}
