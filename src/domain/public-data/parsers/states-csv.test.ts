import { describe, expect, it } from "vitest";
import { fixtureFiles } from "../test-fixtures.js";
import { parseStatesCsv } from "./states-csv.js";

const header = "name,usps,fips,house_seats,nonvoting_delegate,senators,type\n";

describe("parseStatesCsv", () => {
  it("reads states, DC and territories", () => {
    const rows = parseStatesCsv(fixtureFiles["states.csv"]!, "states.csv");
    expect(rows).toHaveLength(5);
    expect(rows[0]).toEqual({ usps: "CA", name: "California", fips: "06", houseSeats: 52, hasNonvotingDelegate: 0, senators: 2, type: "state" });
    expect(rows.find((r) => r.usps === "DC")).toMatchObject({ houseSeats: 0, hasNonvotingDelegate: 1, senators: 0, type: "district" });
  });

  it("refuses bad rows, naming the line", () => {
    expect(() => parseStatesCsv(`${header}Vermont,VT,50,one,0,2,state\n`, "states.csv")).toThrow('states.csv line 2: house_seats "one" is not a whole number');
    expect(() => parseStatesCsv(`${header}Vermont,VT,50,1,0,2,state\nVermont,VT,51,1,0,2,state\n`, "states.csv")).toThrow(
      "states.csv line 3: usps VT appears twice (first on line 2)",
    );
    expect(() => parseStatesCsv(`${header}Vermont,VT,50,1,0,2,province\n`, "states.csv")).toThrow('type "province" is not one of state, district, territory');
    expect(() => parseStatesCsv(`${header}Vermont,Vt,50,1,0,2,state\n`, "states.csv")).toThrow('usps "Vt" is not a two-letter USPS code');
  });

  it("refuses another file and an empty one", () => {
    expect(() => parseStatesCsv("state_fips,state_abbr,zcta,cd\n50,VT,05001,0\n", "states.csv")).toThrow("this is not the states list");
    expect(() => parseStatesCsv(header, "states.csv")).toThrow("states.csv: no rows below the header");
  });
});
