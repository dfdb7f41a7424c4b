import { describe, expect, it } from "vitest";
import { fixtureFiles } from "../test-fixtures.js";
import { parseZccdCsv } from "./zccd-csv.js";

const header = "state_fips,state_abbr,zcta,cd\n";

describe("parseZccdCsv", () => {
  it("reads every ZCTA–district pair, keeping ZCTAs that span districts and states", () => {
    const rows = parseZccdCsv(fixtureFiles["zip-districts/zccd.csv"]!, "zccd.csv");
    expect(rows).toHaveLength(7);
    expect(rows.filter((r) => r.zcta === "90001").map((r) => r.district)).toEqual([37, 43]);
    expect(rows.filter((r) => r.zcta === "89439").map((r) => `${r.state}-${r.district}`)).toEqual(["CA-3", "NV-2"]);
    expect(rows[0]).toEqual({ zcta: "05001", state: "VT", district: 0 });
  });

  it("names file and line for a bad value", () => {
    expect(() => parseZccdCsv(`${header}50,VT,05001,0\n06,CA,90001,x\n`, "zip-districts/zccd.csv")).toThrow(
      'zip-districts/zccd.csv line 3: cd "x" is not a whole number',
    );
    expect(() => parseZccdCsv(`${header}50,VT,5001,0\n`, "zccd.csv")).toThrow('zccd.csv line 2: zcta "5001" is not a 5-digit ZCTA');
  });

  it("catches shifted columns and duplicates", () => {
    expect(() => parseZccdCsv(`${header}50,VT,05001,0\n51,VT,05002,0\n`, "zccd.csv")).toThrow("line 3: state_fips 51 for VT, but line 2 says 50");
    expect(() => parseZccdCsv(`${header}50,VT,05001,0\n50,VT,05001,0\n`, "zccd.csv")).toThrow("line 3: 05001 VT-0 repeats line 2");
  });

  it("refuses a file with another header", () => {
    expect(() => parseZccdCsv("zip,state,district\n05001,VT,0\n", "zccd.csv")).toThrow(
      "zccd.csv line 1: this is not a ZIP (ZCTA) to congressional district file (zccd.csv): the header lacks column(s) state_fips, state_abbr, zcta, cd",
    );
  });
});
