import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSubscriber, uniqueEmail } from "../../../tests/support/factories.js";
import { createMailTestContext, type MailTestContext } from "../../../tests/support/mail-context.js";
import { groupMemberships, groupOrganizers, groups, subscriptions } from "../../db/schema/index.js";
import { DomainError } from "../errors.js";
import { confirmEmail } from "../updates/confirm-email.js";
import { applyToFoundGroup } from "./apply-to-found-group.js";
import { approveGroupApplication } from "./approve-group-application.js";
import { contactOrganizers } from "./contact-organizers.js";
import { findGroupsNear } from "./find-groups-near.js";
import { getCoverage } from "./get-coverage.js";
import { getGroup } from "./get-group.js";
import { getStateGroups } from "./get-state-groups.js";
import { joinGroup } from "./join-group.js";
import { listGroupDirectory } from "./list-group-directory.js";
import { waitForGroup } from "./wait-for-group.js";

let m: MailTestContext;
beforeAll(async () => {
  m = await createMailTestContext("loaded");
});
afterAll(async () => {
  await m.close();
});

/** A live group with a known location, added the way staff would (through an approved application). */
async function liveGroup(overrides: { name: string; zip: string; city: string }) {
  const founder = uniqueEmail("founder");
  const { applicationId, groupId } = await applyToFoundGroup({
    ctx: m.ctx,
    input: { name: "Founder", email: founder, zip: overrides.zip, groupName: overrides.name, city: overrides.city, why: "Because.", locale: "en" },
  });
  await approveGroupApplication({ ctx: m.ctx, input: { applicationId } });
  const [row] = await m.ctx.db.select().from(groups).where(eq(groups.id, groupId));
  return { group: row!, founder };
}

const linkIn = (email: string, part: string) => m.transport.linkTo(email, part);
const confirmFrom = async (email: string) => {
  await m.deliver();
  const token = linkIn(email, "/updates/confirm/")?.split("/updates/confirm/")[1] ?? "";
  return confirmEmail({ ctx: m.ctx, input: { token } });
};

describe("the directory", () => {
  it("lists every state, DC and territory, with national organizations apart", async () => {
    const listing = await listGroupDirectory({ ctx: m.ctx });
    expect(listing.states).toHaveLength(56);
    expect(listing.states[0]?.name).toBe("Alabama");
    expect(listing.national.length).toBeGreaterThan(0);
    expect(listing.national.every((g) => g.state === "US")).toBe(true);
    expect(listing.states.flatMap((s) => s.groups).some((g) => g.state === "US")).toBe(false);
    const mn = listing.states.find((s) => s.code === "MN");
    expect(mn?.groups.length).toBeGreaterThan(0);
  });

  it("never exposes a group's e-mail contact or research notes", async () => {
    const listing = await listGroupDirectory({ ctx: m.ctx });
    const all = [...listing.national, ...listing.states.flatMap((s) => s.groups)];
    const json = JSON.stringify(all);
    expect(json).not.toMatch(/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[a-z]{2,}/);
    expect(all.some((g) => g.canBeContacted)).toBe(true);
    expect(json).not.toContain('"notes"');
  });

  it("places seeded groups at their city's centre", async () => {
    const { groups: ma } = await getStateGroups({ ctx: m.ctx, input: { state: "ma" } });
    const boston = ma.find((g) => g.city === "Boston");
    expect(boston?.latitude).toBeCloseTo(42.35, 1);
    expect(boston?.longitude).toBeCloseTo(-71.06, 1);
    expect(ma.filter((g) => g.city === null).every((g) => g.latitude === null)).toBe(true);
  });

  it("reports coverage of the 50 states", async () => {
    const coverage = await getCoverage({ ctx: m.ctx });
    expect(coverage.total).toBe(50);
    expect(coverage.states).toHaveLength(51);
    expect(coverage.covered + coverage.missing.length).toBe(50);
    expect(coverage.missing.map((s) => s.code)).toContain("WY");
  });
});

describe("groups near a ZIP code", () => {
  it("orders groups by distance, then adds the statewide groups of the ZIP's state", async () => {
    const near = await findGroupsNear({ ctx: m.ctx, input: { zip: "02139" } });
    expect(near.states).toEqual(["MA"]);
    const located = near.groups.filter((g) => g.distanceMiles !== null);
    expect(located.length).toBe(10);
    const distances = located.map((g) => g.distanceMiles!);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    expect(distances[0]).toBeLessThan(10);
    const statewide = near.groups.filter((g) => g.distanceMiles === null);
    expect(statewide.length).toBeGreaterThan(0);
    expect(statewide.every((g) => g.group.state === "MA")).toBe(true);
    expect(near.groups.indexOf(statewide[0]!)).toBe(located.length);
  });

  it("still answers where a state's groups have no city", async () => {
    const near = await findGroupsNear({ ctx: m.ctx, input: { zip: "55401" } });
    expect(near.groups.filter((g) => g.distanceMiles === null).map((g) => g.group.state)).toContain("MN");
  });

  it("keeps only groups within ?miles= when given", async () => {
    const near = await findGroupsNear({ ctx: m.ctx, input: { zip: "55401", miles: "25" } });
    expect(near.groups.every((g) => g.distanceMiles! <= 25)).toBe(true);
  });

  it("says what is wrong with a malformed, unknown or out-of-range request", async () => {
    const reason = async (input: { zip: string; miles?: string }) =>
      ((await findGroupsNear({ ctx: m.ctx, input }).catch((e: unknown) => e)) as DomainError).fieldErrors;
    expect(await reason({ zip: "5540" })).toEqual({ near: "invalid_zip" });
    expect(await reason({ zip: "" })).toEqual({ near: "required" });
    expect(await reason({ zip: "00000" })).toEqual({ near: "unknown_zip" });
    expect(await reason({ zip: "55401", miles: "-3" })).toEqual({ miles: "out_of_range" });
  });
});

