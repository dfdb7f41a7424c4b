import { desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSubscriber } from "../../../tests/support/factories.js";
import { signInAs, type SignedIn } from "../../../tests/support/sign-in.js";
import { createTestApp, type TestApp } from "../../../tests/support/test-app.js";
import { auditEvents, broadcasts, groups, mailMessages } from "../../db/schema/index.js";

let t: TestApp;
let admin: SignedIn;
let organizer: SignedIn;

beforeAll(async () => {
  t = await createTestApp({ template: "loaded" });
  admin = await signInAs(t.ctx, { admin: true, name: "Staff Member" });
  const [group] = await t.ctx.db.select().from(groups).where(eq(groups.status, "active")).limit(1);
  organizer = await signInAs(t.ctx, { organizerOf: [group!.id] });
  for (let i = 0; i < 2; i++) await buildSubscriber(t.ctx, { state: "VT", lists: { national: "active" } });
  await buildSubscriber(t.ctx, { state: "NH", lists: { national: "active" } });
});
afterAll(async () => {
  await t.close();
});

const get = (path: string, who?: SignedIn) => t.get(path, who);
const post = (path: string, who: SignedIn | undefined, fields: Record<string, string> = {}) => t.postForm(path, fields, who);
const message = { subject: "Vermont call day", bodyMarkdown: "Call your senator *today*.", senderName: "Everybody In", replyTo: "" };

describe("/admin/broadcasts", () => {
  it("is for national staff only", async () => {
    expect((await get("/admin/broadcasts")).status).toBe(303);
    expect((await get("/admin/broadcasts", organizer)).status).toBe(403);
    expect((await post("/admin/broadcasts", organizer, { ...message, audienceKind: "all" })).status).toBe(403);
    expect(await t.ctx.db.select().from(broadcasts)).toEqual([]);
  });

  it("offers everyone, a state or a group", async () => {
    const res = await get("/admin/broadcasts", admin);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('name="audienceKind" value="all"');
    expect(html).toContain('<option value="VT">Vermont</option>');
    expect(html).toMatch(/<select id="field-groupId" name="groupId">[\s\S]*<option value="\d+">/);
    expect(html).toContain('value="Everybody In"');
  });

  it("refuses a form without an audience or a subject, keeping what was typed", async () => {
    const res = await post("/admin/broadcasts", admin, { ...message, subject: "", audienceKind: "state", state: "" });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('href="#field-audience"');
    expect(html).toContain('href="#field-subject"');
    expect(html).toContain("Call your senator *today*.");
    expect(html).toMatch(/value="state" checked/);
  });

  it("writes to one state: preview, test, send, progress, and the list", async () => {
    const created = await post("/admin/broadcasts", admin, { ...message, audienceKind: "state", state: "VT" });
    expect(created.status).toBe(303);
    const review = created.headers.get("location")!;
    expect(review).toMatch(/^\/admin\/broadcasts\/\d+$/);
    const preview = await (await get(review, admin)).text();
    expect(preview).toContain("People in Vermont");
    expect(preview).toContain("This message would reach 2 people.");
    expect(preview).toContain("Call your senator <em>today</em>.");

    await post(`${review}/test`, admin);
    const [test] = await t.ctx.db.select().from(mailMessages).where(eq(mailMessages.toAddress, admin.email));
    expect(test).toMatchObject({ subject: "[TEST] Vermont call day", template: "broadcast-test", broadcastId: null });
    expect(test?.textBody).toContain("Medicare for All updates for Vermont");

    // "Change the message" starts a new draft from this one.
    const again = await (await get(`/admin/broadcasts?from=${review.split("/").pop()}`, admin)).text();
    expect(again).toContain('value="Vermont call day"');
    expect(again).toContain('<option value="VT" selected="">Vermont</option>');

    await post(`${review}/send`, admin);
    const json = await (await get(`${review}/progress.json`, admin)).json();
    expect(json).toMatchObject({ status: "sending", recipients: 2, queued: 2 });
    const [audit] = await t.ctx.db.select().from(auditEvents).where(eq(auditEvents.action, "broadcast.send")).orderBy(desc(auditEvents.id));
    expect(audit).toMatchObject({ actorId: admin.personId, detail: { audience: "state:VT", recipients: 2 } });
    const list = await (await get("/admin/broadcasts", admin)).text();
    expect(list).toContain(`href="${review}"`);
    expect(list).toContain("Sending");
  });

  it("deletes a draft (audited), but never one that was sent; an organizer cannot delete staff's", async () => {
    const draft = (await post("/admin/broadcasts", admin, { ...message, subject: "Draft to drop", audienceKind: "state", state: "NH" })).headers.get("location")!;
    expect(await (await get(draft, admin)).text()).toContain("Delete this draft");
    expect((await post(`${draft}/delete`, organizer)).status).toBe(403);
    const deleted = await post(`${draft}/delete`, admin);
    expect(deleted.status).toBe(303);
    expect(deleted.headers.get("location")).toBe("/admin/broadcasts?done=deleted");
    expect(await (await get(deleted.headers.get("location")!, admin)).text()).toContain("The draft is deleted.");
    expect((await get(draft, admin)).status).toBe(404);
    const [audit] = await t.ctx.db.select().from(auditEvents).where(eq(auditEvents.action, "broadcast.delete-draft")).orderBy(desc(auditEvents.id));
    expect(audit).toMatchObject({ actorId: admin.personId, subject: `broadcast:${draft.split("/").pop()}`, detail: { audience: "state:NH", subject: "Draft to drop" } });

    const sent = (await post("/admin/broadcasts", admin, { ...message, subject: "Sent one", audienceKind: "state", state: "NH" })).headers.get("location")!;
    await post(`${sent}/send`, admin);
    expect((await post(`${sent}/delete`, admin)).status).toBe(409);
    expect((await get(sent, admin)).status).toBe(200);
  });

  it("answers 404 for a broadcast that does not exist", async () => {
    expect((await get("/admin/broadcasts/999999", admin)).status).toBe(404);
    expect((await post("/admin/broadcasts/999999/send", admin)).status).toBe(404);
  });
});
