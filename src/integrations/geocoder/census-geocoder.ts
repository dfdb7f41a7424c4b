import { z } from "zod";
import { districtFromCensusCode, GeocoderUnavailableError, type AddressDistrict, type Geocoder } from "./geocoder.js";

const CensusResponse = z.object({
  result: z.object({
    addressMatches: z.array(
      z.object({
        matchedAddress: z.string(),
        coordinates: z.object({ x: z.number(), y: z.number() }).optional(),
        geographies: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))),
      }),
    ),
  }),
});

export interface CensusGeocoderOptions {
  /** Defaults to the public service; tests point it at a local server. */
  baseUrl?: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/**
 * The U.S. Census Bureau geocoder (free, no key): one-line address → congressional district,
 * using the current district layer whatever Congress it is named after.
 * https://geocoding.geo.census.gov/geocoder/Geocoding_Services_API.html
 */
export function censusGeocoder(options: CensusGeocoderOptions = {}): Geocoder {
  const baseUrl = (options.baseUrl ?? "https://geocoding.geo.census.gov").replace(/\/$/, "");
  const timeoutMs = options.timeoutMs ?? 8000;
  const fetchImpl = options.fetch ?? fetch;
  return {
    async districtForAddress(address) {
      const url = new URL(`${baseUrl}/geocoder/geographies/onelineaddress`);
      url.searchParams.set("address", address);
      url.searchParams.set("benchmark", "Public_AR_Current");
      url.searchParams.set("vintage", "Current_Current");
      url.searchParams.set("format", "json");
      let body: unknown;
      try {
        const response = await fetchImpl(url, { signal: AbortSignal.timeout(timeoutMs), headers: { accept: "application/json" } });
        if (!response.ok) throw new GeocoderUnavailableError(`The Census geocoder answered ${response.status}.`);
        body = await response.json();
      } catch (error) {
        if (error instanceof GeocoderUnavailableError) throw error;
        throw new GeocoderUnavailableError(`The Census geocoder could not be reached: ${(error as Error).message}`);
      }
      return parseCensusResponse(body);
    },
  };
}

/**
 * The first match with a point or a district (usually both), or null when the address did not
 * match. Exported for tests.
 */
export function parseCensusResponse(body: unknown): AddressDistrict | null {
  const parsed = CensusResponse.safeParse(body);
  if (!parsed.success) throw new GeocoderUnavailableError("The Census geocoder sent an answer we do not understand.");
  for (const match of parsed.data.result.addressMatches) {
    const { x, y } = match.coordinates ?? {};
    const point = x !== undefined && y !== undefined && Math.abs(y) <= 90 && Math.abs(x) <= 180 ? { lat: y, lng: x } : undefined;
    const layer = Object.entries(match.geographies).find(([name]) => /congressional district/i.test(name))?.[1]?.[0];
    const codeField = layer ? Object.keys(layer).find((k) => /^CD\d{3}$/.test(k)) : undefined;
    const code = layer ? String(codeField ? layer[codeField] : (layer.BASENAME ?? "")) : "";
    const district = districtFromCensusCode(code.padStart(2, "0"));
    const stateFips = typeof layer?.STATE === "string" ? layer.STATE : undefined;
    if (district !== undefined && stateFips) return { matchedAddress: match.matchedAddress, ...(point ? { point } : {}), stateFips, district };
    if (point) return { matchedAddress: match.matchedAddress, point };
  }
  return null;
}
