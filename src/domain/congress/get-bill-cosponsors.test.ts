import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../tests/support/test-database.js";
import { cacheTags } from "../../db/read-cache.js";
import { billCosponsors, bills } from "../../db/schema/index.js";
import { DomainError } from "../errors.js";
import { findCurrentBill, getBillCosponsors, partyLetter, shareLevel } from "./get-bill-cosponsors.js";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase("loaded");
});
afterAll(async () => {
  await db.close();
});

describe("getBillCosponsors on the real rolls", () => {
  it("H.R.3069: Jayapal sponsors, 115 cosponsors grouped by state in name order, nobody withdrawn", async () => {
    const result = await getBillCosponsors({ ctx: db.ctx, input: { billId: "119-hr3069" } });
    expect(result.bill).toMatchObject({ number: "H.R.3069", slug: "hr3069-119", path: "/cosponsors/hr3069-119", complete: true, officialCount: 115, isCurrent: true });
    expect(result.bill.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(result.sponsor).toMatchObject({ bioguideId: "J000298", name: "Pramila Jayapal", party: "D", state: "WA", district: 7 });
    expect(result.cosponsors).toHaveLength(115);
    expect(result.knownCount).toBe(115);
    expect(result.withdrawnCount).toBe(0);
    expect(result.cosponsors.some((p) => p.bioguideId === "J000298")).toBe(false);

    const stateNames = result.cosponsorsByState.map((g) => g.name);
    expect(stateNames).toEqual([...stateNames].sort((a, b) => a.localeCompare(b)));
    expect(result.cosponsorsByState.reduce((n, g) => n + g.people.length, 0)).toBe(115);
    const california = result.cosponsorsByState.find((g) => g.code === "CA")!;
    expect(california.name).toBe("California");
    expect(california.people.every((p) => p.state === "CA")).toBe(true);

    expect(result.partyCounts.reduce((n, p) => n + p.count, 0)).toBe(115);
    expect(result.partyCounts[0]?.party).toBe("D");
  });

  it("lists the sitting House members who have not signed on, by state, and shades each delegation", async () => {
    const result = await getBillCosponsors({ ctx: db.ctx, input: { billId: "119-hr3069" } });
    expect(result.notSignedOn).not.toBeNull();
    const missing = result.notSignedOn!.flatMap((g) => g.people);
    expect(missing.length).toBe(result.notSignedOnCount);
    expect(missing.some((m) => m.bioguideId === "J000298")).toBe(false);
    const onRoll = new Set(result.cosponsors.map((p) => p.bioguideId));
    expect(missing.some((m) => onRoll.has(m.bioguideId))).toBe(false);
    // Every member is on one side or the other: supporters + not signed on = the whole House.
    const delegations = result.delegations!;
    const seats = delegations.reduce((n, d) => n + d.delegation, 0);
    expect(delegations.reduce((n, d) => n + d.supporters, 0) + missing.length).toBe(seats);
    expect(seats).toBeGreaterThan(420);
    expect(delegations.find((d) => d.code === "DC")?.delegation).toBe(1);
    for (const d of delegations) expect(d.level).toBe(shareLevel(d.supporters, d.delegation));
    expect(delegations.find((d) => d.code === "WA")!.supporters).toBeGreaterThanOrEqual(1);
  });

  it("S.1506: Sanders sponsors with 18 cosponsors; the Senate map has no DC", async () => {
    const result = await getBillCosponsors({ ctx: db.ctx, input: { billId: "119-s1506" } });
    expect(result.sponsor).toMatchObject({ bioguideId: "S000033", party: "I", state: "VT", district: null });
    expect(result.knownCount).toBe(18);
    expect(result.cosponsors.every((p) => p.district === null)).toBe(true);
    expect(result.delegations!.some((d) => d.code === "DC")).toBe(false);
    expect(result.delegations!.every((d) => d.delegation <= 2)).toBe(true);
    expect(result.notSignedOnCount + 19).toBe(result.delegations!.reduce((n, d) => n + d.delegation, 0));
    expect(result.otherBills.map((b) => b.id)).toContain("119-hr3069");
    expect(result.otherBills[0]?.isCurrent).toBe(true);
  });

  it("H.R.676 (incomplete roll): lists who we know, and never claims anyone has not signed on", async () => {
    const result = await getBillCosponsors({ ctx: db.ctx, input: { billId: "115-hr676" } });
    expect(result.bill).toMatchObject({ complete: false, officialCount: 124, isCurrent: false });
    expect(result.sponsor).toMatchObject({ bioguideId: "E000288", name: "Keith Ellison" });
    expect(result.formerSponsors.map((p) => p.name)).toEqual(["John Conyers Jr."]);
    expect(result.knownCount).toBe(2);
    expect(result.notSignedOn).toBeNull();
    expect(result.delegations).toBeNull();
  });

  it("a complete roll from a past Congress does not compare it with today's members", async () => {
    const result = await getBillCosponsors({ ctx: db.ctx, input: { billId: "115-s1804" } });
    expect(result.bill.complete).toBe(true);
    expect(result.knownCount).toBe(16);
    expect(result.notSignedOn).toBeNull();
    // Al Franken left the Senate: still listed, as he was then.
    expect(result.cosponsors.find((p) => p.bioguideId === "F000457")).toMatchObject({ state: "MN", inOffice: false });
  });

  it("throws not_found for a bill we do not hold", async () => {
    await expect(getBillCosponsors({ ctx: db.ctx, input: { billId: "119-hr1" } })).rejects.toMatchObject({ code: "not_found" });
    await expect(getBillCosponsors({ ctx: db.ctx, input: { billId: "x".repeat(200) } })).rejects.toBeInstanceOf(DomainError);
  });

  it("finds the current bill of each chamber", async () => {
    expect((await findCurrentBill({ ctx: db.ctx, input: { chamber: "house" } })).id).toBe("119-hr3069");
    expect((await findCurrentBill({ ctx: db.ctx, input: { chamber: "senate" } })).id).toBe("119-s1506");
  });
});

describe("getBillCosponsors after changes to the roll", () => {
  it("marks a withdrawn cosponsor, leaves them out of the counts and lists them as not signed on", async () => {
    const before = await getBillCosponsors({ ctx: db.ctx, input: { billId: "119-hr3069" } });
    const target = before.cosponsors.find((p) => p.inOffice)!;
    await db.ctx.db
      .update(billCosponsors)
      .set({ withdrawnOn: "2026-03-02" })
      .where(and(eq(billCosponsors.billId, "119-hr3069"), eq(billCosponsors.bioguideId, target.bioguideId)));
    await db.ctx.cache.invalidate(cacheTags.publicData);

    const after = await getBillCosponsors({ ctx: db.ctx, input: { billId: "119-hr3069" } });
    expect(after.cosponsors).toHaveLength(115);
    expect(after.cosponsors.find((p) => p.bioguideId === target.bioguideId)?.withdrawnOn).toBe("2026-03-02");
    expect(after.knownCount).toBe(114);
    expect(after.withdrawnCount).toBe(1);
    expect(after.partyCounts.reduce((n, p) => n + p.count, 0)).toBe(114);
    const missing = after.notSignedOn!.flatMap((g) => g.people);
    expect(missing.find((m) => m.bioguideId === target.bioguideId)?.withdrawnOn).toBe("2026-03-02");
    expect(after.notSignedOnCount).toBe(before.notSignedOnCount + 1);
    const state = after.delegations!.find((d) => d.code === target.state)!;
    expect(state.supporters).toBe(before.delegations!.find((d) => d.code === target.state)!.supporters - 1);
  });

  it("on a roll marked incomplete, stops listing anyone as not signed on", async () => {
    await db.ctx.db.update(bills).set({ rollComplete: false }).where(eq(bills.id, "119-s1506"));
    await db.ctx.cache.invalidate(cacheTags.publicData);
    const result = await getBillCosponsors({ ctx: db.ctx, input: { billId: "119-s1506" } });
    expect(result.bill.complete).toBe(false);
    expect(result.knownCount).toBe(18);
    expect(result.notSignedOn).toBeNull();
    expect(result.delegations).toBeNull();
  });

  it("uses today's member record when the roll has no sponsor row", async () => {
    await db.ctx.db.delete(billCosponsors).where(and(eq(billCosponsors.billId, "119-s1506"), eq(billCosponsors.bioguideId, "S000033")));
    await db.ctx.cache.invalidate(cacheTags.publicData);
    const result = await getBillCosponsors({ ctx: db.ctx, input: { billId: "119-s1506" } });
    expect(result.sponsor).toMatchObject({ bioguideId: "S000033", state: "VT", party: "I", inOffice: true });
    expect(result.sponsor.name).toContain("Sanders");
  });
});

describe("shareLevel and partyLetter", () => {
  it("shade none, under half, half or more, and all of a delegation", () => {
    expect(shareLevel(0, 2)).toBe(0);
    expect(shareLevel(1, 3)).toBe(1);
    expect(shareLevel(1, 2)).toBe(2);
    expect(shareLevel(4, 7)).toBe(2);
    expect(shareLevel(2, 2)).toBe(3);
    expect(shareLevel(0, 0)).toBe(0);
  });
  it("reads both spellings of a party", () => {
    expect(["Democrat", "D", "Republican", "R", "Independent", "I"].map(partyLetter)).toEqual(["D", "D", "R", "R", "I", "I"]);
  });
});
