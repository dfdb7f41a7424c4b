import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../tests/support/test-app.js";
import { billCosponsors, campaigns } from "../db/schema/index.js";
import { cacheTags } from "../db/read-cache.js";
import { outcomeRateLimit } from "./congress-routes.js";

interface Member {
  bioguideId: string;
  name: string;
  chamber: "senate" | "house";
  title: string;
  party: string;
  state: string;
  district?: number;
  phones: { office: string; number: string }[];
  contactForm: string | null;
  twitter: string | null;
  cosponsor: { bill: string | null; billId: string | null; status: string; since: string | null; withdrawnAt: string | null; asOf: string | null };
}

interface Representatives {
  zip: string;
  city: string | null;
  campaign: string;
  state: string;
  states: string[];
  districts: { state: string; district: number }[];
  ambiguous: boolean;
  noSenators: boolean;
  narrowedBy: "address" | null;
  addressLookup?: "found" | "not_found" | "unavailable";
  matchedAddress?: string;
  members: Member[];
  vacancies: { chamber: "house" | "senate"; state: string; district?: number }[];
}

let t: TestApp;
beforeAll(async () => {
  // Each test that posts outcomes sends its own X-Forwarded-For, so their rate limits do not meet.
  t = await createTestApp({ config: { trustProxy: true } });
});
afterAll(() => t.close());

async function representatives(query: string) {
  const res = await t.app.request(`/api/v1/representatives?${query}`);
  return { res, body: (await res.json()) as Representatives };
}

const byName = (body: Representatives, lastName: string) => {
  const member = body.members.find((m) => m.name.endsWith(lastName));
  if (!member) throw new Error(`${lastName} is not among ${body.members.map((m) => m.name).join(", ")}`);
  return member;
};

