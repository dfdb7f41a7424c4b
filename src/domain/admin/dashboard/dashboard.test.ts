import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { uniqueEmail } from "../../../../tests/support/factories.js";
import { createTestDatabase, type TestDatabase } from "../../../../tests/support/test-database.js";
import { campaignActions, groupApplications, groupMemberships, groups, people, states } from "../../../db/schema/index.js";
import type { Actor } from "../../accounts/actor.js";
import { getActiveCampaign } from "../../campaigns/campaign-catalogue.js";
import { loadCongressDirectory } from "../../congress/congress-directory.js";
import type { Ctx } from "../../context.js";
import { DomainError } from "../../errors.js";
import { getDashboard, weekStart } from "./get-dashboard.js";

/** A Wednesday. The window's 26 weeks run from Monday 2029-12-17 to the current week, of Monday 2030-06-10. */
const NOW = new Date("2030-06-12T12:00:00Z");
const at = (iso: string) => new Date(iso);
const admin: Actor = { personId: 1, name: "Staff", email: "staff@example.org", locale: "en", isAdmin: true, organizerOf: new Set() };

let db: TestDatabase;
let ctx: Ctx;
beforeAll(async () => {
  db = await createTestDatabase("loaded");
  ctx = { ...db.ctx, now: () => NOW };
});
afterAll(async () => {
  await db.close();
});

async function person(confirmedAt: Date | null, name = "Someone") {
  const email = uniqueEmail();
  const [row] = await ctx.db
    .insert(people)
    .values({ email, emailKey: email, name, emailConfirmedAt: confirmedAt, createdAt: confirmedAt ?? NOW, updatedAt: NOW })
    .returning({ id: people.id });
  return row!.id;
}

async function group(values: { state: string; slug: string; status: "pending" | "active" | "inactive"; createdAt: Date; lastConfirmedAt?: Date | null }) {
  const [row] = await ctx.db
    .insert(groups)
    .values({ name: `Test ${values.slug}`, kind: "local group", updatedAt: NOW, lastConfirmedAt: null, ...values })
    .returning({ id: groups.id });
  return row!.id;
}

describe("weeks", () => {
  it("starts on Monday, UTC", () => {
    expect(weekStart(NOW).toISOString()).toBe("2030-06-10T00:00:00.000Z");
    expect(weekStart(at("2030-06-10T00:00:00Z")).toISOString()).toBe("2030-06-10T00:00:00.000Z");
    expect(weekStart(at("2030-06-09T23:59:59Z")).toISOString()).toBe("2030-06-03T00:00:00.000Z");
  });
});

