import { describe, expect, it } from "vitest";
import { fixtureFiles } from "../test-fixtures.js";
import { parseLegislatorsCurrentYaml } from "./legislators-current-yaml.js";

const file = "congress-legislators/legislators-current.yaml";

describe("parseLegislatorsCurrentYaml", () => {
  it("keeps only each member's current term", () => {
    const rows = parseLegislatorsCurrentYaml(fixtureFiles[file]!, file);
    expect(rows.map((r) => r.bioguideId)).toEqual(["S000033", "B001318", "N000147", "A000370"]);
    expect(rows[0]).toEqual({
      bioguideId: "S000033",
      chamber: "senate",
      state: "VT",
      district: null,
      firstName: "Bernard",
      lastName: "Sanders",
      fullName: "Bernard Sanders",
      party: "Independent",
      stateRank: "senior",
      senateClass: 1,
      termStart: "2025-01-03",
      termEnd: "2031-01-03",
      phone: "202-224-5141",
      websiteUrl: "https://www.sanders.senate.gov",
      contactFormUrl: "https://www.sanders.senate.gov/contact/",
      officeAddress: "332 Dirksen Senate Office Building Washington DC 20510",
    });
  });

  it("gives at-large and delegate seats district 0, and builds a full name when none is given", () => {
    const rows = parseLegislatorsCurrentYaml(fixtureFiles[file]!, file);
    expect(rows.find((r) => r.bioguideId === "N000147")).toMatchObject({ chamber: "house", state: "DC", district: 0, fullName: "Eleanor Holmes Norton" });
    expect(rows.find((r) => r.bioguideId === "B001318")).toMatchObject({ district: 0, fullName: "Becca Balint", senateClass: null, stateRank: null, websiteUrl: null });
  });

  it("names the entry's line and the bad field", () => {
    const bad = fixtureFiles[file]!.replace("    district: 37", "    district: thirty-seven");
    expect(() => parseLegislatorsCurrentYaml(bad, file)).toThrow(
      /^congress-legislators\/legislators-current\.yaml line 51: terms\[0\]\.district: Invalid input: expected number, received string$/,
    );
  });

  it("refuses a House term without a district and a repeated member", () => {
    const noDistrict = fixtureFiles[file]!.replace("    district: 37\n", "");
    expect(() => parseLegislatorsCurrentYaml(noDistrict, file)).toThrow("line 51: A000370: current House term (from 2026-06-10) has no district");
    const twice = fixtureFiles[file]! + fixtureFiles[file]!.split("- id:").slice(0, 2).join("- id:");
    expect(() => parseLegislatorsCurrentYaml(twice, file)).toThrow("S000033: appears twice (first on line 1)");
  });

  it("refuses a file that is not a list of legislators", () => {
    expect(() => parseLegislatorsCurrentYaml("legislators:\n  - x\n", file)).toThrow("expected a YAML list of entries");
    expect(() => parseLegislatorsCurrentYaml("- id:\n    bioguide: S000033\n", file)).toThrow("line 1: name: Invalid input");
  });
});