describe("GET /api/v1/representatives", () => {
  it("answers a one-district ZIP with two senators and one representative, and where each stands", async () => {
    const { res, body } = await representatives("zip=55401");
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("public, max-age=300");
    expect(body).toMatchObject({
      zip: "55401",
      city: "Minneapolis",
      campaign: "medicare-for-all",
      state: "MN",
      states: ["MN"],
      districts: [{ state: "MN", district: 5 }],
      ambiguous: false,
      noSenators: false,
      narrowedBy: null,
      vacancies: [],
    });
    expect(body.members.map((m) => [m.chamber, m.name])).toEqual([
      ["senate", "Amy Klobuchar"],
      ["senate", "Tina Smith"],
      ["house", "Ilhan Omar"],
    ]);
    const omar = byName(body, "Omar");
    expect(omar).toMatchObject({ chamber: "house", title: "representative", party: "Democrat", state: "MN", district: 5 });
    expect(omar.cosponsor).toMatchObject({ bill: "H.R.3069", billId: "119-hr3069", status: "cosponsor", since: "2025-04-29" });
    expect(byName(body, "Klobuchar").cosponsor).toMatchObject({ bill: "S.1506", billId: "119-s1506", status: "not_cosponsor", since: null });
    expect(byName(body, "Smith").cosponsor).toMatchObject({ bill: "S.1506", status: "cosponsor" });
    expect(byName(body, "Smith").cosponsor.since).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("lists the Washington office first, then each district office by city", async () => {
    const { body } = await representatives("zip=55401");
    const klobuchar = byName(body, "Klobuchar");
    expect(klobuchar.phones[0]).toEqual({ office: "Washington, DC", number: "202-224-3244" });
    expect(klobuchar.phones.length).toBeGreaterThan(1);
    expect(klobuchar.phones.map((p) => p.office)).toContain("Minneapolis");
    for (const phone of klobuchar.phones) expect(Object.keys(phone).sort()).toEqual(["number", "office"]);
    expect(klobuchar.contactForm).toMatch(/^https:\/\//);
    expect(klobuchar.twitter).toBe("SenAmyKlobuchar");
  });

  it("sends each member's public fields only, with no district on senators", async () => {
    const { body } = await representatives("zip=55401");
    const common = ["bioguideId", "chamber", "contactForm", "cosponsor", "name", "party", "phones", "state", "title", "twitter"];
    expect(Object.keys(byName(body, "Klobuchar")).sort()).toEqual(common);
    expect(Object.keys(byName(body, "Omar")).sort()).toEqual([...common, "district"].sort());
    expect(Object.keys(byName(body, "Omar").cosponsor).sort()).toEqual(["asOf", "bill", "billId", "since", "status", "withdrawnAt"]);
    const text = JSON.stringify(body);
    expect(text).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.]+/); // no e-mail address of anyone
    expect(text).not.toMatch(/officeAddress|capitolAddress|"address"|bluesky|mastodon|lastName/);
  });

  it("returns every candidate when a ZIP spans two districts", async () => {
    const { body } = await representatives("zip=10001");
    expect(body.ambiguous).toBe(true);
    expect(body.districts).toEqual([
      { state: "NY", district: 10 },
      { state: "NY", district: 12 },
    ]);
    expect(body.members.filter((m) => m.chamber === "house").map((m) => m.district)).toEqual([10, 12]);
    expect(body.members.filter((m) => m.chamber === "senate")).toHaveLength(2);
  });

  it("returns the senators of both states when a ZIP crosses a state line", async () => {
    const { body } = await representatives("zip=42223");
    expect(body.state).toBe("KY");
    expect(body.states).toEqual(["KY", "TN"]);
    expect(body.ambiguous).toBe(true);
    expect(body.districts).toEqual([
      { state: "KY", district: 1 },
      { state: "TN", district: 7 },
    ]);
    const senators = body.members.filter((m) => m.chamber === "senate");
    expect(senators.map((m) => m.state)).toEqual(["KY", "KY", "TN", "TN"]);
  });

  it("gives at-large seats district 0, and the sponsor status to a bill's sponsor", async () => {
    const { body } = await representatives("zip=05401");
    expect(body.districts).toEqual([{ state: "VT", district: 0 }]);
    expect(byName(body, "Sanders").cosponsor).toMatchObject({ bill: "S.1506", status: "sponsor", since: "2025-04-29" });
    const house = body.members.find((m) => m.chamber === "house");
    expect(house).toMatchObject({ state: "VT", district: 0, title: "representative" });
  });

  it("gives DC its delegate and says there are no senators", async () => {
    const { body } = await representatives("zip=20001");
    expect(body).toMatchObject({ state: "DC", noSenators: true, ambiguous: false, vacancies: [] });
    expect(body.members).toHaveLength(1);
    expect(body.members[0]).toMatchObject({ name: "Eleanor Holmes Norton", chamber: "house", title: "delegate", district: 0 });
    expect(body.members[0]!.cosponsor.status).toBe("cosponsor");
  });

  it("gives Puerto Rico its resident commissioner", async () => {
    const { body } = await representatives("zip=00901");
    expect(body).toMatchObject({ state: "PR", noSenators: true });
    expect(body.members.map((m) => [m.chamber, m.title])).toEqual([["house", "resident_commissioner"]]);
  });

  it.each([
    ["96910", "GU"],
    ["00802", "VI"],
    ["96799", "AS"],
    ["96950", "MP"],
  ])("gives the territory of ZIP %s (%s) its delegate", async (zip, state) => {
    const { res, body } = await representatives(`zip=${zip}`);
    expect(res.status).toBe(200);
    expect(body).toMatchObject({ state, noSenators: true, districts: [{ state, district: 0 }], vacancies: [] });
    expect(body.members).toHaveLength(1);
    expect(body.members[0]).toMatchObject({ chamber: "house", title: "delegate", state, district: 0 });
    expect(body.members[0]!.phones[0]?.office).toBe("Washington, DC");
  });

  it("reports a vacant House seat as a vacancy, not as a member", async () => {
    // 94541 (Hayward) lies wholly in CA-14, vacant in the data.
    const { res, body } = await representatives("zip=94541");
    expect(res.status).toBe(200);
    expect(body.districts).toEqual([{ state: "CA", district: 14 }]);
    expect(body.vacancies).toEqual([{ chamber: "house", state: "CA", district: 14 }]);
    expect(body.members.map((m) => m.chamber)).toEqual(["senate", "senate"]);
  });

  it.each(["00000", "99999"])("refuses the unknown ZIP %s with 400", async (zip) => {
    const res = await t.app.request(`/api/v1/representatives?zip=${zip}`);
    expect(res.status).toBe(400);
    expect(res.headers.get("cache-control") ?? "").not.toContain("public");
    expect(await res.json()).toMatchObject({ code: "invalid", message: expect.stringContaining(zip), fields: { zip: "unknown_zip" } });
  });

  it.each([
    ["zip=abc", "invalid_zip"],
    ["zip=5540", "invalid_zip"],
    ["zip=", "required"],
    ["", "required"],
  ])("refuses %j with 400", async (query, reason) => {
    const res = await t.app.request(`/api/v1/representatives?${query}`);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { code: string; message: string; fields: Record<string, string> };
    expect(body.code).toBe("invalid");
    expect(body.message).toBeTruthy();
    expect(body.fields.zip).toBe(reason);
  });

  it("accepts ZIP+4", async () => {
    const { res, body } = await representatives("zip=55401-1234");
    expect(res.status).toBe(200);
    expect(body.zip).toBe("55401");
  });

  it("answers 404 for an unknown campaign", async () => {
    const res = await t.app.request("/api/v1/representatives?zip=55401&campaign=no-such-campaign");
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ code: "not_found" });
  });

  describe("with an address", () => {
    it("narrows a two-district ZIP to the address's district", async () => {
      t.geocoder.add("350 5th Ave, 10001", { stateFips: "36", district: 12, matchedAddress: "350 5TH AVE, NEW YORK, NY, 10118" });
      const { res, body } = await representatives(`zip=10001&address=${encodeURIComponent("350 5th Ave")}`);
      expect(res.status).toBe(200);
      expect(res.headers.get("cache-control")).toBe("private, no-store");
      expect(body).toMatchObject({
        ambiguous: false,
        narrowedBy: "address",
        addressLookup: "found",
        matchedAddress: "350 5TH AVE, NEW YORK, NY, 10118",
        districts: [{ state: "NY", district: 12 }],
      });
      expect(body.members.filter((m) => m.chamber === "house").map((m) => m.name)).toEqual(["Jerrold Nadler"]);
      expect(t.geocoder.calls.at(-1)).toBe("350 5th Ave, 10001");
    });

    it("keeps every candidate and says so when the geocoder cannot be reached", async () => {
      t.geocoder.unreachable = true;
      try {
        const { res, body } = await representatives(`zip=10001&address=${encodeURIComponent("1 Main St")}`);
        expect(res.status).toBe(200);
        expect(body).toMatchObject({ ambiguous: true, narrowedBy: null, addressLookup: "unavailable" });
        expect(body.districts).toHaveLength(2);
        expect(body).not.toHaveProperty("matchedAddress");
      } finally {
        t.geocoder.unreachable = false;
      }
    });

    it("keeps every candidate when the address is not found", async () => {
      const { body } = await representatives(`zip=10001&address=${encodeURIComponent("nowhere at all")}`);
      expect(body).toMatchObject({ ambiguous: true, narrowedBy: null, addressLookup: "not_found" });
      expect(body.districts).toHaveLength(2);
    });

    it("does not ask the geocoder about a ZIP that is refused", async () => {
      const before = t.geocoder.calls.length;
      const res = await t.app.request(`/api/v1/representatives?zip=abc&address=${encodeURIComponent("350 5th Ave")}`);
      expect(res.status).toBe(400);
      expect(t.geocoder.calls.length).toBe(before);
    });

    it("refuses an address over 200 characters", async () => {
      const res = await t.app.request(`/api/v1/representatives?zip=10001&address=${"a".repeat(201)}`);
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ fields: { address: "too_long" } });
    });
  });

  describe("cosponsor status", () => {
    it("says withdrawn when a cosponsor withdrew", async () => {
      const where = and(eq(billCosponsors.billId, "119-hr3069"), eq(billCosponsors.bioguideId, "O000173"));
      await t.ctx.db.update(billCosponsors).set({ withdrawnOn: "2026-01-15" }).where(where);
      await t.ctx.cache.invalidate(cacheTags.publicData);
      try {
        const { body } = await representatives("zip=55401");
        expect(byName(body, "Omar").cosponsor).toMatchObject({ status: "withdrawn", withdrawnAt: "2026-01-15" });
      } finally {
        await t.ctx.db.update(billCosponsors).set({ withdrawnOn: null }).where(where);
        await t.ctx.cache.invalidate(cacheTags.publicData);
      }
    });

    it("refers to the requested campaign's bills: unknown on an incomplete roll, null without a bill", async () => {
      const words = (await t.ctx.db.select({ words: campaigns.words }).from(campaigns).where(eq(campaigns.slug, "medicare-for-all")))[0]!.words;
      await t.ctx.db.insert(campaigns).values({ slug: "house-only-115", houseBillId: "115-hr676", senateBillId: null, words });
      await t.ctx.cache.invalidate(cacheTags.campaigns);
      const { res, body } = await representatives("zip=55401&campaign=house-only-115");
      expect(res.status).toBe(200);
      expect(body.campaign).toBe("house-only-115");
      expect(byName(body, "Omar").cosponsor).toMatchObject({ bill: "H.R.676", billId: "115-hr676", status: "unknown" });
      expect(byName(body, "Klobuchar").cosponsor).toEqual({ bill: null, billId: null, status: "unknown", since: null, withdrawnAt: null, asOf: null });
    });
  });
});

