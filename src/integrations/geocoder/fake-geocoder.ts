import { GeocoderUnavailableError, type AddressDistrict, type Geocoder } from "./geocoder.js";

/** A geocoder for tests: answers from a table, records every call, and can play unreachable. */
export interface FakeGeocoder extends Geocoder {
  readonly calls: string[];
  /** Answer `address` (compared case-insensitively, spaces collapsed) with `district`. */
  add(address: string, district: AddressDistrict): void;
  /** While true every call throws GeocoderUnavailableError, as when the Census site is down. */
  unreachable: boolean;
}

const key = (address: string) => address.trim().replace(/\s+/g, " ").toLowerCase();

export function fakeGeocoder(entries: Record<string, AddressDistrict> = {}): FakeGeocoder {
  const table = new Map(Object.entries(entries).map(([address, district]) => [key(address), district]));
  const fake: FakeGeocoder = {
    calls: [],
    unreachable: false,
    add(address, district) {
      table.set(key(address), district);
    },
    async districtForAddress(address) {
      fake.calls.push(address);
      if (fake.unreachable) throw new GeocoderUnavailableError("The fake geocoder is set to unreachable.");
      return table.get(key(address)) ?? null;
    },
  };
  return fake;
}
