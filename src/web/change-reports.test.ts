import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cookies, signInAs } from "../../tests/support/sign-in.js";
import { createTestApp, type TestApp } from "../../tests/support/test-app.js";
import { auditEvents, groupChangeReports, groups } from "../db/schema/index.js";
import { closeChangeReport, listChangeReports } from "../domain/admin/moderation/change-reports.js";
import { reportGroupChange } from "../domain/groups/report-group-change.js";

let t: TestApp;
let group: { id: number; state: string; slug: string; name: string };
let path: string;
beforeAll(async () => {
  t = await createTestApp({ template: "loaded" });
  const [row] = await t.ctx.db.select({ id: groups.id, state: groups.state, slug: groups.slug, name: groups.name }).from(groups).where(eq(groups.status, "active")).limit(1);
  group = row!;
  path = `/groups/${group.state.toLowerCase()}/${group.slug}`;
});
afterAll(async () => {
  await t.close();
});

async function post(url: string, fields: Record<string, string>, extraCookie = "") {
  const { cookie, token } = await t.csrf("/updates");
  return t.app.request(url, {
    method: "POST",
    headers: { cookie: cookies(cookie, extraCookie), "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ _csrf: token, ...fields }).toString(),
  });
}

describe("reporting that a group's listing is wrong", () => {
  it("anyone can send a report from the group page; it waits for staff and changes nothing public", async () => {
    const page = await (await t.app.request(path)).text();
    expect(page).toContain("Something wrong or out of date?");
    const res = await post(`${path}/report`, { reportKind: "not_meeting", reportMessage: "They stopped meeting in <b>June</b>.", reportEmail: "" });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`${path}/reported`);
    const [report] = await t.ctx.db.select().from(groupChangeReports).where(eq(groupChangeReports.groupId, group.id));
    expect(report).toMatchObject({ kind: "not_meeting", status: "open", reporterEmail: null });
    expect((await t.app.request(path)).status).toBe(200);
  });

  it("re-renders the page with the report open, the values kept and per-field errors (400)", async () => {
    const res = await post(`${path}/report`, { reportKind: "", reportMessage: "", reportEmail: "not an address" });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toMatch(/<details open="">[\s\S]*error-summary/);
    expect(html).toContain('value="not an address"');
    expect(html).toContain('href="#field-reportMessage"');
  });

  it("quietly drops what a bot sends through the honeypot", async () => {
    const before = await t.ctx.db.select().from(groupChangeReports);
    const res = await post(`${path}/report`, { reportKind: "other", reportMessage: "spam", website: "http://spam.example" });
    expect(res.status).toBe(303);
    expect(await t.ctx.db.select().from(groupChangeReports)).toHaveLength(before.length);
  });

  it("refuses reports about groups that are not listed (404)", async () => {
    await expect(reportGroupChange({ ctx: t.ctx, input: { state: "zz", slug: "nope", kind: "other", message: "x" } })).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("the moderation queue's reported changes", () => {
  it("staff see open reports and close them once, audited; organizers cannot", async () => {
    const { id } = await reportGroupChange({ ctx: t.ctx, input: { state: group.state, slug: group.slug, kind: "wrong_details", message: "The meeting moved to the library.", email: "neighbor@example.org" } });
    const admin = await signInAs(t.ctx, { admin: true });
    const queue = await (await t.app.request("/admin/applications", { headers: { cookie: admin.cookie } })).text();
    expect(queue).toContain("Reported changes");
    expect(queue).toContain("The meeting moved to the library.");
    expect(queue).toContain("From neighbor@example.org");

    const organizer = await signInAs(t.ctx, { organizerOf: [group.id] });
    expect((await post(`/admin/reports/${id}`, { outcome: "dismissed" }, organizer.cookie)).status).toBe(403);

    const closed = await post(`/admin/reports/${id}`, { outcome: "resolved", note: "Updated the meeting place." }, admin.cookie);
    expect(closed.status).toBe(303);
    expect(closed.headers.get("location")).toBe("/admin/applications?done=report-closed");
    const [row] = await t.ctx.db.select().from(groupChangeReports).where(eq(groupChangeReports.id, id));
    expect(row).toMatchObject({ status: "resolved", decisionNote: "Updated the meeting place.", decidedBy: admin.personId });
    const audit = await t.ctx.db.select().from(auditEvents).where(eq(auditEvents.action, "change-report.resolved"));
    expect(audit).toHaveLength(1);

    expect((await post(`/admin/reports/${id}`, { outcome: "dismissed" }, admin.cookie)).status).toBe(409);
    expect((await post(`/admin/reports/999999`, { outcome: "dismissed" }, admin.cookie)).status).toBe(404);
    const stillOpen = await listChangeReports({ ctx: t.ctx, input: { actor: { personId: admin.personId, name: "", email: "", locale: "en", isAdmin: true, organizerOf: new Set() } } });
    expect(stillOpen.map((r) => r.id)).not.toContain(id);
    await expect(
      closeChangeReport({ ctx: t.ctx, input: { actor: undefined, reportId: id, outcome: "resolved" } }),
    ).rejects.toMatchObject({ code: "forbidden" });
  });
});
