import { describe, expect, it } from "vitest";
import { fixtureFiles } from "../test-fixtures.js";
import { parseCosponsorsCsv } from "./cosponsors-csv.js";

const file = "cosponsors/medicare-for-all-cosponsors.csv";
const header = "bill,bioguide_id,name,party,state,district,sponsor_or_cosponsor,date,withdrawn,source_url,notes\n";

describe("parseCosponsorsCsv", () => {
  it("reads rows, with blank districts, dates and withdrawals as null", () => {
    const rows = parseCosponsorsCsv(fixtureFiles[file]!, file);
    expect(rows).toHaveLength(4);
    expect(rows[3]).toEqual({
      line: 5,
      bill: "H.R.676 (115th)",
      bioguideId: "B001296",
      name: "Brendan F. Boyle",
      party: "D",
      state: "PA",
      district: 13,
      role: "cosponsor",
      date: null,
      withdrawnOn: null,
      sourceUrl: "http://subir.com/tag/healthcare",
      notes: 'No date, "100th".',
    });
  });

  it('reads "no" as not withdrawn and a date as the withdrawal', () => {
    const row = (withdrawn: string) => `${header}S.1506 (119th),B001230,Tammy Baldwin,D,WI,,cosponsor,2025-04-29,${withdrawn},https://x.gov,\n`;
    expect(parseCosponsorsCsv(row("no"), file)[0]).toMatchObject({ withdrawnOn: null, district: null });
    expect(parseCosponsorsCsv(row("2025-06-01"), file)[0]!.withdrawnOn).toBe("2025-06-01");
    expect(() => parseCosponsorsCsv(row("yes"), file)).toThrow(`${file} line 2: withdrawn "yes" is not a date (YYYY-MM-DD)`);
  });

  it("refuses bad rows, naming the line", () => {
    const row = (fields: string) => `${header}${fields}\n`;
    expect(() => parseCosponsorsCsv(row("S.1506 (119th),B1230,T B,D,WI,,cosponsor,2025-04-29,,https://x.gov,"), file)).toThrow(
      'line 2: bioguide_id "B1230" is not a bioguide ID',
    );
    expect(() => parseCosponsorsCsv(row("S.1506 (119th),B001230,T B,D,WI,,supporter,2025-04-29,,https://x.gov,"), file)).toThrow(
      'line 2: sponsor_or_cosponsor "supporter" is not one of sponsor, cosponsor',
    );
    expect(() => parseCosponsorsCsv(row("S.1506 (119th),B001230,T B,D,WI,,cosponsor,04/29/2025,,https://x.gov,"), file)).toThrow(
      'line 2: date "04/29/2025" is not a date',
    );
  });
});
