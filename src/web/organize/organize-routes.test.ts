import { and, asc, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSubscriber, uniqueEmail } from "../../../tests/support/factories.js";
import { cookies, signInAs, type SignedIn } from "../../../tests/support/sign-in.js";
import { createTestApp, type TestApp } from "../../../tests/support/test-app.js";
import { auditEvents, broadcasts, groupMemberships, groupOrganizers, groups, mailMessages, people } from "../../db/schema/index.js";

let t: TestApp;
let groupA: typeof groups.$inferSelect;
let groupB: typeof groups.$inferSelect;
let organizerA: SignedIn;
let admin: SignedIn;
let memberEmail: string;

beforeAll(async () => {
  t = await createTestApp({ template: "loaded" });
  const rows = await t.ctx.db.select().from(groups).where(eq(groups.status, "active")).orderBy(asc(groups.id)).limit(2);
  [groupA, groupB] = [rows[0]!, rows[1]!];
  organizerA = await signInAs(t.ctx, { organizerOf: [groupA.id], name: "Ella Organizer" });
  admin = await signInAs(t.ctx, { admin: true });
  for (const [name, zip] of [
    ["Ruby Member", "55401"],
    ['=cmd|"/c calc"!A1', "55402"],
    ["Ana, \"La\" María", "55403"],
  ] as const) {
    const person = await buildSubscriber(t.ctx, { name, zip, lists: { [`group:${groupA.id}`]: "active", national: "active" } });
    memberEmail ??= person.email;
    await t.ctx.db.insert(groupMemberships).values({ groupId: groupA.id, personId: person.id, status: "active", createdAt: t.ctx.now(), confirmedAt: t.ctx.now() });
  }
});
afterAll(async () => {
  await t.close();
});

