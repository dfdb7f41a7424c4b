import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DataFileError } from "../../public-data/formats/data-file-error.js";
import { congressGovCosponsors, cosponsorsApiUrl, parseCongressGovCosponsorsJson } from "./congress-gov-cosponsors-json.js";
import { parseCosponsorFile } from "./cosponsor-file.js";

const fixtures = join(import.meta.dirname, "../fixtures");
const fixture = (name: string) => readFileSync(join(fixtures, name), "utf8");
const good = fixture("congress-gov-cosponsors-hr3069.json");

const problem = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof DataFileError) return error.message;
    throw error;
  }
  throw new Error("parsed without complaint");
};
const parse = (text: string, expectedBillId?: string) => () => parseCongressGovCosponsorsJson(text, "cosponsors.json", expectedBillId);
const edited = (edit: (json: { cosponsors: Record<string, unknown>[]; pagination: Record<string, unknown>; request: Record<string, unknown> }) => void) => {
  const json = JSON.parse(good);
  edit(json);
  return JSON.stringify(json);
};

describe("parseCongressGovCosponsorsJson", () => {
  it("reads every cosponsor, the official count and the bill; the response has no date", () => {
    const roll = parseCongressGovCosponsorsJson(good, "cosponsors.json", "119-hr3069");
    expect(roll).toMatchObject({ format: "congress-gov-json", billId: "119-hr3069", asOf: undefined, officialCount: 3, sponsors: [] });
    expect(roll.cosponsors.map((c) => [c.bioguideId, c.name, c.district, c.isOriginal, c.withdrawnOn])).toEqual([
      ["O000173", "Ilhan Omar", 5, true, null],
      ["P000607", "Mark Pocan", 2, true, "2026-10-15"],
      ["D000617", "Suzan K. DelBene", 1, false, null],
      ["T000481", "Rashida Tlaib", 12, true, null],
    ]);
  });

  it("accepts the string forms of XML converted to JSON, and senators without a district", () => {
    const text = edited((json) => {
      json.cosponsors[0]!.isOriginalCosponsor = "True";
      json.cosponsors[0]!.district = "5";
      delete json.cosponsors[3]!.district;
      json.pagination.count = "3";
    });
    const roll = parseCongressGovCosponsorsJson(text, "cosponsors.json");
    expect(roll.cosponsors[0]).toMatchObject({ isOriginal: true, district: 5 });
    expect(roll.cosponsors[3]).toMatchObject({ district: null });
  });

  it("names the file and the problem for malformed responses", () => {
    expect(problem(parse(fixture("congress-gov-cosponsors-truncated.json")))).toMatch(/^cosponsors\.json: not valid JSON: /);
    expect(problem(parse(fixture("congress-gov-error.json")))).toBe(
      "cosponsors.json: this is an error from congress.gov, not a cosponsor list: An invalid api_key was supplied. Get one at https://api.congress.gov/sign-up/",
    );
    expect(problem(parse(fixture("congress-gov-cosponsors-first-page.json")))).toMatch(/^cosponsors\.json: this is one page of a longer list \(pagination\.next is set\)/);
    expect(problem(parse('{"bills": []}'))).toBe("cosponsors.json: not a congress.gov cosponsors response: cosponsors: Invalid input: expected array, received undefined (and 2 more problem(s))");
    expect(problem(parse(edited((json) => delete json.cosponsors[1]!.bioguideId)))).toMatch(/cosponsors\[1\]\.bioguideId: /);
    expect(problem(parse(edited((json) => (json.cosponsors[2]!.sponsorshipDate = "10/01/2026"))))).toMatch(
      /cosponsors\[2\]\.sponsorshipDate: expected a date YYYY-MM-DD/,
    );
    expect(problem(parse(edited((json) => (json.cosponsors[2]!.sponsorshipDate = "2026-02-30"))))).toMatch(/expected a date YYYY-MM-DD/);
    expect(problem(parse(good, "119-hr3070"))).toBe("cosponsors.json: this file is for H.R.3069 (119th Congress), not H.R.3070 (119th Congress)");
  });

  it("refuses a list whose length disagrees with its own counts", () => {
    expect(problem(parse(edited((json) => json.cosponsors.pop())))).toBe(
      "cosponsors.json: pagination says 4 cosponsors including withdrawn ones, but 3 are listed",
    );
    expect(problem(parse(edited((json) => (json.pagination.count = 4))))).toBe(
      "cosponsors.json: pagination.count says 4 current cosponsors, but 3 are listed without a withdrawal date",
    );
  });

  it("takes an already decoded response (what the API client returns)", () => {
    expect(congressGovCosponsors(JSON.parse(good), "congress.gov API", "119-hr3069").officialCount).toBe(3);
    expect(cosponsorsApiUrl("119-hr3069")).toBe("https://api.congress.gov/v3/bill/119/hr/3069/cosponsors");
  });
});

describe("parseCosponsorFile", () => {
  it("tells the formats apart by their first character", () => {
    expect(parseCosponsorFile(good, "a").format).toBe("congress-gov-json");
    expect(parseCosponsorFile(`\n  ${fixture("billstatus-hr3069.xml")}`, "b").format).toBe("billstatus-xml");
    expect(problem(() => parseCosponsorFile("bioguide_id,name\n", "roll.csv"))).toBe(
      "roll.csv: neither XML nor JSON: expected a govinfo BILLSTATUS XML file (starting with <) or a congress.gov cosponsors JSON response (starting with {)",
    );
    expect(problem(() => parseCosponsorFile("  \n", "empty.json"))).toBe("empty.json: the file is empty");
  });
});