describe("getDashboard", () => {
  it("is for national staff only", async () => {
    await expect(getDashboard({ ctx, input: { actor: undefined } })).rejects.toMatchObject({ code: "forbidden" });
    await expect(getDashboard({ ctx, input: { actor: { ...admin, isAdmin: false, organizerOf: new Set([1]) } } })).rejects.toBeInstanceOf(DomainError);
  });

  it("counts sign-ups, joins and covered states in each weekly bucket", async () => {
    const before = await getDashboard({ ctx, input: { actor: admin } });
    expect(before.weeks).toHaveLength(26);
    expect(before.weeks[0]!.weekOf).toBe("2029-12-17");
    expect(before.weeks[25]!.weekOf).toBe("2030-06-10");
    const baseline = before.headline.statesCovered;
    expect(before.weeks.every((w) => w.statesCovered === baseline && w.signUps === 0 && w.joins === 0)).toBe(true);

    // Sign-ups: the first week's both edges, the current week, and three that do not count.
    await person(at("2029-12-17T00:00:00Z"));
    await person(at("2029-12-23T23:59:59Z"));
    await person(at("2030-06-11T08:00:00Z"));
    await person(at("2029-12-16T23:59:59Z")); // the week before the window
    await person(at("2030-06-13T08:00:00Z")); // after "now"
    await person(null); // never confirmed

    // Joins: two in week 3, one in week 10, one still pending.
    const [seeded] = await ctx.db.select({ id: groups.id }).from(groups).where(eq(groups.status, "active")).limit(1);
    const join = async (confirmedAt: Date | null) =>
      ctx.db.insert(groupMemberships).values({
        groupId: seeded!.id,
        personId: await person(confirmedAt),
        status: confirmedAt ? "active" : "pending",
        createdAt: confirmedAt ?? NOW,
        confirmedAt,
      });
    await join(at("2030-01-07T10:00:00Z"));
    await join(at("2030-01-13T22:00:00Z"));
    await join(at("2030-02-25T10:00:00Z"));
    await join(null);

    // Coverage: four of the 50 states without a group yet.
    const uncovered = await ctx.db
      .select({ usps: states.usps })
      .from(states)
      .where(and(eq(states.type, "state"), sql`not exists (select 1 from ${groups} where ${groups.state} = ${states.usps} and ${groups.status} = 'active')`))
      .orderBy(states.usps);
    expect(uncovered.length).toBeGreaterThanOrEqual(4);
    const [x, y, z, w] = uncovered.map((s) => s.usps) as [string, string, string, string];
    await group({ state: x, slug: "x-one", status: "active", createdAt: at("2030-02-05T12:00:00Z") }); // week 7
    await group({ state: x, slug: "x-two", status: "active", createdAt: at("2030-04-01T12:00:00Z") }); // same state again
    await group({ state: y, slug: "y-pending", status: "pending", createdAt: at("2030-01-01T12:00:00Z") });
    await group({ state: w, slug: "w-closed", status: "inactive", createdAt: at("2030-01-01T12:00:00Z") });
    // Applied in November, approved in week 13: counts from the approval.
    const founded = await group({ state: z, slug: "z-founded", status: "active", createdAt: at("2029-11-01T12:00:00Z"), lastConfirmedAt: at("2030-03-20T12:00:00Z") });
    await ctx.db.insert(groupApplications).values({
      groupId: founded,
      applicantId: await person(at("2029-11-01T12:00:00Z")),
      why: "Because.",
      status: "approved",
      createdAt: at("2029-11-01T12:00:00Z"),
      decidedAt: at("2030-03-20T12:00:00Z"),
    });

    const after = await getDashboard({ ctx, input: { actor: admin } });
    const signUps = after.weeks.map((w) => w.signUps);
    expect(signUps[0]).toBe(2);
    expect(signUps[25]).toBe(1);
    expect(signUps.reduce((a, b) => a + b, 0)).toBe(3 + 3); // plus the three joiners, below
    const joins = after.weeks.map((w) => w.joins);
    expect(joins[3]).toBe(2);
    expect(joins[10]).toBe(1);
    expect(joins.reduce((a, b) => a + b, 0)).toBe(3);
    // The joiners confirmed their address in the same weeks they joined.
    expect(signUps[3]).toBe(2);
    expect(signUps[10]).toBe(1);

    const covered = after.weeks.map((w) => w.statesCovered - baseline);
    expect(covered.slice(0, 7)).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(covered.slice(7, 13)).toEqual([1, 1, 1, 1, 1, 1]);
    expect(covered.slice(13)).toEqual(Array(13).fill(2));
    expect(after.headline.statesCovered).toBe(baseline + 2);
    expect(after.headline.statesTotal).toBe(50);
    expect(after.headline.peopleConfirmed).toBe(before.headline.peopleConfirmed + 5 + 3 + 1);
    expect(after.headline.activeGroups).toBe(before.headline.activeGroups + 3);
  });

  it("ranks the active campaign's actions per member, all time and in the last 7 days, with names", async () => {
    const campaign = await getActiveCampaign({ ctx });
    const directory = await loadCongressDirectory(ctx);
    const [first, second] = [...directory.members.values()];
    const act = (bioguideId: string, createdAt: Date, campaignSlug = campaign.slug) =>
      ctx.db.insert(campaignActions).values({ campaignSlug, bioguideId, outcome: "left_voicemail", zip: "55401", createdAt });
    await act(first!.bioguideId, at("2030-06-11T09:00:00Z"));
    await act(first!.bioguideId, at("2030-06-06T09:00:00Z"));
    await act(first!.bioguideId, at("2030-01-06T09:00:00Z"));
    await act(second!.bioguideId, at("2030-05-01T09:00:00Z"));
    await act("Z999999", at("2030-06-10T09:00:00Z"));
    await act("Z999999", at("2030-06-10T10:00:00Z"));

    const dashboard = await getDashboard({ ctx, input: { actor: admin } });
    expect(dashboard.campaign?.slug).toBe(campaign.slug);
    expect(dashboard.members.map((m) => [m.bioguideId, m.allTime, m.lastSevenDays])).toEqual([
      [first!.bioguideId, 3, 2],
      ["Z999999", 2, 2],
      [second!.bioguideId, 1, 0],
    ]);
    expect(dashboard.members[0]!.name).toBe(first!.name);
    expect(dashboard.members[0]!.state).toBe(first!.state);
    // A member no longer in the directory keeps their id as the name.
    expect(dashboard.members[1]!.name).toBe("Z999999");
    expect(dashboard.headline.actionsLastSevenDays).toBe(4);
  });

  it("lists active groups not confirmed for six months, never-confirmed first", async () => {
    const day = 24 * 3600 * 1000;
    await group({ state: "MN", slug: "fresh", status: "active", createdAt: at("2029-01-01T00:00:00Z"), lastConfirmedAt: new Date(NOW.getTime() - 181 * day) });
    await group({ state: "MN", slug: "stale", status: "active", createdAt: at("2029-01-01T00:00:00Z"), lastConfirmedAt: new Date(NOW.getTime() - 183 * day) });
    await group({ state: "MN", slug: "stale-closed", status: "inactive", createdAt: at("2029-01-01T00:00:00Z"), lastConfirmedAt: null });
    const { stale } = await getDashboard({ ctx, input: { actor: admin } });
    const paths = stale.groups.map((g) => g.path);
    expect(paths).toContain("/groups/mn/stale");
    expect(paths).not.toContain("/groups/mn/fresh");
    expect(paths).not.toContain("/groups/mn/stale-closed");
    expect(stale.groups[0]!.lastConfirmedAt).toBeNull();
    expect(stale.groups.at(-1)!.path).toBe("/groups/mn/stale");
    expect(stale.total).toBe(stale.groups.length);
  });

  it("refuses a silly window", async () => {
    await expect(getDashboard({ ctx, input: { actor: admin, weeks: 0 } })).rejects.toMatchObject({ code: "invalid" });
    const short = await getDashboard({ ctx, input: { actor: admin, weeks: 1 } });
    expect(short.weeks.map((w) => w.weekOf)).toEqual(["2030-06-10"]);
  });
});
