import { describe, expect, it } from "vitest";
import { billsFromCosponsorRows } from "./medicare-for-all-bills.js";
import { parseCosponsorsCsv } from "./parsers/cosponsors-csv.js";
import { fixtureFiles } from "./test-fixtures.js";

const file = "cosponsors/medicare-for-all-cosponsors.csv";
const header = "bill,bioguide_id,name,party,state,district,sponsor_or_cosponsor,date,withdrawn,source_url,notes\n";
const convert = (text: string) => billsFromCosponsorRows(parseCosponsorsCsv(text, file), file);

describe("billsFromCosponsorRows", () => {
  it("adds the bill's facts and takes the latest sponsor as the current one", () => {
    const [bill] = convert(fixtureFiles[file]!);
    expect(bill).toMatchObject({
      id: "115-hr676",
      number: "H.R.676",
      congress: 115,
      chamber: "house",
      sponsorBioguideId: "E000288",
      rollComplete: false,
      officialCosponsorCount: 124,
      isCurrent: false,
    });
    expect(bill!.sponsorships.map((s) => [s.bioguideId, s.role])).toEqual([
      ["C000714", "sponsor"],
      ["E000288", "sponsor"],
      ["S001156", "cosponsor"],
      ["B001296", "cosponsor"],
    ]);
  });

  it("marks original cosponsors from the official flag, else from the introduction date, else unknown", () => {
    const rows = `${header}S.1506 (119th),S000033,Bernard Sanders,I,VT,,sponsor,2025-04-29,,https://x.gov,
S.1506 (119th),A000001,A A,D,WI,,cosponsor,2025-04-29,no,https://x.gov,added later (isOriginalCosponsor=False)
S.1506 (119th),A000002,B B,D,WI,,cosponsor,2025-04-29,no,https://x.gov,
S.1506 (119th),A000003,C C,D,WI,,cosponsor,2025-11-18,no,https://x.gov,
S.1506 (119th),A000004,D D,D,WI,,cosponsor,,,https://x.gov,
`;
    // S.1506 is marked complete with 18, so this short roll must be refused…
    expect(() => convert(rows)).toThrow("S.1506 (119th Congress): the roll is marked complete with 18 official cosponsors, but 4 are listed");
    // …while the same rows on the incomplete H.R.676 convert.
    const [bill] = convert(rows.replaceAll("S.1506 (119th)", "H.R.676 (115th)").replaceAll("2025-04-29", "2017-01-24"));
    expect(bill!.sponsorships.map((s) => s.isOriginal)).toEqual([null, false, true, false, null]);
  });

  it("refuses a bill it has no facts for", () => {
    expect(() => convert(`${header}H.R.1 (120th),S000033,B S,I,VT,,sponsor,2027-01-05,,https://x.gov,\n`)).toThrow(
      `${file} line 2: bill "H.R.1 (120th)" is not one of H.R.3069 (119th), S.1506 (119th), H.R.676 (115th), S.1804 (115th); add its facts to src/domain/public-data/medicare-for-all-bills.ts`,
    );
  });

  it("refuses a bill without a sponsor row", () => {
    expect(() => convert(`${header}H.R.676 (115th),S001156,L S,D,CA,38,cosponsor,2017-04-17,,https://x.gov,\n`)).toThrow(
      "H.R.676: no row has sponsor_or_cosponsor=sponsor",
    );
  });
});
