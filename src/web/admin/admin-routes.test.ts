import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { uniqueEmail } from "../../../tests/support/factories.js";
import { cookies, signInAs, type SignedIn } from "../../../tests/support/sign-in.js";
import { createTestApp, type TestApp } from "../../../tests/support/test-app.js";
import { auditEvents, groupApplications, groupOrganizers, groups, mailMessages } from "../../db/schema/index.js";
import { applyToFoundGroup } from "../../domain/groups/apply-to-found-group.js";

let t: TestApp;
let admin: SignedIn;
let organizer: SignedIn;
let groupId: number;
let applicationId: number;
beforeAll(async () => {
  t = await createTestApp({ template: "loaded" });
  const [group] = await t.ctx.db.select({ id: groups.id }).from(groups).limit(1);
  groupId = group!.id;
  admin = await signInAs(t.ctx, { admin: true, name: "Ella Baker" });
  organizer = await signInAs(t.ctx, { organizerOf: [groupId] });
  ({ applicationId } = await applyToFoundGroup({
    ctx: t.ctx,
    input: { name: "Ruby Bridges", email: uniqueEmail("founder"), zip: "70112", groupName: "New Orleans Single Payer", city: "New Orleans", why: "We are ready.", locale: "en" },
  }));
});
afterAll(async () => {
  await t.close();
});

