import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInAs, type SignedIn } from "../../../tests/support/sign-in.js";
import { createTestApp, type TestApp } from "../../../tests/support/test-app.js";
import { groups } from "../../db/schema/index.js";
import { applyToFoundGroup } from "../../domain/groups/apply-to-found-group.js";

let t: TestApp;
let admin: SignedIn;
let organizer: SignedIn;

beforeAll(async () => {
  t = await createTestApp({ template: "loaded" });
  admin = await signInAs(t.ctx, { admin: true });
  const [group] = await t.ctx.db.select().from(groups).where(eq(groups.status, "active")).limit(1);
  organizer = await signInAs(t.ctx, { organizerOf: [group!.id] });
});
afterAll(async () => {
  await t.close();
});

const get = (path: string, who?: SignedIn) => t.get(path, who);

describe("GET /admin", () => {
  it("sends anonymous visitors to sign in and refuses organizers", async () => {
    const anonymous = await get("/admin");
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get("location")).toBe("/sign-in?next=%2Fadmin");
    expect((await get("/admin", organizer)).status).toBe(403);
  });

  it("shows the headline numbers, three charts with their tables, and the stale groups", async () => {
    const res = await get("/admin", admin);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("<h1>National dashboard</h1>");
    expect(html).toMatch(/<strong>\d+ of 50<\/strong> States with a group/);
    expect(html).toContain('<svg xmlns="http://www.w3.org/2000/svg" class="chart-svg chart-line-chart"');
    expect(html).toContain('aria-labelledby="chart-coverage-title"');
    expect(html).toContain('aria-labelledby="chart-growth-title"');
    expect(html.match(/<details class="chart-table"><summary>Show as a table<\/summary>/g)).toHaveLength(2);
    expect(html.match(/<th scope="row">[A-Z][a-z]{2} \d{1,2}<\/th>/g)?.length).toBe(52); // 26 weeks in each of two tables
    // No actions yet: the members chart is replaced by a sentence.
    expect(html).not.toContain("chart-members-title");
    expect(html).toContain("Nothing to show yet.");
    // The seeded groups were never confirmed by an organizer.
    expect(html).toContain('<table class="data-table" id="stale-groups">');
    expect(html).toContain(">Never</td>");
    expect(html).toContain("States covered is an estimate");
    expect(html).not.toMatch(/\sstyle=/);
  });

  it("links to the waiting applications", async () => {
    await applyToFoundGroup({
      ctx: t.ctx,
      input: { name: "Founder", email: "founder.dashboard@example.org", zip: "55401", groupName: "Dashboard Test Group", city: "Minneapolis", why: "Because.", locale: "en" },
    });
    const html = await (await get("/admin", admin)).text();
    expect(html).toContain('<a href="/admin/applications">Review the waiting application</a>');
  });

  it("speaks Spanish", async () => {
    const html = await (await get("/admin?lang=es", admin)).text();
    expect(html).toContain("<h1>Panel nacional</h1>");
    expect(html).toContain("Ver como tabla");
  });
});