const get = (path: string, who?: SignedIn) => t.get(path, who);
async function post(path: string, who: SignedIn | undefined, fields: Record<string, string> = {}) {
  const { cookie, token } = await t.csrf("/updates");
  return t.app.request(path, {
    method: "POST",
    headers: { cookie: cookies(cookie, who?.cookie ?? ""), "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ _csrf: token, ...fields }).toString(),
  });
}
const pageFields = (overrides: Record<string, string> = {}) => ({
  description: "We **meet** monthly.",
  meetingDetails: "First Monday, 6 pm",
  city: groupA.city ?? "Minneapolis",
  websiteUrl: "",
  status: "active",
  ...overrides,
});
const lastAudit = async (action: string) => (await t.ctx.db.select().from(auditEvents).where(eq(auditEvents.action, action)).orderBy(desc(auditEvents.id)).limit(1))[0];

describe("who may open /organize", () => {
  it("sends anonymous visitors to sign in, and back after", async () => {
    for (const path of ["/organize", `/organize/groups/${groupA.id}`, `/organize/groups/${groupA.id}/members`, `/organize/groups/${groupA.id}/members.csv`, `/organize/groups/${groupA.id}/email`]) {
      const res = await get(path);
      expect(res.status, path).toBe(303);
      expect(res.headers.get("location")).toBe(`/sign-in?next=${encodeURIComponent(path)}`);
    }
    const res = await post(`/organize/groups/${groupA.id}`, undefined, pageFields());
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toMatch(/^\/sign-in\?next=/);
  });

  it("sends a supporter without a role to sign in too (they have no account)", async () => {
    const supporter = await buildSubscriber(t.ctx, {});
    const { createSession } = await import("../../domain/accounts/sessions.js");
    const token = await createSession(t.ctx, supporter.id, "test");
    const res = await t.app.request(`/organize/groups/${groupA.id}/members`, { headers: { cookie: `ei_session=${token}` } });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toMatch(/^\/sign-in\?next=/);
  });

  it("an organizer of A cannot read, export, edit, invite to or e-mail B", async () => {
    const b = `/organize/groups/${groupB.id}`;
    for (const path of [b, `${b}/members`, `${b}/members.csv`, `${b}/email`]) {
      const res = await get(path, organizerA);
      expect(res.status, path).toBe(403);
      const html = await res.text();
      expect(html).not.toContain(groupB.name);
    }
    const before = await t.ctx.db.select().from(groups).where(eq(groups.id, groupB.id));
    for (const [path, fields] of [
      [b, pageFields({ description: "hijacked" })],
      [`${b}/confirm-active`, {}],
      [`${b}/organizers`, { name: "Mallory", email: uniqueEmail("mallory") }],
      [`${b}/email`, { subject: "Hi", bodyMarkdown: "Hello", senderName: "Me" }],
    ] as const) {
      expect((await post(path, organizerA, fields)).status, path).toBe(403);
    }
    expect(await t.ctx.db.select().from(groups).where(eq(groups.id, groupB.id))).toEqual(before);
    expect(await t.ctx.db.select().from(auditEvents).where(eq(auditEvents.subject, `group:${groupB.id}`))).toEqual([]);
  });

  it("an organizer cannot open another group's broadcast through their own group's URL", async () => {
    const [other] = await t.ctx.db
      .insert(broadcasts)
      .values({ subject: "B only", bodyMarkdown: "x", audience: `group:${groupB.id}`, senderName: "B", status: "draft", createdAt: t.ctx.now() })
      .returning();
    expect((await get(`/organize/groups/${groupA.id}/email/${other!.id}`, organizerA)).status).toBe(403);
    expect((await get(`/organize/groups/${groupB.id}/email/${other!.id}`, organizerA)).status).toBe(403);
    expect((await post(`/organize/groups/${groupA.id}/email/${other!.id}/send`, organizerA)).status).toBe(403);
    // Staff may open it, but only under its own group's URL.
    expect((await get(`/organize/groups/${groupA.id}/email/${other!.id}`, admin)).status).toBe(404);
    expect((await get(`/organize/groups/${groupB.id}/email/${other!.id}`, admin)).status).toBe(200);
  });

  it("staff can open any group", async () => {
    for (const path of [`/organize/groups/${groupB.id}`, `/organize/groups/${groupB.id}/members`, `/organize/groups/${groupB.id}/email`]) {
      expect((await get(path, admin)).status, path).toBe(200);
    }
    const home = await (await get("/organize", admin)).text();
    expect(home).toContain('href="/admin"');
  });
});

describe("an organizer's own group", () => {
  it("lists it on /organize", async () => {
    const html = await (await get("/organize", organizerA)).text();
    expect(html).toContain(`href="/organize/groups/${groupA.id}"`);
    expect(html).not.toContain(`href="/organize/groups/${groupB.id}"`);
  });

  it("saves the page and shows it on the public page", async () => {
    const res = await post(`/organize/groups/${groupA.id}`, organizerA, pageFields({ social_instagram: "https://instagram.com/ourgroup" }));
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`/organize/groups/${groupA.id}?done=saved`);
    const page = await (await get(`/groups/${groupA.state.toLowerCase()}/${groupA.slug}`)).text();
    expect(page).toContain("We <strong>meet</strong> monthly.");
    expect(page).toContain("https://instagram.com/ourgroup");
    expect(await lastAudit("group.update")).toMatchObject({ actorId: organizerA.personId, subject: `group:${groupA.id}` });
    expect(await (await get(`/organize/groups/${groupA.id}?done=saved`, organizerA)).text()).toContain("Saved.");
  });

  it("re-renders a bad form with 400, the values typed and an error per field", async () => {
    const res = await post(`/organize/groups/${groupA.id}`, organizerA, pageFields({ city: "", websiteUrl: "not a url", description: "<script>kept as typed</script>" }));
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('href="#field-city"');
    expect(html).toContain('href="#field-websiteUrl"');
    expect(html).toContain("Enter a full web address");
    expect(html).toContain("&lt;script&gt;kept as typed&lt;/script&gt;");
    expect(html).toContain('value="not a url"');
  });

  it("escapes Markdown's raw HTML on the public page", async () => {
    await post(`/organize/groups/${groupA.id}`, organizerA, pageFields({ description: "<img src=x onerror=alert(1)> [x](javascript:alert(1))" }));
    const page = await (await get(`/groups/${groupA.state.toLowerCase()}/${groupA.slug}`)).text();
    expect(page).not.toContain("<img src=x");
    expect(page).not.toContain('href="javascript:');
  });

  it("confirms the group is still active", async () => {
    const res = await post(`/organize/groups/${groupA.id}/confirm-active`, organizerA);
    expect(res.headers.get("location")).toBe(`/organize/groups/${groupA.id}?done=confirmed`);
    const [row] = await t.ctx.db.select().from(groups).where(eq(groups.id, groupA.id));
    expect(row!.lastConfirmedAt).not.toBeNull();
    expect(await lastAudit("group.confirm-active")).toMatchObject({ actorId: organizerA.personId });
  });

  it("invites a co-organizer, who then may open the group", async () => {
    const email = uniqueEmail("co");
    const res = await post(`/organize/groups/${groupA.id}/organizers`, organizerA, { name: "Co Organizer", email });
    expect(res.status).toBe(303);
    const [person] = await t.ctx.db.select().from(people).where(eq(people.email, email));
    const organizers = await t.ctx.db.select().from(groupOrganizers).where(and(eq(groupOrganizers.groupId, groupA.id), eq(groupOrganizers.personId, person!.id)));
    expect(organizers).toHaveLength(1);
    const [mail] = await t.ctx.db.select().from(mailMessages).where(eq(mailMessages.toAddress, email));
    expect(mail?.subject).toContain(groupA.name);
    expect(await lastAudit("organizer.invite")).toMatchObject({ actorId: organizerA.personId, subject: `group:${groupA.id}` });
    const bad = await post(`/organize/groups/${groupA.id}/organizers`, organizerA, { name: "", email: "nope" });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('href="#field-email"');
  });

  it("shows members without their e-mail addresses to organizers, with them to staff", async () => {
    const html = await (await get(`/organize/groups/${groupA.id}/members`, organizerA)).text();
    expect(html).toContain("Ruby Member");
    expect(html).toContain("55401");
    expect(html).not.toContain(memberEmail);
    expect(html).toContain(`/organize/groups/${groupA.id}/members.csv`);
    const asAdmin = await (await get(`/organize/groups/${groupA.id}/members`, admin)).text();
    expect(asAdmin).toContain(memberEmail);
  });

  it("exports members as a formula-safe CSV download, and audits it", async () => {
    const res = await get(`/organize/groups/${groupA.id}/members.csv`, organizerA);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="[a-z]{2}-[a-z0-9-]+-members-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(res.headers.get("cache-control")).toContain("no-store");
    const csv = await res.text();
    const lines = csv.replace(/^\uFEFF/, "").trimEnd().split("\r\n");
    expect(lines[0]).toBe("name,zip,phone,status,joined,group_updates,state_updates,national_updates");
    expect(csv).toContain(`"'=cmd|""/c calc""!A1",55402,`);
    expect(csv).toContain(`"Ana, ""La"" María",55403,`);
    expect(csv).not.toContain(memberEmail);
    expect(await lastAudit("members.export")).toMatchObject({ actorId: organizerA.personId, subject: `group:${groupA.id}`, detail: { rows: 3, includesEmail: false } });
    const asAdmin = await (await get(`/organize/groups/${groupA.id}/members.csv`, admin)).text();
    expect(asAdmin.replace(/^\uFEFF/, "").split("\r\n")[0]).toBe("name,email,zip,phone,status,joined,group_updates,state_updates,national_updates");
    expect(asAdmin).toContain(memberEmail);
  });
});

