import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { defaultSeedDir } from "../source-files.js";
import { checkBillSeeds, parseBillsJson, type BillSeed } from "./bills-json.js";

const seedText = readFileSync(`${defaultSeedDir}bills.json`, "utf8");

describe("parseBillsJson", () => {
  it("reads the committed seed: four bills with their rolls and completeness", () => {
    const bills = parseBillsJson(seedText, "seed/bills.json");
    const summary = bills.map((b) => ({
      number: b.number,
      complete: b.rollComplete,
      official: b.officialCosponsorCount,
      listed: b.sponsorships.filter((s) => s.role === "cosponsor").length,
      asOf: b.cosponsorsAsOf,
    }));
    expect(summary).toEqual([
      { number: "H.R.3069", complete: true, official: 115, listed: 115, asOf: "2026-09-15" },
      { number: "S.1506", complete: true, official: 18, listed: 18, asOf: "2026-09-26" },
      { number: "S.1804", complete: true, official: 16, listed: 16, asOf: "2019-01-03" },
      { number: "H.R.676", complete: false, official: 124, listed: 2, asOf: "2019-01-03" },
    ]);
    expect(bills.every((b) => b.sponsorships.every((s) => s.sourceUrl.startsWith("http")))).toBe(true);
  });

  it("refuses invalid JSON and the wrong shape", () => {
    expect(() => parseBillsJson("[]", "seed/bills.json")).toThrow("seed/bills.json: not a bills seed file: top level: Invalid input: expected object, received array");
    expect(() => parseBillsJson("{bills:", "seed/bills.json")).toThrow("seed/bills.json: not valid JSON");
    const json = JSON.parse(seedText) as { bills: BillSeed[] };
    json.bills[0]!.sponsorships[1]!.sponsoredOn = "April 29";
    expect(() => parseBillsJson(JSON.stringify(json), "seed/bills.json")).toThrow("bills[0].sponsorships[1].sponsoredOn: expected a date YYYY-MM-DD");
  });
});

describe("checkBillSeeds", () => {
  const bills = () => (JSON.parse(seedText) as { bills: BillSeed[] }).bills;

  it("refuses a complete roll that does not hold the official number of cosponsors", () => {
    const list = bills();
    list[1]!.sponsorships.pop();
    expect(() => checkBillSeeds(list, "seed/bills.json")).toThrow(
      "seed/bills.json: S.1506 (119th Congress): the roll is marked complete with 18 official cosponsors, but 17 are listed; add the missing rows or mark the roll incomplete",
    );
  });

  it("refuses a member listed twice and a sponsor without a sponsor row", () => {
    const twice = bills();
    twice[0]!.sponsorships.push(twice[0]!.sponsorships[3]!);
    expect(() => checkBillSeeds(twice, "b.json")).toThrow("H.R.3069 (119th Congress):");
    const noSponsor = bills();
    noSponsor[3]!.sponsorBioguideId = "Z000001";
    expect(() => checkBillSeeds(noSponsor, "b.json")).toThrow("H.R.676 (115th Congress): sponsor Z000001 has no sponsor row");
  });

  it("accepts an incomplete roll that lists fewer than the official count", () => {
    expect(() => checkBillSeeds(bills().slice(3), "b.json")).not.toThrow();
  });
});
