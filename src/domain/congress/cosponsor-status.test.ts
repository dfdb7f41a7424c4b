import { describe, expect, it } from "vitest";
import { cosponsorStatus } from "./cosponsor-status.js";

const complete = { sponsorBioguideId: "J000298", rollComplete: true };
const incomplete = { sponsorBioguideId: "E000288", rollComplete: false };
const roll = [
  { bioguideId: "J000298", role: "sponsor" as const, withdrawnOn: null },
  { bioguideId: "A000370", role: "cosponsor" as const, withdrawnOn: null },
  { bioguideId: "B000001", role: "cosponsor" as const, withdrawnOn: "2026-01-05" },
];

describe("cosponsorStatus", () => {
  it("names the sponsor, a cosponsor and one who withdrew", () => {
    expect(cosponsorStatus({ bill: complete, bioguideId: "J000298", roll })).toBe("sponsor");
    expect(cosponsorStatus({ bill: complete, bioguideId: "A000370", roll })).toBe("cosponsor");
    expect(cosponsorStatus({ bill: complete, bioguideId: "B000001", roll })).toBe("withdrawn");
  });

  it("treats absence from a complete roll as not cosponsoring", () => {
    expect(cosponsorStatus({ bill: complete, bioguideId: "Z000999", roll })).toBe("not-cosponsor");
  });

  it("does not guess when the roll is incomplete", () => {
    expect(cosponsorStatus({ bill: incomplete, bioguideId: "Z000999", roll: [] })).toBe("unknown");
    // Rows that are present still count on an incomplete roll.
    expect(cosponsorStatus({ bill: incomplete, bioguideId: "A000370", roll })).toBe("cosponsor");
    expect(cosponsorStatus({ bill: incomplete, bioguideId: "B000001", roll })).toBe("withdrawn");
  });

  it("knows the bill's sponsor even without a sponsor row, and a sponsor who took over", () => {
    expect(cosponsorStatus({ bill: incomplete, bioguideId: "E000288", roll: [] })).toBe("sponsor");
    const handedOver = [{ bioguideId: "C000714", role: "sponsor" as const, withdrawnOn: null }];
    expect(cosponsorStatus({ bill: incomplete, bioguideId: "C000714", roll: handedOver })).toBe("sponsor");
  });
});
