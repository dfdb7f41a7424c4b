import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInAs, type SignedIn } from "../../../tests/support/sign-in.js";
import { createTestApp, type TestApp } from "../../../tests/support/test-app.js";
import { auditEvents, groups } from "../../db/schema/index.js";
import { recordAuditEvent } from "../../domain/audit/record-audit-event.js";

let t: TestApp;
let admin: SignedIn;
let organizer: SignedIn;

beforeAll(async () => {
  t = await createTestApp({ template: "loaded" });
  admin = await signInAs(t.ctx, { admin: true, name: "Ella Staff" });
  const [group] = await t.ctx.db.select().from(groups).where(eq(groups.status, "active")).limit(1);
  organizer = await signInAs(t.ctx, { organizerOf: [group!.id] });
  for (let i = 0; i < 55; i++) {
    await recordAuditEvent({ ctx: t.ctx, input: { actorId: admin.personId, action: "members.export", subject: `group:${i}`, detail: { rows: i } } });
  }
  await recordAuditEvent({ ctx: t.ctx, input: { actorId: null, action: "cosponsors.import", subject: "bill:119-hr3069", detail: { note: "<script>x</script>" } } });
});
afterAll(() => t.close());

const get = (path: string, who?: SignedIn) => t.get(path, who);

describe("/admin/audit", () => {
  it("is for national staff only", async () => {
    expect((await get("/admin/audit")).status).toBe(303);
    expect((await get("/admin/audit", organizer)).status).toBe(403);
  });

  it("shows who did what and when, newest first, 50 at a time", async () => {
    const res = await get("/admin/audit", admin);
    expect(res.status).toBe(200);
    const html = await res.text();
    const rows = html.match(/<tr><td><time/g) ?? [];
    expect(rows).toHaveLength(50);
    expect(html.indexOf("cosponsors.import")).toBeLessThan(html.indexOf("group:54"));
    expect(html).toContain("Command line or system");
    expect(html).toContain("Ella Staff");
    expect(html).toContain(admin.email);
    expect(html).toContain("{&quot;note&quot;:&quot;&lt;script&gt;x&lt;/script&gt;&quot;}");
    const older = /href="(\/admin\/audit\?before=\d+)" rel="next"/.exec(html)?.[1];
    expect(older).toBeDefined();
    const next = await (await get(older!, admin)).text();
    // The 56 above, and whatever the loaded template already logged (the starter news links).
    const total = (await t.ctx.db.select({ id: auditEvents.id }).from(auditEvents)).length;
    expect(total).toBeGreaterThanOrEqual(56);
    expect(next.match(/<tr><td><time/g)).toHaveLength(total - 50);
    expect(next).not.toContain('rel="next"');
    expect(next).toContain("Back to the newest");
  });

  it("filters by action prefix and by who did it, keeping the filter on the older link", async () => {
    const byAction = await (await get("/admin/audit?action=cosponsors.", admin)).text();
    expect(byAction.match(/<tr><td><time/g)).toHaveLength(1);
    expect(byAction).toContain('value="cosponsors."');
    const byActor = await (await get(`/admin/audit?actor=${encodeURIComponent(admin.email.toUpperCase())}`, admin)).text();
    expect(byActor.match(/<tr><td><time/g)).toHaveLength(50);
    expect(byActor).toMatch(/href="\/admin\/audit\?actor=[^"]+&amp;before=\d+" rel="next"/);
    expect(await (await get("/admin/audit?actor=nobody%40example.org", admin)).text()).toContain("No events match.");
    expect((await get("/admin/audit?before=abc", admin)).status).toBe(400);
  });
});
