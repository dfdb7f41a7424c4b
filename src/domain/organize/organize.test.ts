import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSubscriber, uniqueEmail } from "../../../tests/support/factories.js";
import { createMailTestContext, type MailTestContext } from "../../../tests/support/mail-context.js";
import { admins, auditEvents, groupMemberships, groupOrganizers, groups, mailMessages } from "../../db/schema/index.js";
import { loadActor, type Actor } from "../accounts/actor.js";
import { sendTestBroadcast } from "../broadcasts/send-test-broadcast.js";
import { DomainError } from "../errors.js";
import { getGroup } from "../groups/get-group.js";
import { confirmGroupActive } from "./confirm-group-active.js";
import { draftBroadcast } from "./draft-broadcast.js";
import { exportGroupMembersCsv } from "./export-group-members-csv.js";
import { getGroupForEditing } from "./get-group-for-editing.js";
import { inviteCoOrganizer } from "./invite-co-organizer.js";
import { listBroadcasts } from "./list-broadcasts.js";
import { listGroupMembers } from "./list-group-members.js";
import { listMyGroups } from "./list-my-groups.js";
import { reviewBroadcast } from "./review-broadcast.js";
import { sendBroadcast } from "./send-broadcast.js";
import { updateGroupPage } from "./update-group-page.js";

let m: MailTestContext;
let groupA: typeof groups.$inferSelect;
let groupB: typeof groups.$inferSelect;
let organizerA: Actor;
let admin: Actor;

async function makeActor(roles: { admin?: boolean; organizerOf?: number[] }): Promise<Actor> {
  const person = await buildSubscriber(m.ctx, { name: roles.admin ? "Staff Person" : "Fannie Lou", email: uniqueEmail("actor"), lists: {} });
  if (roles.admin) await m.ctx.db.insert(admins).values({ personId: person.id, grantedAt: m.ctx.now() });
  for (const groupId of roles.organizerOf ?? []) await m.ctx.db.insert(groupOrganizers).values({ groupId, personId: person.id, createdAt: m.ctx.now() });
  return (await loadActor(m.ctx, person.id))!;
}

async function addMember(groupId: number, options: Parameters<typeof buildSubscriber>[1] & { status?: "pending" | "active" | "left" } = {}) {
  const person = await buildSubscriber(m.ctx, { lists: { [`group:${groupId}`]: "active" }, ...options });
  await m.ctx.db.insert(groupMemberships).values({ groupId, personId: person.id, status: options.status ?? "active", createdAt: m.ctx.now(), confirmedAt: m.ctx.now() });
  return person;
}

const audit = (action: string, subject: string) =>
  m.ctx.db.select().from(auditEvents).where(and(eq(auditEvents.action, action), eq(auditEvents.subject, subject))).orderBy(asc(auditEvents.id));

const pageInput = (group: typeof groups.$inferSelect) => ({
  description: group.description ?? "",
  meetingDetails: group.meetingDetails ?? "",
  city: group.city ?? "Somewhere",
  websiteUrl: group.websiteUrl ?? "",
  socialLinks: {},
  status: "active",
});

beforeAll(async () => {
  m = await createMailTestContext("loaded");
  const rows = await m.ctx.db.select().from(groups).where(eq(groups.status, "active")).orderBy(asc(groups.id)).limit(2);
  [groupA, groupB] = [rows[0]!, rows[1]!];
  organizerA = await makeActor({ organizerOf: [groupA.id] });
  admin = await makeActor({ admin: true });
});
afterAll(async () => {
  await m.close();
});

const forbidden = { code: "forbidden" };

describe("my groups", () => {
  it("lists the groups someone organizes, with their active members", async () => {
    await addMember(groupA.id);
    await addMember(groupA.id, { status: "pending" });
    const mine = await listMyGroups({ ctx: m.ctx, input: { actor: organizerA } });
    expect(mine).toEqual([expect.objectContaining({ id: groupA.id, name: groupA.name, status: "active" })]);
    expect(mine[0]!.activeMembers).toBeGreaterThanOrEqual(1);
    expect(await listMyGroups({ ctx: m.ctx, input: { actor: admin } })).toEqual([]);
    await expect(listMyGroups({ ctx: m.ctx, input: { actor: undefined } })).rejects.toMatchObject(forbidden);
  });
});

