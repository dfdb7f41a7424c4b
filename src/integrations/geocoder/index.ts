import type { Config } from "../../config.js";
import { censusGeocoder } from "./census-geocoder.js";
import { GeocoderUnavailableError, type Geocoder } from "./geocoder.js";

export type { AddressDistrict, Geocoder } from "./geocoder.js";
export { GeocoderUnavailableError } from "./geocoder.js";

/** The Census geocoder, or (GEOCODER_URL=off) one that always says it is unavailable. */
export function geocoderFor(config: Config): Geocoder {
  if (!config.geocoderUrl) {
    return {
      districtForAddress: () => Promise.reject(new GeocoderUnavailableError("Address search is turned off (GEOCODER_URL=off).")),
    };
  }
  return censusGeocoder({ baseUrl: config.geocoderUrl });
}
