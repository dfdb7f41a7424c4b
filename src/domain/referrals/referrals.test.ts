import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { uniqueEmail } from "../../../tests/support/factories.js";
import { createTestDatabase, type TestDatabase } from "../../../tests/support/test-database.js";
import { attributions, referralCodes } from "../../db/schema/index.js";
import type { Actor } from "../accounts/actor.js";
import { getReferralReport } from "../admin/referrals/get-referral-report.js";
import type { Ctx } from "../context.js";
import { findOrCreatePerson } from "../people/find-or-create-person.js";
import { countReferrals } from "./count-referrals.js";
import { ensureReferralCode } from "./ensure-referral-code.js";
import { isReferralCode, newReferralCode, parseTrafficSource } from "./referral-code.js";
import { recordAttribution } from "./record-attribution.js";

let db: TestDatabase;
let ctx: Ctx;
beforeAll(async () => {
  db = await createTestDatabase("empty");
  ctx = db.ctx;
});
afterAll(async () => {
  await db.close();
});

const admin: Actor = { personId: 1, name: "Staff", email: "staff@example.org", locale: "en", isAdmin: true, organizerOf: new Set() };
const person = async (name = "Fannie Lou") => (await findOrCreatePerson({ ctx, input: { email: uniqueEmail(), name } })).id;

describe("codes", () => {
  it("are 8 unambiguous characters", () => {
    const codes = new Set(Array.from({ length: 200 }, newReferralCode));
    expect(codes.size).toBe(200);
    for (const code of codes) expect(code).toMatch(/^[a-hjkmnp-z2-9]{8}$/);
    expect(isReferralCode("abcdefgh")).toBe(true);
    expect(isReferralCode("abcdefg1")).toBe(false); // 1 looks like l
    expect(isReferralCode("ABCDEFGH")).toBe(false);
    expect(isReferralCode("abc")).toBe(false);
  });

  it("read link parameters leniently: bad ones are dropped, good ones lower-cased", () => {
    expect(parseTrafficSource({ ref: " ABCDEFGH ", utmSource: "Newsletter", utmCampaign: "fall-2026" })).toEqual({
      referralCode: "abcdefgh",
      utmSource: "newsletter",
      utmCampaign: "fall-2026",
    });
    expect(parseTrafficSource({ ref: "<script>", utmSource: "a b", utmCampaign: "x".repeat(61) })).toEqual({
      referralCode: undefined,
      utmSource: undefined,
      utmCampaign: undefined,
    });
  });
});

describe("ensureReferralCode", () => {
  it("gives a person one code for good", async () => {
    const id = await person();
    const first = await ensureReferralCode({ ctx, input: { personId: id } });
    const again = await ensureReferralCode({ ctx, input: { personId: id, current: newReferralCode() } });
    expect(again).toBe(first);
  });

  it("keeps an anonymous browser's code, and hands it to the person when they sign up", async () => {
    const anonymous = await ensureReferralCode({ ctx, input: {} });
    expect(await ensureReferralCode({ ctx, input: { current: anonymous } })).toBe(anonymous);
    const id = await person();
    expect(await ensureReferralCode({ ctx, input: { personId: id, current: anonymous } })).toBe(anonymous);
    const [row] = await ctx.db.select().from(referralCodes).where(eq(referralCodes.code, anonymous));
    expect(row?.personId).toBe(id);
    // Someone else's code in a shared browser is not taken over.
    const other = await person();
    expect(await ensureReferralCode({ ctx, input: { personId: other, current: anonymous } })).not.toBe(anonymous);
  });

  it("replaces a cookie value that is not a code we issued", async () => {
    const forged = newReferralCode();
    const code = await ensureReferralCode({ ctx, input: { current: forged } });
    expect(code).not.toBe(forged);
    expect(isReferralCode(code)).toBe(true);
  });
});

