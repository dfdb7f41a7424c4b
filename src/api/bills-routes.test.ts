import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../tests/support/test-app.js";
import { cacheTags } from "../db/read-cache.js";
import { billCosponsors } from "../db/schema/index.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ template: "loaded" });
});
afterAll(async () => {
  await t.close();
});

const personKeys = ["bioguideId", "district", "name", "party", "since", "state", "withdrawnAt"];

describe("GET /api/v1/bills/<bill>/cosponsors", () => {
  it("returns the bill, as-of date, completeness, official count, sponsor and cosponsors field by field", async () => {
    const res = await t.app.request("/api/v1/bills/hr3069-119/cosponsors");
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("public, max-age=300");
    const body = await res.json();
    expect(Object.keys(body).sort()).toEqual(["asOf", "bill", "complete", "cosponsors", "formerSponsors", "officialCount", "sponsor"]);
    expect(body.bill).toMatchObject({ id: "119-hr3069", slug: "hr3069-119", number: "H.R.3069", congress: 119, chamber: "house" });
    expect(body.bill.url).toMatch(/\/cosponsors\/hr3069-119$/);
    expect(body.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(body.complete).toBe(true);
    expect(body.officialCount).toBe(115);
    expect(body.sponsor).toEqual({ bioguideId: "J000298", name: "Pramila Jayapal", party: "D", state: "WA", district: 7, since: "2025-04-29", withdrawnAt: null });
    expect(body.cosponsors).toHaveLength(115);
    for (const person of body.cosponsors) expect(Object.keys(person).sort()).toEqual(personKeys);
    expect(body.cosponsors.find((p: { bioguideId: string }) => p.bioguideId === "A000370")).toMatchObject({ state: "NC", district: 12, since: "2025-04-29" });
  });

  it("sends no e-mail addresses, phone numbers or offices", async () => {
    const text = await (await t.app.request("/api/v1/bills/hr3069-119/cosponsors")).text();
    expect(text).not.toMatch(/@|phone|email|address|\d{3}-\d{3}-\d{4}/i);
  });

  it("S.1506: Sanders and 18 senators, district null; the stored id works too", async () => {
    const body = await (await t.app.request("/api/v1/bills/119-s1506/cosponsors")).json();
    expect(body.sponsor).toMatchObject({ bioguideId: "S000033", party: "I", state: "VT", district: null });
    expect(body.cosponsors).toHaveLength(18);
    expect(body.cosponsors.every((p: { district: unknown }) => p.district === null)).toBe(true);
  });

  it("says plainly when the roll is incomplete", async () => {
    const body = await (await t.app.request("/api/v1/bills/hr676-115/cosponsors")).json();
    expect(body).toMatchObject({ complete: false, officialCount: 124 });
    expect(body.cosponsors).toHaveLength(2);
    expect(body.sponsor.bioguideId).toBe("E000288");
    expect(body.formerSponsors).toEqual([expect.objectContaining({ bioguideId: "C000714", name: "John Conyers Jr." })]);
  });

  it("gives withdrawn cosponsors their withdrawal date", async () => {
    await t.ctx.db
      .update(billCosponsors)
      .set({ withdrawnOn: "2026-03-02" })
      .where(and(eq(billCosponsors.billId, "119-s1506"), eq(billCosponsors.bioguideId, "W000817")));
    await t.ctx.cache.invalidate(cacheTags.publicData);
    const body = await (await t.app.request("/api/v1/bills/s1506-119/cosponsors")).json();
    const warren = body.cosponsors.find((p: { bioguideId: string }) => p.bioguideId === "W000817");
    expect(warren?.withdrawnAt).toBe("2026-03-02");
  });

  it("answers 404 with {code, message} for an unknown or malformed bill", async () => {
    for (const path of ["/api/v1/bills/hr1-119/cosponsors", "/api/v1/bills/nonsense/cosponsors", "/api/v1/bills/%3Cb%3E/cosponsors"]) {
      const res = await t.app.request(path);
      expect(res.status).toBe(404);
      expect(res.headers.get("content-type")).toContain("application/json");
      const body = await res.json();
      expect(body).toMatchObject({ code: "not_found" });
      expect(typeof body.message).toBe("string");
      expect(res.headers.get("cache-control")).not.toBe("public, max-age=300");
    }
  });
});
