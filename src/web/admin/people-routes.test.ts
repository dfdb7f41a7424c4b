import { desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSubscriber } from "../../../tests/support/factories.js";
import { signInAs, type SignedIn } from "../../../tests/support/sign-in.js";
import { createTestApp, type TestApp } from "../../../tests/support/test-app.js";
import { auditEvents, groups } from "../../db/schema/index.js";

let t: TestApp;
let admin: SignedIn;
let organizer: SignedIn;
let rosa: { id: number; email: string };

beforeAll(async () => {
  t = await createTestApp({ template: "loaded" });
  admin = await signInAs(t.ctx, { admin: true });
  const [group] = await t.ctx.db.select().from(groups).where(eq(groups.status, "active")).limit(1);
  organizer = await signInAs(t.ctx, { organizerOf: [group!.id] });
  rosa = await buildSubscriber(t.ctx, { name: "Rosa Parks", email: "rosa.parks@example.org", zip: "48201", state: "MI" });
  await buildSubscriber(t.ctx, { name: "=HYPERLINK(\"http://evil.example\",\"x\")", zip: "48201", state: "MI" });
  for (let i = 0; i < 51; i++) await buildSubscriber(t.ctx, { name: `Paged Person ${i}`, state: "ND", zip: "58102" });
});
afterAll(async () => {
  await t.close();
});

const get = (path: string, who?: SignedIn) => t.get(path, who);

describe("/admin/people", () => {
  it("is for national staff only", async () => {
    for (const path of ["/admin/people", "/admin/people.csv", `/admin/people/${rosa.id}`]) {
      const anonymous = await get(path);
      expect(anonymous.status).toBe(303);
      expect(anonymous.headers.get("location")).toMatch(/^\/sign-in\?next=/);
      expect((await get(path, organizer)).status).toBe(403);
    }
    expect(await t.ctx.db.select().from(auditEvents).where(eq(auditEvents.action, "people.export"))).toEqual([]);
  });

  it("searches by name, e-mail, ZIP and state, and keeps what was typed", async () => {
    const res = await get("/admin/people?q=rosa&zip=48201&state=MI", admin);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("1 person found.");
    expect(html).toContain(`<a href="/admin/people/${rosa.id}">Rosa Parks</a>`);
    expect(html).toContain("rosa.parks@example.org");
    expect(html).toContain('value="rosa"');
    expect(html).toContain('<option value="MI" selected="">Michigan</option>');
    expect(html).toContain('href="/admin/people.csv?q=rosa&amp;zip=48201&amp;state=MI"');
    expect(html).not.toContain("Paged Person");
  });

  it("pages 50 at a time", async () => {
    const first = await (await get("/admin/people?state=ND", admin)).text();
    expect(first).toContain("51 people found.");
    expect(first.match(/Paged Person \d+/g)).toHaveLength(50);
    expect(first).toContain('href="/admin/people?state=ND&amp;page=2" rel="next"');
    const second = await (await get("/admin/people?state=ND&page=2", admin)).text();
    expect(second.match(/Paged Person \d+/g)).toHaveLength(1);
    expect(second).toContain("Page 2 of 2");
  });

  it("re-renders the form with a reason for each unusable field", async () => {
    const res = await get("/admin/people?q=x&zip=12&state=Michigan", admin);
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain("Enter a 5-digit ZIP code");
    expect(html).toContain('value="12"');
    expect(html).toContain('class="error-summary"');
    expect((await get("/admin/people?page=abc", admin)).status).toBe(400);
  });

  it("shows one person's record, and 404 for anyone else", async () => {
    const res = await get(`/admin/people/${rosa.id}`, admin);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("<h1>Rosa Parks</h1>");
    expect(html).toContain("rosa.parks@example.org");
    expect(html).toContain("National updates");
    expect((await get("/admin/people/999999", admin)).status).toBe(404);
    expect((await get("/admin/people/abc", admin)).status).toBe(404);
  });

  it("exports the search as formula-safe CSV and records the export", async () => {
    const res = await get("/admin/people.csv?state=MI", admin);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="people-\d{4}-\d{2}-\d{2}\.csv"$/);
    const csv = await res.text();
    expect(csv.split("\r\n")[0]).toContain("name,email");
    expect(csv).toContain("Rosa Parks,rosa.parks@example.org,48201,MI");
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    expect(csv).not.toContain("Paged Person");
    const [event] = await t.ctx.db.select().from(auditEvents).orderBy(desc(auditEvents.id)).limit(1);
    expect(event).toMatchObject({ actorId: admin.personId, action: "people.export", detail: { filter: { state: "MI" }, rows: 2 } });

    expect((await get("/admin/people.csv?zip=abc", admin)).status).toBe(400);
  });
});
