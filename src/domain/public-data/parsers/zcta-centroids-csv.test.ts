import { describe, expect, it } from "vitest";
import { fixtureFiles } from "../test-fixtures.js";
import { parseZctaCentroidsCsv } from "./zcta-centroids-csv.js";

describe("parseZctaCentroidsCsv", () => {
  it("reads points and the states joined with |", () => {
    const rows = parseZctaCentroidsCsv(fixtureFiles["zip-geo/zcta-centroids.csv"]!, "c.csv");
    expect(rows).toHaveLength(6);
    expect(rows.find((r) => r.zcta === "89439")).toEqual({ zcta: "89439", latitude: 39.5222, longitude: -120.018, states: "CA|NV" });
    expect(rows.find((r) => r.zcta === "96910")?.longitude).toBe(144.7489);
  });

  it("refuses bad coordinates, states and repeats", () => {
    const header = "zcta,lat,lng,states\n";
    expect(() => parseZctaCentroidsCsv(`${header}05001,93.1,-72.3,VT\n`, "c.csv")).toThrow("c.csv line 2: lat 93.1 is outside -90–90");
    expect(() => parseZctaCentroidsCsv(`${header}05001,43.1,,VT\n`, "c.csv")).toThrow("c.csv line 2: lng is empty");
    expect(() => parseZctaCentroidsCsv(`${header}05001,43.1,-72.3,VT;NH\n`, "c.csv")).toThrow('states "VT;NH" is not USPS codes joined with "|"');
    expect(() => parseZctaCentroidsCsv(`${header}05001,43.1,-72.3,VT\n05001,43.1,-72.3,VT\n`, "c.csv")).toThrow("line 3: zcta 05001 repeats line 2");
  });

  it("refuses the Gazetteer layout (it needs its own parser)", () => {
    expect(() => parseZctaCentroidsCsv("GEOID\tINTPTLAT\tINTPTLONG\n05001\t43\t-72\n", "c.csv")).toThrow("this is not a ZCTA centre-point file");
  });
});