describe("POST /api/v1/campaigns/:campaign/outcomes", () => {
  let client = 0;
  const post = (body: unknown, options: { campaign?: string; ip?: string; contentType?: string; raw?: string } = {}) =>
    t.app.request(`/api/v1/campaigns/${options.campaign ?? "medicare-for-all"}/outcomes`, {
      method: "POST",
      headers: { "content-type": options.contentType ?? "application/json", "x-forwarded-for": options.ip ?? `203.0.113.${++client}` },
      body: options.raw ?? JSON.stringify(body),
    });

  interface Created {
    id: number;
    campaign: string;
    bioguideId: string;
    outcome: string;
    counts: { total: number; thisWeek: number; memberCallsThisWeek: number };
  }

  it("records a call and answers 201 with the new counts", async () => {
    const first = await post({ bioguideId: "O000173", outcome: "talked_to_staff", zip: "55401" });
    expect(first.status).toBe(201);
    const a = (await first.json()) as Created;
    expect(Object.keys(a).sort()).toEqual(["bioguideId", "campaign", "counts", "id", "outcome"]);
    expect(a).toMatchObject({ campaign: "medicare-for-all", bioguideId: "O000173", outcome: "talked_to_staff" });
    expect(a.id).toEqual(expect.any(Number));
    expect(a.counts.memberCallsThisWeek).toBeGreaterThanOrEqual(1);

    const second = await post({ bioguideId: "O000173", outcome: "left_voicemail" });
    const b = (await second.json()) as Created;
    expect(second.status).toBe(201);
    expect(b.id).not.toBe(a.id);
    expect(b.counts).toEqual({ total: a.counts.total + 1, thisWeek: a.counts.thisWeek + 1, memberCallsThisWeek: a.counts.memberCallsThisWeek + 1 });

    // A letter counts as an action but not as a call.
    const letter = (await (await post({ bioguideId: "O000173", outcome: "sent_letter" })).json()) as Created;
    expect(letter.counts).toMatchObject({ total: b.counts.total + 1, memberCallsThisWeek: b.counts.memberCallsThisWeek });
  });

  it("does not echo the reporter's ZIP", async () => {
    const res = await post({ bioguideId: "K000367", outcome: "posted", zip: "55401" });
    expect(res.status).toBe(201);
    expect(await res.text()).not.toContain("55401");
  });

  it.each([
    [{ bioguideId: "O000173", outcome: "yelled" }, { outcome: "invalid_choice" }],
    [{ bioguideId: "O000173" }, { outcome: "required" }],
    [{ outcome: "posted" }, { bioguideId: "required" }],
    [{ bioguideId: "O000173", outcome: "posted", zip: "abc" }, { zip: "invalid_zip" }],
    [{ bioguideId: "X".repeat(40), outcome: "posted" }, { bioguideId: "too_long" }],
  ])("refuses %j with 400 and the field at fault", async (body, fields) => {
    const res = await post(body);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: "invalid", message: expect.any(String), fields });
  });

  it("refuses a member who is not sitting", async () => {
    const res = await post({ bioguideId: "X000000", outcome: "talked_to_staff" });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: "invalid", fields: { bioguideId: "invalid_choice" } });
  });

  it("refuses a body that is not JSON", async () => {
    const res = await post(undefined, { raw: "{not json" });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: "invalid", message: expect.stringContaining("JSON") });
  });

  it("refuses a body that is not sent as JSON (a cross-site form could send text/plain)", async () => {
    const res = await post({ bioguideId: "O000173", outcome: "posted" }, { contentType: "text/plain" });
    expect(res.status).toBe(415);
    expect(await res.json()).toMatchObject({ code: "unsupported_media_type" });
  });

  it("answers 404 for an unknown campaign", async () => {
    const res = await post({ bioguideId: "O000173", outcome: "posted" }, { campaign: "no-such-campaign" });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ code: "not_found" });
  });

  it("limits reports per client address and says when to retry", async () => {
    const realNow = t.ctx.now;
    // In the middle of a rate-limit window, so the test cannot straddle two.
    const windowMs = outcomeRateLimit.windowSeconds * 1000;
    const fixed = new Date(Math.floor(Date.now() / windowMs) * windowMs + windowMs / 2);
    t.ctx.now = () => fixed;
    try {
      for (let i = 0; i < outcomeRateLimit.limit; i++) {
        expect((await post({ bioguideId: "S001203", outcome: "posted" }, { ip: "198.51.100.7" })).status).toBe(201);
      }
      const limited = await post({ bioguideId: "S001203", outcome: "posted" }, { ip: "198.51.100.7" });
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(await limited.json()).toMatchObject({ code: "rate_limited" });
      // Someone else is not affected.
      expect((await post({ bioguideId: "S001203", outcome: "posted" }, { ip: "198.51.100.8" })).status).toBe(201);
    } finally {
      t.ctx.now = realNow;
    }
  });
});
