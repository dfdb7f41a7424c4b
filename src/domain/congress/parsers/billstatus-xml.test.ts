import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DataFileError } from "../../public-data/formats/data-file-error.js";
import { billStatusUrl, parseBillStatusXml } from "./billstatus-xml.js";

const fixtures = join(import.meta.dirname, "../fixtures");
const fixture = (name: string) => readFileSync(join(fixtures, name), "utf8");
const good = fixture("billstatus-hr3069.xml");

const problem = (text: string, expectedBillId?: string) => {
  try {
    parseBillStatusXml(text, "BILLSTATUS-119hr3069.xml", expectedBillId);
  } catch (error) {
    if (error instanceof DataFileError) return error.message;
    throw error;
  }
  throw new Error("parsed without complaint");
};

describe("parseBillStatusXml", () => {
  it("reads the bill, its as-of date, the sponsor and every cosponsor including one who withdrew", () => {
    const roll = parseBillStatusXml(good, "billstatus-hr3069.xml", "119-hr3069");
    expect(roll).toMatchObject({ format: "billstatus-xml", billId: "119-hr3069", asOf: "2026-11-20", officialCount: 2 });
    expect(roll.sponsors).toEqual([
      { bioguideId: "J000298", name: "Pramila Jayapal", party: "D", state: "WA", district: 7, sponsoredOn: "2025-04-29", isOriginal: null, withdrawnOn: null },
    ]);
    expect(roll.cosponsors).toEqual([
      { bioguideId: "O000173", name: "Ilhan Omar", party: "D", state: "MN", district: 5, sponsoredOn: "2025-04-29", isOriginal: true, withdrawnOn: null },
      { bioguideId: "P000607", name: "Mark Pocan", party: "D", state: "WI", district: 2, sponsoredOn: "2025-04-29", isOriginal: true, withdrawnOn: "2026-10-15" },
      { bioguideId: "D000617", name: "Suzan K. DelBene", party: "D", state: "WA", district: 1, sponsoredOn: "2026-10-01", isOriginal: false, withdrawnOn: null },
    ]);
  });

  it("reads the older schema's billNumber and billType, senators without a district, and a bill with no cosponsors", () => {
    const old = `<billStatus><bill><billNumber>1506</billNumber><billType>S</billType><congress>119</congress>
      <updateDate>2026-09-26T10:00:00Z</updateDate><introducedDate>2025-04-29</introducedDate>
      <sponsors><item><bioguideId>S000033</bioguideId><firstName>Bernard</firstName><lastName>Sanders</lastName><party>I</party><state>VT</state></item></sponsors>
      </bill></billStatus>`;
    expect(parseBillStatusXml(old, "old.xml")).toMatchObject({
      billId: "119-s1506",
      officialCount: 0,
      cosponsors: [],
      sponsors: [{ bioguideId: "S000033", name: "Bernard Sanders", party: "I", state: "VT", district: null }],
    });
  });

  it("names the file, the line and the problem for malformed files", () => {
    expect(problem(fixture("billstatus-truncated.xml"))).toMatch(
      /^BILLSTATUS-119hr3069\.xml line \d+: not well-formed XML: the file ends before <item> \(opened on line \d+\) is closed$/,
    );
    expect(problem(fixture("billstatus-missing-bioguide.xml"))).toBe("BILLSTATUS-119hr3069.xml line 63: cosponsor #3 has no <bioguideId>");
    expect(problem(fixture("billstatus-bad-date.xml"))).toBe(
      'BILLSTATUS-119hr3069.xml line 72: cosponsor #3 (D000617): <sponsorshipDate> is not a date YYYY-MM-DD: "2026-13-01"',
    );
    expect(problem(fixture("billstatus-other-bill.xml"), "119-hr3069")).toBe(
      "BILLSTATUS-119hr3069.xml: this file is for H.R.3070 (119th Congress), not H.R.3069 (119th Congress)",
    );
    expect(problem("{}")).toBe("BILLSTATUS-119hr3069.xml: not XML: a BILLSTATUS file starts with <?xml or <billStatus>");
    expect(problem("<html><body>Service unavailable</body></html>")).toBe(
      "BILLSTATUS-119hr3069.xml line 1: not a BILLSTATUS file: the root element is <html>, expected <billStatus>",
    );
  });

  it("refuses wrong values: bioguide IDs, flags, duplicate members, withdrawals before joining, a date older than the list", () => {
    expect(problem(good.replace("<bioguideId>O000173", "<bioguideId>Omar"))).toMatch(/cosponsor #1: <bioguideId> "Omar" is not a bioguide ID/);
    expect(problem(good.replace("<isOriginalCosponsor>True", "<isOriginalCosponsor>Yes"))).toMatch(
      /cosponsor #1 \(O000173\): <isOriginalCosponsor> should be True or False, not "Yes"/,
    );
    expect(problem(good.replace("<bioguideId>P000607", "<bioguideId>O000173"))).toBe(
      "BILLSTATUS-119hr3069.xml: O000173 (Mark Pocan) is listed twice",
    );
    expect(problem(good.replace("<sponsorshipWithdrawnDate>2026-10-15", "<sponsorshipWithdrawnDate>2025-01-01"))).toBe(
      "BILLSTATUS-119hr3069.xml: P000607 (Mark Pocan) withdrew on 2025-01-01, before cosponsoring on 2025-04-29",
    );
    expect(problem(good.replace("<updateDate>2026-11-20", "<updateDate>2026-10-02"))).toBe(
      "BILLSTATUS-119hr3069.xml: the file is dated 2026-10-02 but lists a change on 2026-10-15; the date or the list is wrong",
    );
    expect(problem(good.replace(/<updateDate>[^<]*<\/updateDate>/, "<updateDate>soon</updateDate>"))).toMatch(/<updateDate> is not a date: "soon"/);
    expect(problem(good.replace(/<sponsors>[\s\S]*<\/sponsors>/, ""))).toMatch(/<bill> has no <sponsors><item>/);
  });

  it("knows where govinfo publishes the file", () => {
    expect(billStatusUrl("119-hr3069")).toBe("https://www.govinfo.gov/bulkdata/BILLSTATUS/119/hr/BILLSTATUS-119hr3069.xml");
  });
});