describe("editing a group page", () => {
  it("is for the group's organizers and staff only", async () => {
    await expect(getGroupForEditing({ ctx: m.ctx, input: { actor: organizerA, groupId: groupB.id } })).rejects.toMatchObject(forbidden);
    await expect(updateGroupPage({ ctx: m.ctx, input: { actor: organizerA, groupId: groupB.id, ...pageInput(groupB) } })).rejects.toMatchObject(forbidden);
    await expect(confirmGroupActive({ ctx: m.ctx, input: { actor: organizerA, groupId: groupB.id } })).rejects.toMatchObject(forbidden);
    expect((await getGroupForEditing({ ctx: m.ctx, input: { actor: admin, groupId: groupB.id } })).id).toBe(groupB.id);
    await expect(getGroupForEditing({ ctx: m.ctx, input: { actor: admin, groupId: 99_999_999 } })).rejects.toMatchObject({ code: "not_found" });
  });

  it("saves the page, audits it and shows it in the public directory at once", async () => {
    const before = await getGroup({ ctx: m.ctx, input: { state: groupA.state, slug: groupA.slug } });
    expect(before.description).not.toBe("We meet **monthly**.");
    await updateGroupPage({
      ctx: m.ctx,
      input: {
        actor: organizerA,
        groupId: groupA.id,
        description: "We meet **monthly**.",
        meetingDetails: "Second Tuesday, 7 pm, library",
        city: groupA.city ?? "Minneapolis",
        websiteUrl: "https://example.org/m4a",
        socialLinks: { instagram: "https://instagram.com/m4a", facebook: "" },
        status: "active",
      },
    });
    const after = await getGroup({ ctx: m.ctx, input: { state: groupA.state, slug: groupA.slug } });
    expect(after).toMatchObject({ description: "We meet **monthly**.", meetingDetails: "Second Tuesday, 7 pm, library", websiteUrl: "https://example.org/m4a" });
    expect(after.socialLinks).toEqual({ instagram: "https://instagram.com/m4a" });
    const [event] = await audit("group.update", `group:${groupA.id}`);
    expect(event).toMatchObject({ actorId: organizerA.personId });
    expect(event!.detail).toMatchObject({ changed: expect.arrayContaining(["description", "meetingDetails", "websiteUrl", "socialLinks"]) });
  });

  it("refuses bad fields one by one and changes nothing", async () => {
    const error = await updateGroupPage({
      ctx: m.ctx,
      input: {
        actor: organizerA,
        groupId: groupA.id,
        description: "x".repeat(10_001),
        meetingDetails: "",
        city: " ",
        websiteUrl: "javascript:alert(1)",
        socialLinks: { x: "http://x.com/insecure", mastodon: "not a url" },
        status: "pending",
      },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).fieldErrors).toEqual({
      description: "too_long",
      city: "required",
      websiteUrl: "invalid_url",
      social_x: "invalid_url",
      social_mastodon: "invalid_url",
      status: "invalid_choice",
    });
  });

  it("takes an inactive group out of the directory, and keeps a pending group pending", async () => {
    const organizerB = await makeActor({ organizerOf: [groupB.id] });
    await updateGroupPage({ ctx: m.ctx, input: { actor: organizerB, groupId: groupB.id, ...pageInput(groupB), status: "inactive" } });
    await expect(getGroup({ ctx: m.ctx, input: { state: groupB.state, slug: groupB.slug } })).rejects.toMatchObject({ code: "not_found" });
    await updateGroupPage({ ctx: m.ctx, input: { actor: organizerB, groupId: groupB.id, ...pageInput(groupB), status: "active" } });
    expect((await getGroup({ ctx: m.ctx, input: { state: groupB.state, slug: groupB.slug } })).id).toBe(groupB.id);

    const [pending] = await m.ctx.db
      .insert(groups)
      .values({ slug: `pending-${Date.now()}`, name: "Pending Group", state: "MN", city: "Duluth", kind: "local group", status: "pending" })
      .returning();
    const founder = await makeActor({ organizerOf: [pending!.id] });
    await updateGroupPage({ ctx: m.ctx, input: { actor: founder, groupId: pending!.id, ...pageInput(pending!), description: "Soon.", status: "active" } });
    const [row] = await m.ctx.db.select().from(groups).where(eq(groups.id, pending!.id));
    expect(row).toMatchObject({ status: "pending", description: "Soon." });
  });

  it("records that the group is still active", async () => {
    const at = new Date("2026-03-01T12:00:00Z");
    m.setNow(at);
    await confirmGroupActive({ ctx: m.ctx, input: { actor: organizerA, groupId: groupA.id } });
    m.setNow(new Date());
    const group = await getGroup({ ctx: m.ctx, input: { state: groupA.state, slug: groupA.slug } });
    expect(group.lastConfirmedAt?.toISOString()).toBe(at.toISOString());
    expect(await audit("group.confirm-active", `group:${groupA.id}`)).toHaveLength(1);
  });
});

