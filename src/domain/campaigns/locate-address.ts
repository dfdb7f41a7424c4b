import { GeocoderUnavailableError, type Geocoder } from "../../integrations/geocoder/geocoder.js";
import { loadCongressDirectory, seatKey, type ZipDistrict } from "../congress/congress-directory.js";
import { loadDistrictIndex } from "../congress/district-index.js";
import type { Ctx } from "../context.js";
import { invalid } from "../errors.js";

export type LocateAddressResult =
  | {
      kind: "found";
      /** The most likely seat ("MN-5"): the district our shapes put the address in. */
      seat: string;
      /**
       * Every seat the address may be in, `seat` first: more than one when it is within about
       * 500 m of a district line (our shapes are simplified), or when the geocoder disagrees.
       */
      seats: string[];
      nearLine: boolean;
      matchedAddress: string;
    }
  | { kind: "not_found" }
  /** The geocoder could not be reached: keep showing the ZIP's candidates and say so. */
  | { kind: "unavailable" };

const MAX_ADDRESS = 200;

/**
 * Narrow a ZIP that spans districts: a street address, placed by the geocoder, then put in a
 * district with our own shapes (docs/decisions/0016). The geocoder's own district answer is used
 * when our shapes cannot place the point (water, a dropped islet), and listed too when it
 * disagrees with them. The ZIP is appended when the person typed only a street, since
 * "123 Main St" alone is everywhere.
 */
export async function locateAddress({
  ctx,
  input,
}: {
  ctx: Ctx & { geocoder: Geocoder };
  input: { address: string; zip?: string | undefined };
}): Promise<LocateAddressResult> {
  const address = input.address.trim().replace(/\s+/g, " ");
  if (!address) throw invalid("Enter a street address.", { address: "required" });
  if (address.length > MAX_ADDRESS) throw invalid(`Addresses are at most ${MAX_ADDRESS} characters.`, { address: "too_long" });
  const query = input.zip && !address.includes(input.zip) ? `${address}, ${input.zip}` : address;
  let found;
  try {
    found = await ctx.geocoder.districtForAddress(query);
  } catch (error) {
    if (error instanceof GeocoderUnavailableError) return { kind: "unavailable" };
    throw error;
  }
  if (!found) return { kind: "not_found" };
  const [directory, index] = await Promise.all([loadCongressDirectory(ctx), found.point ? loadDistrictIndex(ctx) : null]);

  const seats: ZipDistrict[] = [];
  if (found.point && index) {
    const placed = index.place(found.point.lat, found.point.lng);
    seats.push(...(placed.district ? [placed.district] : []), ...placed.nearby.map(({ state, district }) => ({ state, district })));
  }
  const state = found.stateFips === undefined ? undefined : [...directory.states.values()].find((s) => s.fips === found.stateFips);
  if (state && found.district !== undefined && !seats.some((d) => d.state === state.code && d.district === found.district)) {
    seats.push({ state: state.code, district: found.district });
  }
  if (seats.length === 0) return { kind: "not_found" };
  const keys = seats.map((d) => seatKey(d.state, d.district));
  return { kind: "found", seat: keys[0]!, seats: keys, nearLine: keys.length > 1, matchedAddress: found.matchedAddress };
}
