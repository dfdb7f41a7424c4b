import { describe, expect, it } from "vitest";
import { fixtureFiles, fixtureUpstreamZipCitiesCsv } from "../test-fixtures.js";
import { parseZipCitiesCsv } from "./zip-cities-csv.js";

describe("parseZipCitiesCsv", () => {
  it("reads the shared copy, with quoted city names", () => {
    const rows = parseZipCitiesCsv(fixtureFiles["zip-geo/zip-city-state.csv"]!, "z.csv");
    expect(rows).toHaveLength(3);
    expect(rows[2]).toEqual({ zip: "20001", city: 'Washington, "the District"', state: "DC", county: "District of Columbia" });
  });

  it("reads the upstream file, whose extra columns are ignored", () => {
    expect(parseZipCitiesCsv(fixtureUpstreamZipCitiesCsv, "us-zips.csv")).toEqual([
      { zip: "05001", city: "White River Junction", state: "VT", county: "Windsor" },
      { zip: "05401", city: "Burlington", state: "VT", county: "Chittenden" },
    ]);
  });

  it("works without the optional county column", () => {
    expect(parseZipCitiesCsv("zip_code,city,state\n05001,WRJ,VT\n", "z.csv")).toEqual([{ zip: "05001", city: "WRJ", state: "VT", county: null }]);
  });

  it("refuses bad rows and repeats", () => {
    expect(() => parseZipCitiesCsv("zip_code,city,state\n5001,WRJ,VT\n", "z.csv")).toThrow('z.csv line 2: zip_code "5001" is not a 5-digit ZIP code');
    expect(() => parseZipCitiesCsv("zip_code,city,state\n05001,,VT\n", "z.csv")).toThrow("z.csv line 2: city is empty");
    expect(() => parseZipCitiesCsv("zip_code,city,state\n05001,A,VT\n05001,B,VT\n", "z.csv")).toThrow("z.csv line 3: zip_code 05001 repeats line 2");
  });
});