describe("joining a group", () => {
  it("is pending until confirmed; then the organizers hear about the new member", async () => {
    const { group, founder } = await liveGroup({ name: "Duluth Medicare for All", zip: "55802", city: "Duluth" });
    const email = uniqueEmail("joiner");
    const { personId } = await joinGroup({
      ctx: m.ctx,
      input: { state: "mn", slug: group.slug, name: "Joe Hill", email, zip: "55802", phone: "(218) 555-0100", nationalUpdates: true, locale: "en" },
    });
    const membership = async () =>
      (await m.ctx.db.select().from(groupMemberships).where(and(eq(groupMemberships.groupId, group.id), eq(groupMemberships.personId, personId))))[0];
    expect((await membership())?.status).toBe("pending");
    await m.deliver();
    const confirmMail = m.transport.sent.filter((mail) => mail.to.address === email).at(-1)!;
    expect(confirmMail.subject).toBe(`Confirm that you want to join ${group.name}`);

    const result = await confirmFrom(email);
    expect(result).toMatchObject({ outcome: "confirmed", joinedGroups: [{ name: group.name, path: `/groups/mn/${group.slug}` }] });
    expect((await membership())?.status).toBe("active");
    const subs = await m.ctx.db.select().from(subscriptions).where(eq(subscriptions.personId, personId));
    expect(Object.fromEntries(subs.map((s) => [s.list, s.status]))).toEqual({ [`group:${group.id}`]: "active", national: "active" });
    await m.deliver();
    const notice = m.transport.sent.filter((mail) => mail.to.address === founder).at(-1)!;
    expect(notice.subject).toBe(`New member in ${group.name}`);
    expect(notice.text).toContain("Joe Hill (ZIP 55802)");
    expect(notice.text).not.toContain(email);
    expect((await getGroup({ ctx: m.ctx, input: { state: "MN", slug: group.slug } })).memberCount).toBe(1);
  });

  it("joining twice is one membership", async () => {
    const { group } = await liveGroup({ name: "Rochester Single Payer", zip: "55901", city: "Rochester" });
    const email = uniqueEmail("twice");
    const input = { state: "MN", slug: group.slug, name: "A", email, zip: "55901", nationalUpdates: false, locale: "en" };
    await joinGroup({ ctx: m.ctx, input });
    await joinGroup({ ctx: m.ctx, input: { ...input, email: email.toUpperCase() } });
    const rows = await m.ctx.db.select().from(groupMemberships).where(eq(groupMemberships.groupId, group.id));
    expect(rows).toHaveLength(1);
  });

  it("refuses bad fields and unknown or pending groups", async () => {
    const { groups: mn } = await getStateGroups({ ctx: m.ctx, input: { state: "MN" } });
    const bad = await joinGroup({
      ctx: m.ctx,
      input: { state: "MN", slug: mn[0]!.slug, name: "", email: "nope", zip: "1", phone: "555", nationalUpdates: false, locale: "en" },
    }).catch((e: DomainError) => e);
    expect((bad as DomainError).fieldErrors).toEqual({ name: "required", email: "invalid_email", zip: "invalid_zip", phone: "invalid_phone" });
    await expect(
      joinGroup({ ctx: m.ctx, input: { state: "MN", slug: "no-such-group", name: "A", email: uniqueEmail(), zip: "55401", nationalUpdates: false, locale: "en" } }),
    ).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("founding a group", () => {
  it("creates a pending group nobody can see, and acknowledges the application", async () => {
    const email = uniqueEmail("applicant");
    const { groupId } = await applyToFoundGroup({
      ctx: m.ctx,
      input: { name: "Ida B.", email, zip: "83702", groupName: "Boise Medicare for All", city: "Boise", why: "No group in Idaho yet.", whoTheyKnow: "My union local", locale: "en" },
    });
    const [group] = await m.ctx.db.select().from(groups).where(eq(groups.id, groupId));
    expect(group).toMatchObject({ state: "ID", status: "pending", slug: "boise-medicare-for-all", kind: "local group" });
    expect(group?.latitude).toBeCloseTo(43.6, 0);
    await expect(getGroup({ ctx: m.ctx, input: { state: "ID", slug: "boise-medicare-for-all" } })).rejects.toMatchObject({ code: "not_found" });
    expect((await listGroupDirectory({ ctx: m.ctx })).states.find((s) => s.code === "ID")?.groups).toEqual([]);
    await m.deliver();
    expect(m.transport.sent.filter((mail) => mail.to.address === email).at(-1)?.subject).toBe("We received your application for Boise Medicare for All");
  });

  it("on approval: listed, founder is organizer, and people waiting in that state are told", async () => {
    const waiting = uniqueEmail("waiting");
    await waitForGroup({ ctx: m.ctx, input: { state: "nd", name: "Wanda", email: waiting, zip: "58102", locale: "en" } });
    expect((await confirmFrom(waiting)).outcome).toBe("confirmed");
    const unconfirmed = uniqueEmail("unconfirmed");
    await waitForGroup({ ctx: m.ctx, input: { state: "ND", name: "Ulla", email: unconfirmed, zip: "58102", locale: "en" } });

    const applicant = uniqueEmail("nd-founder");
    const { applicationId, groupId } = await applyToFoundGroup({
      ctx: m.ctx,
      input: { name: "Nils", email: applicant, zip: "58102", groupName: "Fargo Single Payer", city: "Fargo", why: "Organize ND.", locale: "en" },
    });
    const approved = await approveGroupApplication({ ctx: m.ctx, input: { applicationId } });
    expect(approved).toEqual({ groupId, waitlistNotified: 1 });
    expect((await getStateGroups({ ctx: m.ctx, input: { state: "ND" } })).groups.map((g) => g.name)).toEqual(["Fargo Single Payer"]);
    const organizers = await m.ctx.db.select().from(groupOrganizers).where(eq(groupOrganizers.groupId, groupId));
    expect(organizers).toHaveLength(1);
    await m.deliver();
    expect(m.transport.sent.filter((mail) => mail.to.address === applicant).at(-1)?.subject).toBe("Fargo Single Payer is live");
    const told = m.transport.sent.filter((mail) => mail.to.address === waiting).at(-1)!;
    expect(told.subject).toBe("A Medicare for All group formed in North Dakota: Fargo Single Payer");
    expect(told.headers?.["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    expect(m.transport.sent.filter((mail) => mail.to.address === unconfirmed).map((mail) => mail.subject)).toEqual(["Please confirm your e-mail address"]);
    await expect(approveGroupApplication({ ctx: m.ctx, input: { applicationId } })).rejects.toMatchObject({ code: "conflict" });
  });

  it("gives a second group with the same name in a state its own address", async () => {
    const input = { name: "X", zip: "82001", groupName: "Cheyenne M4A", city: "Cheyenne", why: "W", locale: "en" };
    const first = await applyToFoundGroup({ ctx: m.ctx, input: { ...input, email: uniqueEmail() } });
    const second = await applyToFoundGroup({ ctx: m.ctx, input: { ...input, email: uniqueEmail() } });
    const slugs = (await m.ctx.db.select({ slug: groups.slug }).from(groups).where(eq(groups.state, "WY"))).map((r) => r.slug);
    expect(first.groupId).not.toBe(second.groupId);
    expect(slugs).toEqual(expect.arrayContaining(["cheyenne-m4a", "cheyenne-m4a-2"]));
  });
});

describe("contacting the organizers", () => {
  it("relays the message with Reply-To set to the sender, once", async () => {
    const { group, founder } = await liveGroup({ name: "St. Cloud M4A", zip: "56301", city: "St. Cloud" });
    const input = { state: "MN", slug: group.slug, name: "Curious", email: "curious@example.org", message: "When do you meet?" };
    expect(await contactOrganizers({ ctx: m.ctx, input })).toEqual({ relayedTo: 1 });
    await contactOrganizers({ ctx: m.ctx, input });
    await m.deliver();
    const relayed = m.transport.sent.filter((mail) => mail.to.address === founder && mail.subject.includes("Message for"));
    expect(relayed).toHaveLength(1);
    expect(relayed[0]!.replyTo).toBe("curious@example.org");
    expect(relayed[0]!.text).toContain("When do you meet?");
    expect(relayed[0]!.headers?.["Reply-To"]).toBeUndefined();
  });

  it("refuses an empty message", async () => {
    const { groups: mn } = await getStateGroups({ ctx: m.ctx, input: { state: "MN" } });
    await expect(
      contactOrganizers({ ctx: m.ctx, input: { state: "MN", slug: mn[0]!.slug, name: "A", email: "a@example.org", message: "  " } }),
    ).rejects.toMatchObject({ fieldErrors: { message: "required" } });
  });
});

it("subscribers factory still works alongside groups (sanity)", async () => {
  const person = await buildSubscriber(m.ctx);
  expect(person.id).toBeGreaterThan(0);
});
