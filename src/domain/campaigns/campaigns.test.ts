import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../tests/support/test-database.js";
import { billCosponsors, campaignActions, campaigns, type CampaignWords } from "../../db/schema/index.js";
import { cacheTags } from "../../db/read-cache.js";
import { loadCongressDirectory, type CongressMember } from "../congress/congress-directory.js";
import type { Ctx } from "../context.js";
import { DomainError } from "../errors.js";
import { fakeGeocoder } from "../../integrations/geocoder/fake-geocoder.js";
import { getActiveCampaign, getCampaign } from "./campaign-catalogue.js";
import { composeMessages } from "./compose-messages.js";
import { fillTemplate, placeholderNames, type TemplateValues } from "./fill-template.js";
import { findRepresentatives, parseSeat, type Seat } from "./find-representatives.js";
import { countsFor, getActionCounts } from "./get-action-counts.js";
import { locateAddress } from "./locate-address.js";
import type { MemberStance } from "./member-stance.js";
import { recordCampaignAction } from "./record-campaign-action.js";

const campaignSlug = "medicare-for-all";
let db: TestDatabase;
let ctx: Ctx;
beforeAll(async () => {
  db = await createTestDatabase("loaded");
  ctx = db.ctx;
});
afterAll(() => db.close());

async function domainError(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(error)}`);
  return error;
}

const memberOf = (seat: Seat | undefined) => {
  if (seat?.kind !== "member") throw new Error(`expected a member, got ${JSON.stringify(seat)}`);
  return seat;
};

describe("campaign catalogue", () => {
  it("has the seeded Medicare for All campaign as the active one", async () => {
    const campaign = await getActiveCampaign({ ctx });
    expect(campaign).toMatchObject({ slug: campaignSlug, path: "/act/medicare-for-all", houseBillId: "119-hr3069", senateBillId: "119-s1506", isActive: true });
    expect(campaign.words("es").title).not.toBe(campaign.words("en").title);
    expect(campaign.words("fr").title).toBe(campaign.words("en").title);
  });

  it("says not_found for an unknown slug", async () => {
    expect((await domainError(getCampaign({ ctx, input: { slug: "nope" } }))).code).toBe("not_found");
  });
});

describe("findRepresentatives", () => {
  it("finds the senators and the one representative of a one-district ZIP", async () => {
    const reps = await findRepresentatives({ ctx, input: { campaignSlug, zip: "55401" } });
    expect(reps).toMatchObject({ zip: "55401", city: "Minneapolis", ambiguous: false, narrowedTo: null, districts: [{ state: "MN", district: 5 }] });
    expect(reps.states.map((s) => [s.code, s.type])).toEqual([["MN", "state"]]);
    const senators = reps.states[0]!.senators.map(memberOf);
    expect(senators.map((s) => [s.member.lastName, s.stance.status])).toEqual([
      ["Klobuchar", "not-cosponsor"],
      ["Smith", "cosponsor"],
    ]);
    const omar = memberOf(reps.house[0]);
    expect(omar.member).toMatchObject({ name: "Ilhan Omar", chamber: "house", title: "representative", district: 5 });
    expect(omar.stance).toMatchObject({ status: "cosponsor", since: "2025-04-29", complete: true, bill: { id: "119-hr3069", number: "H.R.3069" } });
    expect(omar.stance.bill?.path).toBe("/cosponsors/hr3069-119");
    expect(omar.stance.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("keeps every candidate of a ZIP that spans districts and states", async () => {
    const ny = await findRepresentatives({ ctx, input: { campaignSlug, zip: "10001" } });
    expect(ny.ambiguous).toBe(true);
    expect(ny.house.map((s) => memberOf(s).member.district)).toEqual([10, 12]);

    const border = await findRepresentatives({ ctx, input: { campaignSlug, zip: "42223" } });
    expect(border.states.map((s) => s.code)).toEqual(["KY", "TN"]);
    expect(border.states.map((s) => s.senators.length)).toEqual([2, 2]);
  });

  it("narrows to a district given by an address search, and follows an address in another state", async () => {
    const narrowed = await findRepresentatives({ ctx, input: { campaignSlug, zip: "10001", district: "NY-12" } });
    expect(narrowed).toMatchObject({ ambiguous: false, narrowedTo: { state: "NY", district: 12 }, districts: [{ state: "NY", district: 12 }] });
    expect(memberOf(narrowed.house[0]).member.name).toBe("Jerrold Nadler");

    const elsewhere = await findRepresentatives({ ctx, input: { campaignSlug, zip: "55401", district: "mn-4" } });
    expect(elsewhere.narrowedTo).toEqual({ state: "MN", district: 4 });
    expect(memberOf(elsewhere.house[0]).member.district).toBe(4);

    const moved = await findRepresentatives({ ctx, input: { campaignSlug, zip: "55401", district: "WI-3" } });
    expect(moved.states.map((s) => s.code)).toEqual(["WI"]);

    // A seat that does not exist is ignored rather than trusted.
    const bogus = await findRepresentatives({ ctx, input: { campaignSlug, zip: "10001", district: "NY-99" } });
    expect(bogus).toMatchObject({ ambiguous: true, narrowedTo: null });
  });

  it("gives DC and the territories their delegate and no senators", async () => {
    for (const [zip, code, title] of [
      ["20001", "DC", "delegate"],
      ["00901", "PR", "resident_commissioner"],
      ["96910", "GU", "delegate"],
    ] as const) {
      const reps = await findRepresentatives({ ctx, input: { campaignSlug, zip } });
      expect(reps.states).toMatchObject([{ code, senators: [] }]);
      expect(memberOf(reps.house[0]).member).toMatchObject({ title, district: 0 });
    }
  });

  it("marks a seat without a member as vacant", async () => {
    const reps = await findRepresentatives({ ctx, input: { campaignSlug, zip: "94541" } });
    expect(reps.house).toEqual([{ kind: "vacant", chamber: "house", state: "CA", stateName: "California", district: 14 }]);
  });

  it("refuses malformed and unknown ZIP codes with the field at fault", async () => {
    const malformed = await domainError(findRepresentatives({ ctx, input: { campaignSlug, zip: "abc" } }));
    expect(malformed).toMatchObject({ code: "invalid", fieldErrors: { zip: "invalid_zip" } });
    const unknown = await domainError(findRepresentatives({ ctx, input: { campaignSlug, zip: "00000" } }));
    expect(unknown).toMatchObject({ code: "invalid", fieldErrors: { zip: "unknown_zip" } });
  });

  it("says withdrawn for a cosponsor who withdrew, and unknown on an incomplete roll", async () => {
    const where = and(eq(billCosponsors.billId, "119-hr3069"), eq(billCosponsors.bioguideId, "O000173"));
    await ctx.db.update(billCosponsors).set({ withdrawnOn: "2026-02-01" }).where(where);
    await ctx.cache.invalidate(cacheTags.publicData);
    try {
      const reps = await findRepresentatives({ ctx, input: { campaignSlug, zip: "55401" } });
      expect(memberOf(reps.house[0]).stance).toMatchObject({ status: "withdrawn", withdrawnOn: "2026-02-01", since: "2025-04-29" });
    } finally {
      await ctx.db.update(billCosponsors).set({ withdrawnOn: null }).where(where);
      await ctx.cache.invalidate(cacheTags.publicData);
    }

    const [seeded] = await ctx.db.select({ words: campaigns.words }).from(campaigns).where(eq(campaigns.slug, campaignSlug));
    await ctx.db.insert(campaigns).values({ slug: "single-payer-2017", houseBillId: "115-hr676", senateBillId: null, words: seeded!.words });
    await ctx.cache.invalidate(cacheTags.campaigns);
    const old = await findRepresentatives({ ctx, input: { campaignSlug: "single-payer-2017", zip: "55401" } });
    expect(memberOf(old.house[0]).stance).toMatchObject({ status: "unknown", complete: false, bill: { number: "H.R.676" } });
    expect(memberOf(old.states[0]!.senators[0]).stance).toEqual({ bill: null, status: "unknown", since: null, withdrawnOn: null, asOf: null, complete: false });
  });
});

describe("locateAddress", () => {
  it("places an address in a seat, adding the ZIP when the address lacks it", async () => {
    const geocoder = fakeGeocoder({ "350 5th Ave, 10001": { stateFips: "36", district: 12, matchedAddress: "350 5TH AVE, NEW YORK, NY, 10118" } });
    const found = await locateAddress({ ctx: { ...ctx, geocoder }, input: { address: "  350   5th Ave ", zip: "10001" } });
    expect(found).toEqual({ kind: "found", seat: "NY-12", seats: ["NY-12"], nearLine: false, matchedAddress: "350 5TH AVE, NEW YORK, NY, 10118" });
    expect(geocoder.calls).toEqual(["350 5th Ave, 10001"]);
    await locateAddress({ ctx: { ...ctx, geocoder }, input: { address: "350 5th Ave, New York 10001", zip: "10001" } });
    expect(geocoder.calls.at(-1)).toBe("350 5th Ave, New York 10001");
  });

  it("says not_found for an unmatched address or a state we do not know, unavailable when the geocoder is down", async () => {
    const geocoder = fakeGeocoder({ "1 Nowhere": { stateFips: "99", district: 1, matchedAddress: "1 NOWHERE" } });
    expect(await locateAddress({ ctx: { ...ctx, geocoder }, input: { address: "1 Nowhere" } })).toEqual({ kind: "not_found" });
    expect(await locateAddress({ ctx: { ...ctx, geocoder }, input: { address: "2 Nowhere" } })).toEqual({ kind: "not_found" });
    geocoder.unreachable = true;
    expect(await locateAddress({ ctx: { ...ctx, geocoder }, input: { address: "1 Nowhere" } })).toEqual({ kind: "unavailable" });
  });

  it("refuses an empty or overlong address without asking the geocoder", async () => {
    const geocoder = fakeGeocoder();
    expect(await domainError(locateAddress({ ctx: { ...ctx, geocoder }, input: { address: "   " } }))).toMatchObject({ fieldErrors: { address: "required" } });
    expect(await domainError(locateAddress({ ctx: { ...ctx, geocoder }, input: { address: "a".repeat(201) } }))).toMatchObject({ fieldErrors: { address: "too_long" } });
    expect(geocoder.calls).toEqual([]);
  });
});

describe("parseSeat", () => {
  it.each([
    ["MN-5", { state: "MN", district: 5 }],
    [" ak-0 ", { state: "AK", district: 0 }],
    ["MN5", undefined],
    [undefined, undefined],
  ])("%j → %j", (value, seat) => {
    expect(parseSeat(value)).toEqual(seat);
  });
});

const values: TemplateValues = {
  callerName: "Ana",
  callerPlace: "Minneapolis, MN 55401",
  memberTitle: "Senator",
  memberTitleLower: "senator",
  memberName: "Amy Klobuchar",
  memberLastName: "Klobuchar",
  memberHandle: "@SenAmyKlobuchar",
  bill: "S.1506",
};

describe("fillTemplate", () => {
  it("fills every known placeholder, each time it appears", () => {
    const template = placeholderNames.map((name) => `{${name}}`).join("|");
    expect(fillTemplate(template, values)).toBe(placeholderNames.map((name) => values[name]).join("|"));
    expect(fillTemplate("{bill} and {bill}", values)).toBe("S.1506 and S.1506");
  });

  it("leaves unknown placeholders visible, so typos show up", () => {
    expect(fillTemplate("Hi {memberTitel} {memberLastName}", values)).toBe("Hi {memberTitel} Klobuchar");
    expect(fillTemplate("{toString} {constructor}", values)).toBe("{toString} {constructor}");
  });

  it("does not interpret replacement patterns in the values", () => {
    expect(fillTemplate("{callerName}", { ...values, callerName: "$& $1 $$" })).toBe("$& $1 $$");
  });
});

describe("composeMessages", () => {
  const words: CampaignWords = {
    title: "t",
    summary: "s",
    callScript: { cosponsor: "Thank {memberTitle} {memberLastName} for {bill}. — {callerName}, {callerPlace}", notCosponsor: "Ask {memberTitleLower} {memberName} to sign {bill}." },
    letter: { cosponsor: "Thanks for {bill}\n\nDear {memberTitle} {memberLastName},\nThank you.\n{callerName}", notCosponsor: "Please sign {bill}\n\nDear {memberTitle} {memberLastName},\nPlease.\n{callerName}" },
    post: { cosponsor: "Thank you {memberHandle} for {bill}!", notCosponsor: "{memberHandle}, please cosponsor {bill}." },
  };
  const member: CongressMember = {
    bioguideId: "K000367",
    chamber: "senate",
    title: "senator",
    name: "Amy Klobuchar",
    lastName: "Klobuchar",
    party: "Democrat",
    state: "MN",
    stateName: "Minnesota",
    district: null,
    capitolPhone: "202-224-3244",
    capitolAddress: null,
    localOffices: [],
    contactFormUrl: null,
    websiteUrl: null,
    twitter: "SenAmyKlobuchar",
    bluesky: "klobuchar.senate.gov",
    mastodon: "https://mastodon.social/@amyk",
  };
  const stance = (status: MemberStance["status"]): MemberStance => ({
    bill: { id: "119-s1506", number: "S.1506", path: "/bills/119-s1506", congressGovUrl: "https://www.congress.gov/bill/119th-congress/senate-bill/1506" },
    status,
    since: null,
    withdrawnOn: null,
    asOf: "2026-09-26",
    complete: true,
  });
  const compose = (status: MemberStance["status"], overrides: Partial<CongressMember> = {}) =>
    composeMessages({ words, member: { ...member, ...overrides }, stance: stance(status), title: "Senator", callerName: "Ana", callerPlace: "Minneapolis, MN 55401" });

  it.each(["sponsor", "cosponsor"] as const)("thanks a %s", (status) => {
    const messages = compose(status);
    expect(messages.variant).toBe("cosponsor");
    expect(messages.callScript).toBe("Thank Senator Klobuchar for S.1506. — Ana, Minneapolis, MN 55401");
    expect(messages.letterSubject).toBe("Thanks for S.1506");
    expect(messages.letterBody).toBe("Dear Senator Klobuchar,\nThank you.\nAna");
  });

  it.each(["not-cosponsor", "withdrawn", "unknown"] as const)("asks a member whose status is %s, never thanks them", (status) => {
    const messages = compose(status);
    expect(messages.variant).toBe("notCosponsor");
    expect(messages.callScript).toBe("Ask senator Amy Klobuchar to sign S.1506.");
    expect(messages.letterSubject).toBe("Please sign S.1506");
    expect(messages.post.x).toBe("@SenAmyKlobuchar, please cosponsor S.1506.");
  });

  it("uses the member's handle on each network, and their title and name where they have none", () => {
    expect(compose("cosponsor").post).toEqual({
      x: "Thank you @SenAmyKlobuchar for S.1506!",
      bluesky: "Thank you @klobuchar.senate.gov for S.1506!",
      mastodon: "Thank you @amyk@mastodon.social for S.1506!",
    });
    expect(compose("cosponsor", { twitter: null, bluesky: null, mastodon: null }).post).toEqual({
      x: "Thank you Senator Klobuchar for S.1506!",
      bluesky: "Thank you Senator Klobuchar for S.1506!",
      mastodon: "Thank you Senator Klobuchar for S.1506!",
    });
    expect(compose("cosponsor", { mastodon: "amyk@mastodon.social" }).post.mastodon).toBe("Thank you @amyk@mastodon.social for S.1506!");
    expect(compose("cosponsor", { mastodon: "@amyk@mastodon.social" }).post.mastodon).toBe("Thank you @amyk@mastodon.social for S.1506!");
  });

  it("fills every placeholder of the seeded campaign in both languages", async () => {
    const campaign = await getActiveCampaign({ ctx });
    const directory = await loadCongressDirectory(ctx);
    const omar = directory.members.get("O000173")!;
    for (const locale of ["en", "es"]) {
      for (const status of ["cosponsor", "not-cosponsor"] as const) {
        const messages = composeMessages({
          words: campaign.words(locale),
          member: omar,
          stance: { ...stance(status), bill: { ...stance(status).bill!, number: "H.R.3069" } },
          title: "Representative",
          callerName: "Ana",
          callerPlace: "Minneapolis, MN 55401",
        });
        const text = [messages.callScript, messages.letterSubject, messages.letterBody, ...Object.values(messages.post)].join("\n");
        expect(text).not.toMatch(/\{\w+\}/);
        expect(messages.callScript).toContain("Ana");
        expect(messages.letterSubject).not.toBe("");
        expect(messages.letterBody).not.toBe("");
        expect(text).toContain("H.R.3069");
      }
    }
  });
});

describe("recordCampaignAction and getActionCounts", () => {
  beforeEach(async () => {
    await ctx.db.delete(campaignActions);
    await ctx.cache.invalidate(cacheTags.campaignActions);
  });

  const at = (iso: string): Ctx => ({ ...ctx, now: () => new Date(iso) });
  const record = (when: Ctx, bioguideId: string, outcome: string, zip?: string) =>
    recordCampaignAction({ ctx: when, input: { campaignSlug, bioguideId, outcome, zip } });

  it("records an action and counts it at once", async () => {
    const recorded = await record(ctx, "O000173", "talked_to_staff", "55401");
    expect(recorded).toEqual({ id: expect.any(Number), campaignSlug, bioguideId: "O000173", outcome: "talked_to_staff" });
    const [row] = await ctx.db.select().from(campaignActions).where(eq(campaignActions.id, recorded.id));
    expect(row).toMatchObject({ campaignSlug, bioguideId: "O000173", outcome: "talked_to_staff", zip: "55401" });

    const counts = await getActionCounts({ ctx, input: { campaignSlug } });
    expect(counts).toMatchObject({ total: 1, thisWeek: 1 });
    expect(countsFor(counts, "O000173")).toEqual({ callsThisWeek: 1, actionsThisWeek: 1, mailboxFullToday: 0 });
    expect(countsFor(counts, "K000367")).toEqual({ callsThisWeek: 0, actionsThisWeek: 0, mailboxFullToday: 0 });
  });

  it("keeps a ZIP only when it is a real one", async () => {
    const unknown = await record(ctx, "O000173", "posted", "00000");
    const plus4 = await record(ctx, "O000173", "posted", "55401-1234");
    const rows = await ctx.db.select({ id: campaignActions.id, zip: campaignActions.zip }).from(campaignActions);
    expect(rows.find((r) => r.id === unknown.id)?.zip).toBeNull();
    expect(rows.find((r) => r.id === plus4.id)?.zip).toBe("55401");
  });

  it("counts calls, actions and mailbox-full reports over their windows", async () => {
    const now = "2026-10-15T12:00:00Z";
    await record(at("2026-10-01T12:00:00Z"), "O000173", "talked_to_staff"); // two weeks ago: total only
    await record(at("2026-10-10T12:00:00Z"), "O000173", "mailbox_full"); // this week, not today
    await record(at("2026-10-15T02:00:00Z"), "O000173", "mailbox_full"); // today
    await record(at("2026-10-15T03:00:00Z"), "O000173", "left_voicemail");
    await record(at("2026-10-15T04:00:00Z"), "O000173", "sent_letter"); // an action, not a call
    await record(at("2026-10-15T05:00:00Z"), "S001203", "busy_no_answer");
    await ctx.cache.invalidate(cacheTags.campaignActions);

    const counts = await getActionCounts({ ctx: at(now), input: { campaignSlug } });
    expect(counts.total).toBe(6);
    expect(counts.thisWeek).toBe(5);
    expect(countsFor(counts, "O000173")).toEqual({ callsThisWeek: 3, actionsThisWeek: 4, mailboxFullToday: 1 });
    expect(countsFor(counts, "S001203")).toEqual({ callsThisWeek: 1, actionsThisWeek: 1, mailboxFullToday: 0 });
  });

  it("keeps campaigns' counters apart", async () => {
    const [seeded] = await ctx.db.select({ words: campaigns.words }).from(campaigns).where(eq(campaigns.slug, campaignSlug));
    await ctx.db.insert(campaigns).values({ slug: "other-campaign", houseBillId: "119-hr3069", senateBillId: "119-s1506", words: seeded!.words });
    await ctx.cache.invalidate(cacheTags.campaigns);
    await recordCampaignAction({ ctx, input: { campaignSlug: "other-campaign", bioguideId: "O000173", outcome: "posted" } });
    expect((await getActionCounts({ ctx, input: { campaignSlug } })).total).toBe(0);
    expect((await getActionCounts({ ctx, input: { campaignSlug: "other-campaign" } })).total).toBe(1);
  });

  it("refuses unknown members, outcomes and campaigns", async () => {
    expect(await domainError(record(ctx, "X000000", "posted"))).toMatchObject({ code: "invalid", fieldErrors: { bioguideId: "invalid_choice" } });
    expect(await domainError(record(ctx, "O000173", "shouted"))).toMatchObject({ code: "invalid", fieldErrors: { outcome: "invalid_choice" } });
    const noCampaign = await domainError(recordCampaignAction({ ctx, input: { campaignSlug: "nope", bioguideId: "O000173", outcome: "posted" } }));
    expect(noCampaign.code).toBe("not_found");
    expect(await ctx.db.select().from(campaignActions)).toEqual([]);
  });
});