describe("recordAttribution and countReferrals", () => {
  it("counts each person once and each anonymous action", async () => {
    const sharer = await person();
    const code = await ensureReferralCode({ ctx, input: { personId: sharer } });
    expect(await countReferrals({ ctx, input: { code } })).toBe(0);
    const friend = await person();
    await recordAttribution({ ctx, input: { kind: "signup", subject: "list:national", personId: friend, ref: code } });
    await recordAttribution({ ctx, input: { kind: "join", subject: "group:1", personId: friend, ref: code } });
    await recordAttribution({ ctx, input: { kind: "action", subject: "campaign:medicare-for-all", ref: code } });
    await recordAttribution({ ctx, input: { kind: "action", subject: "campaign:medicare-for-all", ref: code } });
    expect(await countReferrals({ ctx, input: { code } })).toBe(3);
  });

  it("ignores following your own link, and codes nobody was given", async () => {
    const sharer = await person();
    const code = await ensureReferralCode({ ctx, input: { personId: sharer } });
    expect(await recordAttribution({ ctx, input: { kind: "join", subject: "group:1", personId: sharer, ref: code } })).toBe(false);
    expect(await recordAttribution({ ctx, input: { kind: "action", subject: "campaign:x", ref: code, ownCode: code } })).toBe(false);
    const unknown = newReferralCode();
    expect(await recordAttribution({ ctx, input: { kind: "action", subject: "campaign:x", ref: unknown } })).toBe(false);
    // ...but the utm source of the same visit still counts.
    expect(await recordAttribution({ ctx, input: { kind: "action", subject: "campaign:x", ref: unknown, utmSource: "flyer" } })).toBe(true);
    const [row] = await ctx.db.select().from(attributions).where(eq(attributions.utmSource, "flyer"));
    expect(row?.referralCode).toBeNull();
    expect(await countReferrals({ ctx, input: { code } })).toBe(0);
  });
});

describe("getReferralReport", () => {
  it("is for national staff only, and refuses an unknown period", async () => {
    await expect(getReferralReport({ ctx, input: { actor: undefined } })).rejects.toMatchObject({ code: "forbidden" });
    await expect(getReferralReport({ ctx, input: { actor: { ...admin, isAdmin: false } } })).rejects.toMatchObject({ code: "forbidden" });
    await expect(getReferralReport({ ctx, input: { actor: admin, period: "365" } })).rejects.toMatchObject({ code: "invalid" });
  });

  it("ranks sources and referrers within the period", async () => {
    const report = (period?: string) => getReferralReport({ ctx, input: { actor: admin, period } });
    const before = await report("all");
    const star = await person("Ella Star");
    const code = await ensureReferralCode({ ctx, input: { personId: star } });
    for (let i = 0; i < 3; i++) await recordAttribution({ ctx, input: { kind: "action", subject: "campaign:c", ref: code, utmSource: "whatsapp", utmCampaign: "call-day" } });
    await recordAttribution({ ctx, input: { kind: "signup", subject: "list:national", personId: await person(), utmSource: "whatsapp", utmCampaign: "call-day" } });
    // Outside the 7-day window.
    const old = { ...ctx, now: () => new Date(Date.now() - 10 * 24 * 3600 * 1000) };
    await recordAttribution({ ctx: old, input: { kind: "join", subject: "group:1", personId: await person(), utmSource: "old-flyer" } });

    const all = await report("all");
    expect(all.total - before.total).toBe(5);
    const whatsapp = all.sources.find((s) => s.utmSource === "whatsapp" && s.utmCampaign === "call-day");
    expect(whatsapp).toEqual({ utmSource: "whatsapp", utmCampaign: "call-day", signups: 1, joins: 0, rsvps: 0, actions: 3, total: 4 });
    expect(all.sources[0]).toEqual(whatsapp);
    expect(all.referrers.find((r) => r.code === code)).toEqual({ code, name: "Ella Star", personId: star, people: 3 });

    const week = await report("7");
    expect(week.sources.some((s) => s.utmSource === "old-flyer")).toBe(false);
    expect(all.sources.some((s) => s.utmSource === "old-flyer")).toBe(true);
  });
});
