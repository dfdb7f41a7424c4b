import { describe, expect, it } from "vitest";
import { fixtureFiles } from "../test-fixtures.js";
import { parseLegislatorsDistrictOfficesYaml } from "./legislators-district-offices-yaml.js";

const file = "congress-legislators/legislators-district-offices.yaml";

describe("parseLegislatorsDistrictOfficesYaml", () => {
  it("reads every office with its member", () => {
    const { rows } = parseLegislatorsDistrictOfficesYaml(fixtureFiles[file]!, file);
    expect(rows.map((r) => `${r.bioguideId} ${r.id}`)).toEqual([
      "S000033 S000033-burlington",
      "B001318 B001318-burlington",
      "X000001 X000001-gone",
    ]);
    expect(rows[0]).toEqual({
      id: "S000033-burlington",
      bioguideId: "S000033",
      address: "1 Church St.",
      suite: "3rd Floor",
      building: null,
      city: "Burlington",
      state: "VT",
      zip: "05401",
      phone: "802-862-0697",
      fax: null,
      latitude: 44.4779,
      longitude: -73.2129,
    });
  });

  it("restores the leading zero of an unquoted ZIP and drops impossible coordinates with a warning", () => {
    const { rows, warnings } = parseLegislatorsDistrictOfficesYaml(fixtureFiles[file]!, file);
    const office = rows.find((r) => r.id === "B001318-burlington")!;
    expect(office.zip).toBe("05401");
    expect([office.latitude, office.longitude]).toEqual([null, null]);
    expect(warnings).toEqual([`${file} line 13: office B001318-burlington has impossible coordinates (441.4779, -73.2129); they were left out`]);
  });

  it("refuses a repeated office ID and a malformed entry", () => {
    const twice = `${fixtureFiles[file]!}- id:\n    bioguide: S000034\n  offices:\n  - id: S000033-burlington\n`;
    expect(() => parseLegislatorsDistrictOfficesYaml(twice, file)).toThrow("office id S000033-burlington also appears on line 1");
    expect(() => parseLegislatorsDistrictOfficesYaml("- id:\n    bioguide: S000033\n  offices:\n  - city: X\n", file)).toThrow(
      "line 1: offices[0].id: Invalid input: expected string, received undefined",
    );
  });
});
