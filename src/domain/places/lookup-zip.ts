import { eq } from "drizzle-orm";
import { zipCentroids, zipCities } from "../../db/schema/index.js";
import type { Ctx } from "../context.js";

export interface ZipPlace {
  zip: string;
  /** Every state the ZIP area touches (a few cross a state line); first is the USPS one when known. */
  states: string[];
  city: string | null;
}

/** Accepts "55401" or "55401-1234"; anything else is not a ZIP code. */
export function normalizeZip(value: string): string | undefined {
  const match = /^\s*(\d{5})(?:[-\s]?\d{4})?\s*$/.exec(value);
  return match?.[1];
}

/** What we know about a ZIP code, or undefined when neither ZIP dataset has it. */
export async function lookupZip({ ctx, input }: { ctx: Ctx; input: { zip: string } }): Promise<ZipPlace | undefined> {
  const [[city], [centroid]] = await Promise.all([
    ctx.db.select({ city: zipCities.city, state: zipCities.state }).from(zipCities).where(eq(zipCities.zip, input.zip)),
    ctx.db.select({ states: zipCentroids.states }).from(zipCentroids).where(eq(zipCentroids.zcta, input.zip)),
  ]);
  if (!city && !centroid) return undefined;
  const states = [...new Set([...(city ? [city.state] : []), ...(centroid?.states.split("|") ?? [])])];
  return { zip: input.zip, states, city: city?.city ?? null };
}
