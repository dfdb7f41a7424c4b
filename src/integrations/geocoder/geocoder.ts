/**
 * A street address as the geocoder found it: where it is and, when the service says, its
 * congressional district. The app places the point with its own district shapes
 * (docs/decisions/0016); the geocoder's district is the fallback and a cross-check.
 */
export interface AddressDistrict {
  /** The address as the geocoder understood it, to show back to the person. */
  matchedAddress: string;
  /** Where the address is (WGS84 degrees). */
  point?: { lat: number; lng: number } | undefined;
  /** Two-digit state FIPS code, e.g. "27", when the geocoder gives the district. */
  stateFips?: string | undefined;
  /** 0 for at-large seats and delegates. */
  district?: number | undefined;
}

/**
 * Finds the congressional district of an address. The real one asks the U.S. Census
 * geocoder; tests use FakeGeocoder. Both resolve to null when the address is not found and
 * throw GeocoderUnavailableError when the service cannot be reached.
 */
export interface Geocoder {
  districtForAddress(address: string): Promise<AddressDistrict | null>;
}

export class GeocoderUnavailableError extends Error {
  override name = "GeocoderUnavailableError";
}

/**
 * The Census gives districts as two characters: "00" at-large, "98" for delegates and the
 * resident commissioner, "ZZ" for water. Returns undefined for anything that is not a seat.
 */
export function districtFromCensusCode(code: string): number | undefined {
  if (code === "98" || code === "00") return 0;
  const n = Number(code);
  return /^\d{1,2}$/.test(code) && n >= 1 && n <= 60 ? n : undefined;
}