const get = (path: string, who?: SignedIn) => t.get(path, who);
async function post(path: string, fields: Record<string, string>, who?: SignedIn) {
  const { cookie, token } = await t.csrf("/updates");
  return t.app.request(path, {
    method: "POST",
    headers: { cookie: cookies(cookie, who?.cookie ?? ""), "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ _csrf: token, ...fields }).toString(),
  });
}
async function postMultipart(path: string, parts: Record<string, string | File>, who?: SignedIn) {
  const { cookie, token } = await t.csrf("/updates");
  const body = new FormData();
  body.set("_csrf", token);
  for (const [name, value] of Object.entries(parts)) body.set(name, value);
  return t.app.request(path, { method: "POST", headers: { cookie: cookies(cookie, who?.cookie ?? "") }, body });
}

const pages = () => [
  "/admin/applications",
  `/admin/applications/${applicationId}`,
  "/admin/groups",
  "/admin/groups/new",
  `/admin/groups/${groupId}`,
  "/admin/groups/import",
  "/admin/groups.csv",
];
const posts = () => [
  `/admin/applications/${applicationId}/approve`,
  `/admin/applications/${applicationId}/reject`,
  `/admin/applications/${applicationId}/more-info`,
  "/admin/groups/new",
  `/admin/groups/${groupId}`,
  `/admin/groups/${groupId}/deactivate`,
  `/admin/groups/${groupId}/reactivate`,
  `/admin/groups/${groupId}/merge`,
  `/admin/groups/${groupId}/invite`,
  "/admin/groups/import",
  "/admin/groups/import/apply",
];

describe("who may reach moderation and groups", () => {
  it("sends anonymous visitors to sign in, for every page and every form", async () => {
    for (const path of pages()) {
      const res = await get(path);
      expect(res.status, path).toBe(303);
      expect(res.headers.get("location"), path).toBe(`/sign-in?next=${encodeURIComponent(path)}`);
    }
    for (const path of posts()) {
      const res = await post(path, { reason: "x", name: "Hacked", state: "MN", kind: "local group" });
      expect(res.status, path).toBe(303);
      expect(res.headers.get("location"), path).toMatch(/^\/sign-in\?next=/);
    }
  });

  it("refuses organizers (403), even for their own group, and changes nothing", async () => {
    for (const path of pages()) expect((await get(path, organizer)).status, path).toBe(403);
    for (const path of posts()) {
      expect((await post(path, { reason: "x", name: "Hacked", state: "MN", kind: "local group", email: uniqueEmail(), duplicateId: "1" }, organizer)).status, path).toBe(403);
    }
    const [application] = await t.ctx.db.select().from(groupApplications).where(eq(groupApplications.id, applicationId));
    expect(application?.status).toBe("pending");
    const [group] = await t.ctx.db.select().from(groups).where(eq(groups.id, groupId));
    expect(group?.name).not.toBe("Hacked");
  });

  it("shows staff every page", async () => {
    for (const path of pages()) expect((await get(path, admin)).status, path).toBe(200);
  });

  it("answers 404 for applications and groups that do not exist, read or written", async () => {
    for (const path of ["/admin/applications/999999", "/admin/groups/999999", "/admin/applications/abc", "/admin/groups/abc"]) {
      expect((await get(path, admin)).status, path).toBe(404);
    }
    for (const path of ["/admin/applications/999999/approve", "/admin/applications/999999/reject", "/admin/groups/999999", "/admin/groups/999999/deactivate", "/admin/groups/999999/invite"]) {
      expect((await post(path, { reason: "x", question: "x", name: "A", email: uniqueEmail(), state: "MN", kind: "local group" }, admin)).status, path).toBe(404);
    }
  });
});

describe("moderation pages", () => {
  it("lists the application with the applicant's contact, and approves it", async () => {
    const list = await (await get("/admin/applications", admin)).text();
    expect(list).toContain("New Orleans Single Payer");
    const detail = await (await get(`/admin/applications/${applicationId}`, admin)).text();
    expect(detail).toContain("We are ready.");
    expect(detail).toContain("Ruby Bridges");

    const refused = await post(`/admin/applications/${applicationId}/reject`, { reason: "  " }, admin);
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("Please fill this in.");

    const approved = await post(`/admin/applications/${applicationId}/approve`, { note: "" }, admin);
    expect(approved.status).toBe(303);
    const page = await (await get(approved.headers.get("location")!, admin)).text();
    expect(page).toContain("New Orleans Single Payer is live");
    expect(page).toContain("This application is closed: Approved.");
    const [application] = await t.ctx.db.select().from(groupApplications).where(eq(groupApplications.id, applicationId));
    const organizers = await t.ctx.db.select().from(groupOrganizers).where(eq(groupOrganizers.groupId, application!.groupId));
    expect(organizers).toHaveLength(1);
    expect((await get("/groups/la/new-orleans-single-payer")).status).toBe(200);
    // Deciding twice is a conflict page, not a second approval.
    expect((await post(`/admin/applications/${applicationId}/approve`, {}, admin)).status).toBe(409);
  });

  it("asks for more information, then turns an application down with the reason mailed", async () => {
    const email = uniqueEmail("founder");
    const { applicationId: id } = await applyToFoundGroup({
      ctx: t.ctx,
      input: { name: "Rosa", email, zip: "70112", groupName: "Crescent City Care", city: "New Orleans", why: "Because.", locale: "en" },
    });
    expect((await post(`/admin/applications/${id}/more-info`, { question: "" }, admin)).status).toBe(400);
    const asked = await post(`/admin/applications/${id}/more-info`, { question: "Who is with you?" }, admin);
    expect(asked.status).toBe(303);
    expect(await (await get(asked.headers.get("location")!, admin)).text()).toContain("Your question about Crescent City Care was sent");

    // The applicant answers on the page the question's e-mail links to.
    const [question] = await t.ctx.db.select().from(mailMessages).where(and(eq(mailMessages.toAddress, email), eq(mailMessages.template, "founding-more-info")));
    const answerPath = new URL(/https?:\/\/\S+\/start-a-group\/answer\/\S+/.exec(question!.textBody ?? "")![0]).pathname;
    const form = await (await get(answerPath)).text();
    expect(form).toContain("Who is with you?");
    expect(form).toContain('name="answer"');
    const empty = await post(answerPath, { answer: "  " });
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain("Who is with you?");
    const answered = await post(answerPath, { answer: "Three nurses from Touro and a retired teacher." });
    expect(answered.status).toBe(200);
    expect(await answered.text()).toContain("your answer is with national staff");
    const [afterAnswer] = await t.ctx.db.select().from(groupApplications).where(eq(groupApplications.id, id));
    expect(afterAnswer).toMatchObject({ status: "pending", applicantAnswer: "Three nurses from Touro and a retired teacher." });
    const staffView = await (await get(`/admin/applications/${id}`, admin)).text();
    expect(staffView).toContain("Question asked");
    expect(staffView).toContain("Three nurses from Touro and a retired teacher.");
    // A link with another signature opens nothing.
    expect((await get(answerPath.replace(/\.[A-Za-z0-9_-]{32}$/, `.${"x".repeat(32)}`))).status).toBe(404);

    const rejected = await post(`/admin/applications/${id}/reject`, { reason: "Please join New Orleans Single Payer instead." }, admin);
    expect(rejected.status).toBe(303);
    const mail = await t.ctx.db.select().from(mailMessages).where(eq(mailMessages.toAddress, email));
    expect(mail.map((m) => m.template)).toEqual(["founding-received", "founding-more-info", "founding-rejected"]);
    expect(mail.at(-1)?.textBody).toContain("Please join New Orleans Single Payer instead.");
    // Once decided, the answer page says there is nothing more to answer.
    expect(await (await get(answerPath)).text()).toContain("has been decided, so there is nothing more to answer");
    expect((await post(answerPath, { answer: "One more thing" })).status).toBe(409);
  });
});

describe("groups pages", () => {
  it("re-renders a refused new group with its values and errors; creates a good one", async () => {
    const bad = await post("/admin/groups/new", { name: "Baton Rouge M4A", state: "ZZ", kind: "local group", websiteUrl: "not a url" }, admin);
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain('value="Baton Rouge M4A"');
    expect(html).toContain("Enter a full web address");
    const good = await post("/admin/groups/new", { name: "Baton Rouge M4A", state: "LA", kind: "local group", city: "Baton Rouge" }, admin);
    expect(good.status).toBe(303);
    const location = good.headers.get("location")!;
    expect(location).toMatch(/^\/admin\/groups\/\d+\?done=created$/);
    expect(await (await get(location, admin)).text()).toContain("Baton Rouge M4A was added.");
    const taken = await post("/admin/groups/new", { name: "Baton Rouge M4A", state: "LA", kind: "local group" }, admin);
    expect(taken.status).toBe(400);
    expect(await taken.text()).toContain("Another group in this state already uses this web address name.");
  });

  it("filters the list, edits, deactivates, invites and merges", async () => {
    const created = await post("/admin/groups/new", { name: "Lafayette Health Justice", state: "LA", kind: "local group", city: "Lafayette" }, admin);
    const id = Number(/\/admin\/groups\/(\d+)/.exec(created.headers.get("location")!)![1]);
    const dup = await post("/admin/groups/new", { name: "Lafayette Health Justice (old)", state: "LA", kind: "local group", city: "Lafayette" }, admin);
    const dupId = Number(/\/admin\/groups\/(\d+)/.exec(dup.headers.get("location")!)![1]);
    const list = await (await get("/admin/groups?state=la&q=lafayette", admin)).text();
    expect(list).toContain("Lafayette Health Justice");
    expect(list).not.toContain("Baton Rouge M4A");

    const form = { name: "Lafayette Health Justice", slug: "", state: "LA", kind: "state campaign", city: "Lafayette", notes: "Checked by phone" };
    const saved = await post(`/admin/groups/${id}`, form, admin);
    expect(saved.status).toBe(303);
    expect(await (await get(saved.headers.get("location")!, admin)).text()).toMatch(/Saved \d+ changes\./);
    const [edited] = await t.ctx.db.select().from(groups).where(eq(groups.id, id));
    expect(edited).toMatchObject({ kind: "state campaign", notes: "Checked by phone" });

    expect((await post(`/admin/groups/${id}/merge`, { duplicateId: "999999" }, admin)).status).toBe(400);
    expect((await post(`/admin/groups/${id}/merge`, { duplicateId: String(id) }, admin)).status).toBe(400);
    const merged = await post(`/admin/groups/${id}/merge`, { duplicateId: String(dupId) }, admin);
    expect(merged.status).toBe(303);
    const [dupRow] = await t.ctx.db.select().from(groups).where(eq(groups.id, dupId));
    expect(dupRow?.status).toBe("inactive");

    const inviteBad = await post(`/admin/groups/${id}/invite`, { inviteName: "", inviteEmail: "x" }, admin);
    expect(inviteBad.status).toBe(400);
    const email = uniqueEmail("invitee");
    const invited = await post(`/admin/groups/${id}/invite`, { inviteName: "Dolores", inviteEmail: email }, admin);
    expect(invited.status).toBe(303);
    const [invite] = await t.ctx.db.select().from(mailMessages).where(eq(mailMessages.toAddress, email));
    expect(invite?.subject).toBe("You are now an organizer of Lafayette Health Justice");

    expect((await post(`/admin/groups/${id}/deactivate`, {}, admin)).status).toBe(303);
    expect((await get("/groups/la/lafayette-health-justice")).status).toBe(404);
    expect((await post(`/admin/groups/${id}/reactivate`, {}, admin)).status).toBe(303);
    expect((await get("/groups/la/lafayette-health-justice")).status).toBe(200);
  });

  it("exports CSV as an audited attachment", async () => {
    const res = await get("/admin/groups.csv", admin);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="groups-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect((await res.text()).split("\n")[0]).toMatch(/^id,name,slug,state,city,kind,status,/);
    const events = await t.ctx.db.select().from(auditEvents).where(eq(auditEvents.action, "groups.export"));
    expect(events.some((e) => e.actorId === admin.personId)).toBe(true);
  });

  it("previews an uploaded CSV with its bad rows by line, and imports a good one after confirmation", async () => {
    const empty = await postMultipart("/admin/groups/import", { csv: "" }, admin);
    expect(empty.status).toBe(400);
    const badCsv = "name,state,kind,website_url\nShreveport M4A,LA,local group,https://example.org\n,LA,local group,\nBad,ZZ,local group,\n";
    const bad = await postMultipart("/admin/groups/import", { file: new File([badCsv], "groups.csv", { type: "text/csv" }) }, admin);
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain("name is required");
    expect(html).toContain("state is not one of the allowed values");
    expect(html).not.toContain("Import these changes");

    const goodCsv = "name,state,kind,city\nShreveport M4A,LA,local group,Shreveport\n";
    const preview = await postMultipart("/admin/groups/import", { csv: goodCsv }, admin);
    expect(preview.status).toBe(200);
    expect(await preview.text()).toContain("1 to add, 0 to update");
    const applied = await post("/admin/groups/import/apply", { csv: goodCsv }, admin);
    expect(applied.status).toBe(303);
    expect(await (await get(applied.headers.get("location")!, admin)).text()).toContain("Imported: 1 added, 0 updated.");
    expect((await get("/groups/la/shreveport-m4a")).status).toBe(200);
    // A bad file sent straight to apply imports nothing and shows why.
    const refused = await post("/admin/groups/import/apply", { csv: badCsv }, admin);
    expect(refused.status).toBe(400);
  });

  it("accepts an import bigger than the usual 64 KiB form limit", async () => {
    const { csv } = await (async () => ({ csv: await (await get("/admin/groups.csv", admin)).text() }))();
    const padded = csv + "\n".repeat(70 * 1024);
    expect(padded.length).toBeGreaterThan(64 * 1024);
    const res = await postMultipart("/admin/groups/import", { file: new File([padded], "groups.csv") }, admin);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("there is nothing to import");
  });
});