describe("members", () => {
  it("shows organizers names, ZIPs, phones and opt-ins, but e-mail addresses only to staff", async () => {
    const member = await addMember(groupA.id, { name: "Ruby Bridges", zip: "55401", lists: { [`group:${groupA.id}`]: "active", national: "unsubscribed", state: "pending" } });
    const asOrganizer = await listGroupMembers({ ctx: m.ctx, input: { actor: organizerA, groupId: groupA.id } });
    expect(asOrganizer.includesEmail).toBe(false);
    const row = asOrganizer.members.find((x) => x.name === "Ruby Bridges")!;
    expect(row).toMatchObject({ zip: "55401", status: "active", optIns: { group: "active", national: "unsubscribed", state: "pending" } });
    expect(row).not.toHaveProperty("email");
    expect(JSON.stringify(asOrganizer)).not.toContain(member.email);
    const asAdmin = await listGroupMembers({ ctx: m.ctx, input: { actor: admin, groupId: groupA.id } });
    expect(asAdmin.members.find((x) => x.name === "Ruby Bridges")?.email).toBe(member.email);
    await expect(listGroupMembers({ ctx: m.ctx, input: { actor: organizerA, groupId: groupB.id } })).rejects.toMatchObject(forbidden);
  });

  it("export a formula-safe CSV, and every export is audited", async () => {
    await addMember(groupA.id, { name: '=HYPERLINK("http://evil")', zip: "55401" });
    await addMember(groupA.id, { name: "Ana, María", zip: "55402" });
    const { csv, filename, rows } = await exportGroupMembersCsv({ ctx: m.ctx, input: { actor: organizerA, groupId: groupA.id } });
    expect(filename).toMatch(new RegExp(`^${groupA.state.toLowerCase()}-${groupA.slug}-members-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
    const lines = csv.replace(/^\uFEFF/, "").trimEnd().split("\r\n");
    expect(lines[0]).toBe("name,zip,phone,status,joined,group_updates,state_updates,national_updates");
    expect(lines).toHaveLength(rows + 1);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"")",55401,`);
    expect(csv).toContain(`"Ana, María",55402,`);
    const events = await audit("members.export", `group:${groupA.id}`);
    expect(events.at(-1)).toMatchObject({ actorId: organizerA.personId, detail: { rows, includesEmail: false } });
    await expect(exportGroupMembersCsv({ ctx: m.ctx, input: { actor: organizerA, groupId: groupB.id } })).rejects.toMatchObject(forbidden);
    expect(await audit("members.export", `group:${groupB.id}`)).toHaveLength(0);
  });
});

describe("inviting a co-organizer", () => {
  it("makes them an organizer and e-mails a sign-in link that lasts days", async () => {
    const email = uniqueEmail("co");
    const { personId, alreadyOrganizer } = await inviteCoOrganizer({ ctx: m.ctx, input: { actor: organizerA, groupId: groupA.id, name: "Bayard Rustin", email, locale: "es" } });
    expect(alreadyOrganizer).toBe(false);
    const invited = await loadActor(m.ctx, personId);
    expect(invited?.organizerOf.has(groupA.id)).toBe(true);
    await m.deliver();
    const mail = m.transport.sent.filter((x) => x.to.address === email).at(-1)!;
    expect(mail.subject).toContain(groupA.name);
    expect(mail.text).toContain(organizerA.name);
    expect(m.transport.linkTo(email, "/sign-in/")).toMatch(/\/sign-in\/[A-Za-z0-9_-]{20,}/);
    expect(await audit("organizer.invite", `group:${groupA.id}`)).toEqual([expect.objectContaining({ actorId: organizerA.personId, detail: { personId, alreadyOrganizer: false } })]);
    const again = await inviteCoOrganizer({ ctx: m.ctx, input: { actor: organizerA, groupId: groupA.id, name: "Someone Else", email: email.toUpperCase(), locale: "en" } });
    expect(again).toEqual({ personId, alreadyOrganizer: true });
    expect((await loadActor(m.ctx, personId))?.name).toBe("Bayard Rustin");
  });

  it("refuses bad input and other groups", async () => {
    await expect(inviteCoOrganizer({ ctx: m.ctx, input: { actor: organizerA, groupId: groupA.id, name: "", email: "nope", locale: "en" } })).rejects.toMatchObject({
      fieldErrors: { name: "required", email: "invalid_email" },
    });
    await expect(inviteCoOrganizer({ ctx: m.ctx, input: { actor: organizerA, groupId: groupB.id, name: "X", email: uniqueEmail(), locale: "en" } })).rejects.toMatchObject(forbidden);
  });
});

describe("group broadcasts", () => {
  const draft = (actor: Actor | undefined, audience: string) =>
    draftBroadcast({ ctx: m.ctx, input: { actor, subject: "Meeting Tuesday", bodyMarkdown: "See you **there**.", audience, senderName: "Fannie Lou" } });

  it("organizers write only to their own group; staff to anyone", async () => {
    await expect(draft(organizerA, `group:${groupB.id}`)).rejects.toMatchObject(forbidden);
    await expect(draft(organizerA, "all")).rejects.toMatchObject(forbidden);
    await expect(draft(organizerA, "state:MN")).rejects.toMatchObject(forbidden);
    await expect(draft(organizerA, "nonsense")).rejects.toMatchObject(forbidden);
    await expect(draft(admin, "nonsense")).rejects.toMatchObject({ fieldErrors: { audience: "invalid_choice" } });
    const { id } = await draft(admin, "state:VT");
    await expect(reviewBroadcast({ ctx: m.ctx, input: { actor: organizerA, broadcastId: id } })).rejects.toMatchObject(forbidden);
    await expect(sendBroadcast({ ctx: m.ctx, input: { actor: organizerA, broadcastId: id } })).rejects.toMatchObject(forbidden);
    await expect(sendTestBroadcast({ ctx: m.ctx, input: { actor: organizerA, broadcastId: id } })).rejects.toMatchObject(forbidden);
    await expect(listBroadcasts({ ctx: m.ctx, input: { actor: organizerA } })).rejects.toMatchObject(forbidden);
  });

  it("preview, test to yourself, send and progress", async () => {
    const member = await addMember(groupA.id, { name: "Group Member" });
    const { id } = await draft(organizerA, `group:${groupA.id}`);
    const review = await reviewBroadcast({ ctx: m.ctx, input: { actor: organizerA, broadcastId: id } });
    expect(review.broadcast).toMatchObject({ subject: "Meeting Tuesday", status: "draft", audience: `group:${groupA.id}` });
    expect(review.preview?.recipients).toBeGreaterThanOrEqual(1);
    expect(review.preview?.sample?.html).toContain("<strong>there</strong>");

    const { to } = await sendTestBroadcast({ ctx: m.ctx, input: { actor: organizerA, broadcastId: id } });
    expect(to).toBe(organizerA.email);
    await m.deliver();
    const test = m.transport.sent.filter((x) => x.to.address === organizerA.email).at(-1)!;
    expect(test.subject).toBe("[TEST] Meeting Tuesday");
    expect(test.html).toContain("<strong>there</strong>");
    expect(test.text).toContain(groupA.name);
    expect(test.text).toContain("/unsubscribe/");
    expect(m.transport.sent.some((x) => x.to.address === member.email && x.subject.includes("Meeting Tuesday"))).toBe(false);

    const { recipients } = await sendBroadcast({ ctx: m.ctx, input: { actor: organizerA, broadcastId: id } });
    expect(recipients).toBe(review.preview!.recipients);
    expect((await audit("broadcast.send", `broadcast:${id}`))[0]).toMatchObject({ actorId: organizerA.personId, detail: { recipients } });
    expect((await reviewBroadcast({ ctx: m.ctx, input: { actor: organizerA, broadcastId: id } })).progress).toMatchObject({ status: "sending", queued: recipients });
    await m.deliver();
    const after = await reviewBroadcast({ ctx: m.ctx, input: { actor: organizerA, broadcastId: id } });
    expect(after.progress).toMatchObject({ status: "sent", sent: recipients, failed: 0, queued: 0 });
    expect(after.preview).toBeUndefined();
    expect(m.transport.sent.filter((x) => x.to.address === member.email && x.subject === "Meeting Tuesday")).toHaveLength(1);
    // The test copy is not part of the broadcast.
    const tests = await m.ctx.db.select().from(mailMessages).where(eq(mailMessages.template, "broadcast-test"));
    expect(tests.every((row) => row.broadcastId === null)).toBe(true);
    await expect(sendBroadcast({ ctx: m.ctx, input: { actor: organizerA, broadcastId: id } })).rejects.toMatchObject({ code: "conflict" });
    expect((await listBroadcasts({ ctx: m.ctx, input: { actor: organizerA, audience: `group:${groupA.id}` } })).map((b) => b.id)).toContain(id);
  });
});