describe("e-mailing the group", () => {
  it("compose → preview → test to yourself → send → progress", async () => {
    const compose = await (await get(`/organize/groups/${groupA.id}/email`, organizerA)).text();
    expect(compose).toContain(`Members of ${groupA.name}`);
    const bad = await post(`/organize/groups/${groupA.id}/email`, organizerA, { subject: "", bodyMarkdown: "", senderName: "X" });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('href="#field-subject"');

    const created = await post(`/organize/groups/${groupA.id}/email`, organizerA, { subject: "Potluck Friday", bodyMarkdown: "Bring **food**.", senderName: "Group A", replyTo: "" });
    expect(created.status).toBe(303);
    const review = created.headers.get("location")!;
    expect(review).toMatch(new RegExp(`^/organize/groups/${groupA.id}/email/\\d+$`));
    const preview = await (await get(review, organizerA)).text();
    expect(preview).toContain("Bring <strong>food</strong>.");
    expect(preview).toContain("This message would reach 3 people.");
    expect(preview).not.toContain(memberEmail);

    const test = await post(`${review}/test`, organizerA);
    expect(test.headers.get("location")).toBe(`${review}?done=test`);
    const [testMail] = await t.ctx.db.select().from(mailMessages).where(and(eq(mailMessages.toAddress, organizerA.email), eq(mailMessages.template, "broadcast-test")));
    expect(testMail?.subject).toBe("[TEST] Potluck Friday");
    expect(await (await get(`${review}?done=test`, organizerA)).text()).toContain(`A test copy is on its way to ${organizerA.email}`);

    const sent = await post(`${review}/send`, organizerA);
    expect(sent.headers.get("location")).toBe(review);
    expect((await post(`${review}/send`, organizerA)).headers.get("location")).toBe(review);
    const progress = await (await get(review, organizerA)).text();
    expect(progress).toContain('data-progress="queued">3<');
    expect(progress).toContain("Refresh");
    expect(progress).toMatch(/<script[^>]+progress\.[0-9a-f]+\.js/);
    const json = await (await get(`${review}/progress.json`, organizerA)).json();
    expect(json).toEqual({ status: "sending", recipients: 3, sent: 0, queued: 3, failed: 0, skipped: 0 });
    expect(await lastAudit("broadcast.send")).toMatchObject({ actorId: organizerA.personId, detail: { recipients: 3, audience: `group:${groupA.id}` } });
    expect((await get(`${review}/progress.json`, await signInAs(t.ctx, { organizerOf: [groupB.id] }))).status).toBe(403);
  });
});
