import { describe, expect, it } from "vitest";
import { fixtureGazetteerTsv } from "../test-fixtures.js";
import { parseGazetteerZcta } from "./gazetteer-zcta.js";

describe("parseGazetteerZcta", () => {
  it("reads the tab-separated Census file, trimming Census's padding", () => {
    const points = parseGazetteerZcta(fixtureGazetteerTsv, "gaz.txt");
    expect(points).toHaveLength(5);
    expect(points[0]).toEqual({ zcta: "05001", latitude: 43.6706, longitude: -72.38 });
    expect(points[3]).toEqual({ zcta: "96910", latitude: 13.4745, longitude: 144.7489 });
  });

  it("refuses a bad row, naming the line", () => {
    const bad = fixtureGazetteerTsv.replace("38.910100", "north");
    expect(() => parseGazetteerZcta(bad, "gaz.txt")).toThrow('gaz.txt line 3: INTPTLAT "north" is not a number');
    const short = fixtureGazetteerTsv.replace("\t0.1\t0\t38.910100", "\t38.910100");
    expect(() => parseGazetteerZcta(short, "gaz.txt")).toThrow("gaz.txt line 3: expected 7 tab-separated fields as in the header, found 5");
  });

  it("refuses a comma-separated file as the wrong format", () => {
    expect(() => parseGazetteerZcta("zcta,lat,lng\n05001,43,-72\n", "gaz.txt")).toThrow(
      "gaz.txt line 1: this is not a Census Gazetteer ZCTA file: the tab-separated header lacks GEOID, INTPTLAT, INTPTLONG",
    );
  });
});
