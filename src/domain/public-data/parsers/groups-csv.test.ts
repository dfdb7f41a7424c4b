import { describe, expect, it } from "vitest";
import { fixtureFiles } from "../test-fixtures.js";
import { parseGroupsCsv } from "./groups-csv.js";

const file = "groups/single-payer-groups.csv";
const header = "name,state,city,website,email_or_contact_page,kind,source_url,as_of,notes\n";

describe("parseGroupsCsv", () => {
  it("turns each row into an active group with a slug and its source", () => {
    const groups = parseGroupsCsv(fixtureFiles[file]!, file);
    expect(groups[1]).toEqual({
      slug: "vermont-workers-center",
      name: "Vermont Workers' Center",
      state: "VT",
      city: "Burlington",
      websiteUrl: "https://www.workerscenter.org",
      contact: null,
      kind: "local group",
      status: "active",
      sourceUrl: "https://www.workerscenter.org",
      sourceAsOf: "2011-05",
      notes: 'Stale page, "check" before launch.',
    });
    expect(groups[0]).toMatchObject({ slug: "healthcare-now", state: "US", city: null, kind: "national organization" });
  });

  it("makes distinct, stable slugs when names repeat", () => {
    const row = (state: string) => `Medicare for All – Sánchez,${state},,,,local group,https://x.org,undated,\n`;
    const groups = parseGroupsCsv(header + row("CA") + row("NY") + row("CA"), file);
    expect(groups.map((g) => g.slug)).toEqual(["medicare-for-all-sanchez", "medicare-for-all-sanchez-ny", "medicare-for-all-sanchez-ca"]);
  });

  it("refuses bad rows, naming the line and the column", () => {
    const row = (fields: string) => `${header}${fields}\n`;
    expect(() => parseGroupsCsv(row("A,VT,,,,club,https://x.org,undated,"), file)).toThrow(`${file} line 2: kind "club" is not one of`);
    expect(() => parseGroupsCsv(row("A,VT,,,call us,local group,https://x.org,undated,"), file)).toThrow(
      `${file} line 2: email_or_contact_page "call us": expected an e-mail address or a contact page URL`,
    );
    expect(() => parseGroupsCsv(row("A,Vermont,,,,local group,https://x.org,undated,"), file)).toThrow(`line 2: state "Vermont": expected a USPS code`);
    expect(() => parseGroupsCsv(row("A,VT,,,,local group,,undated,"), file)).toThrow("line 2: source_url is empty");
  });

  it("refuses another CSV", () => {
    expect(() => parseGroupsCsv("name,usps\nVermont,VT\n", file)).toThrow("this is not the single-payer groups list");
  });
});
