import { GeocoderUnavailableError, type Geocoder } from "../../integrations/geocoder/geocoder.js";
import { loadCongressDirectory, seatKey } from "../congress/congress-directory.js";
import type { Ctx } from "../context.js";
import { invalid } from "../errors.js";

export type LocateAddressResult =
  | { kind: "found"; state: string; district: number; seat: string; matchedAddress: string }
  | { kind: "not_found" }
  /** The geocoder could not be reached: keep showing the ZIP's candidates and say so. */
  | { kind: "unavailable" };

const MAX_ADDRESS = 200;

/**
 * Narrow a ZIP that spans districts: a street address, placed by the geocoder. The ZIP is
 * appended when the person typed only a street, since "123 Main St" alone is everywhere.
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
  const directory = await loadCongressDirectory(ctx);
  const state = [...directory.states.values()].find((s) => s.fips === found.stateFips);
  if (!state) return { kind: "not_found" };
  return { kind: "found", state: state.code, district: found.district, seat: seatKey(state.code, found.district), matchedAddress: found.matchedAddress };
}
