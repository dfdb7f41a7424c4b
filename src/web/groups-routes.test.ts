import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { uniqueEmail } from "../../tests/support/factories.js";
import { createTestApp, type TestApp } from "../../tests/support/test-app.js";
import { groupApplications, groupMemberships, groups, people } from "../db/schema/index.js";
import { applyToFoundGroup } from "../domain/groups/apply-to-found-group.js";
import { approveGroupApplication } from "../domain/groups/approve-group-application.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ template: "loaded" });
});
afterAll(async () => {
  await t.close();
});

async function post(path: string, fields: Record<string, string>) {
  const { cookie, token } = await t.csrf("/updates");
  return t.app.request(path, {
    method: "POST",
    headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ _csrf: token, ...fields }).toString(),
  });
}

const firstGroupPath = async (state: string) => {
  const html = await (await t.app.request(`/groups/${state}`)).text();
  return /<h[23]><a href="(\/groups\/[a-z]{2}\/[a-z0-9-]+)">/.exec(html)?.[1]!;
};

describe("GET /groups", () => {
  it("lists every state in order, with 'start one' where there is no group, and national organizations apart", async () => {
    const res = await t.app.request("/groups");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html.indexOf('id="state-al"')).toBeLessThan(html.indexOf('id="state-wy"'));
    expect(html.match(/class="state-section"/g)).toHaveLength(56);
    expect(html).toContain("No group yet in Wyoming.");
    expect(html).toContain('href="/start-a-group?state=WY"');
    expect(html).toContain("National organizations");
    expect(html).toMatch(/\d+ of 50 states have a group/);
  });

  it("?near= lists the nearest groups with their distance", async () => {
    const res = await t.app.request("/groups?near=02139");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Groups near 02139 (Cambridge)");
    expect(html).toMatch(/<strong>[\d.]+ miles away<\/strong>/);
    expect(html).toContain("Works across Massachusetts");
  });

  it("answers a malformed or unknown ZIP on the same page with a message (400), not an empty list", async () => {
    const malformed = await t.app.request("/groups?near=abc");
    expect(malformed.status).toBe(400);
    const html = await malformed.text();
    expect(html).toContain("Enter a 5-digit ZIP code, like 55401.");
    expect(html).toContain('value="abc"');
    const unknown = await t.app.request("/groups?near=00000");
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toContain("We could not find this ZIP code.");
  });
});

describe("state and group pages", () => {
  it("a state page lists its groups; unknown states are 404; upper case redirects", async () => {
    expect((await t.app.request("/groups/ma")).status).toBe(200);
    expect((await t.app.request("/groups/zz")).status).toBe(404);
    const upper = await t.app.request("/groups/MA");
    expect(upper.status).toBe(301);
    expect(upper.headers.get("location")).toBe("/groups/ma");
  });

  it("a state without a group offers to start one and a waitlist form", async () => {
    const html = await (await t.app.request("/groups/wy")).text();
    expect(html).toContain("There is no single-payer group in Wyoming yet.");
    expect(html).toContain('action="/groups/wy/wait"');
  });

  it("a group page shows the join form and never an e-mail address", async () => {
    const path = await firstGroupPath("ma");
    const res = await t.app.request(path);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain(`action="${path}/join"`);
    const body = html.replace(/<form[\s\S]*?<\/form>/g, "");
    expect(body).not.toMatch(/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[a-z]{2,}/);
    expect((await t.app.request("/groups/ma/no-such-group")).status).toBe(404);
  });
});

describe("joining", () => {
  it("creates a pending membership and redirects to 'check your inbox'", async () => {
    const path = await firstGroupPath("ma");
    const email = uniqueEmail("join");
    const res = await post(`${path}/join`, { name: "Lucy Parsons", email, zip: "02139", phone: "617 555 0100", nationalUpdates: "yes" });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`${path}/joined`);
    const [person] = await t.ctx.db.select().from(people).where(eq(people.emailKey, email));
    expect(person?.phone).toBe("617-555-0100");
    const memberships = await t.ctx.db.select().from(groupMemberships).where(eq(groupMemberships.personId, person!.id));
    expect(memberships.map((m) => m.status)).toEqual(["pending"]);
    expect(await (await t.app.request(`${path}/joined`)).text()).toContain("Almost there: check your inbox");
  });

  it("re-renders the group page with the values and errors (400)", async () => {
    const path = await firstGroupPath("ma");
    const res = await post(`${path}/join`, { name: "Lucy", email: "lucy@", zip: "02139" });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain("Enter an e-mail address like name@example.com.");
    expect(html).toContain('value="lucy@"');
  });

  it("limits how often one e-mail address can join, whatever the network", async () => {
    const path = await firstGroupPath("ma");
    const email = uniqueEmail("flood");
    for (let i = 0; i < 10; i++) expect((await post(`${path}/join`, { name: "F", email, zip: "02139" })).status).toBe(303);
    const limited = await post(`${path}/join`, { name: "F", email: email.toUpperCase(), zip: "02139" });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("drops a bot that fills the honeypot", async () => {
    const path = await firstGroupPath("ma");
    const email = uniqueEmail("bot");
    const res = await post(`${path}/join`, { name: "Bot", email, zip: "02139", website: "x" });
    expect(res.status).toBe(303);
    expect(await t.ctx.db.select().from(people).where(eq(people.emailKey, email))).toHaveLength(0);
  });
});

describe("founding a group", () => {
  it("creates a pending application and does not list the group", async () => {
    const email = uniqueEmail("found");
    const res = await post("/start-a-group", { name: "Amelia", email, zip: "59601", groupName: "Helena Medicare for All", city: "Helena", why: "Montana needs one." });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/start-a-group/sent");
    const [group] = await t.ctx.db.select().from(groups).where(eq(groups.slug, "helena-medicare-for-all"));
    expect(group?.status).toBe("pending");
    expect(await t.ctx.db.select().from(groupApplications).where(eq(groupApplications.groupId, group!.id))).toHaveLength(1);
    expect((await t.app.request("/groups/mt/helena-medicare-for-all")).status).toBe(404);
    expect(await (await t.app.request("/groups/mt")).text()).not.toContain("Helena Medicare for All");
  });

  it("the cached directory shows a group as soon as it is approved", async () => {
    expect(await (await t.app.request("/groups")).text()).not.toContain("Bismarck Single Payer");
    const { applicationId } = await applyToFoundGroup({
      ctx: t.deps.ctx,
      input: { name: "B", email: uniqueEmail("nd"), zip: "58501", groupName: "Bismarck Single Payer", city: "Bismarck", why: "ND", locale: "en" },
    });
    expect(await (await t.app.request("/groups")).text()).not.toContain("Bismarck Single Payer");
    await approveGroupApplication({ ctx: t.deps.ctx, input: { applicationId } });
    expect(await (await t.app.request("/groups")).text()).toContain("Bismarck Single Payer");
  });

  it("says which fields are missing", async () => {
    const res = await post("/start-a-group", { name: "", email: "", zip: "", groupName: "", city: "", why: "" });
    expect(res.status).toBe(400);
    const html = await res.text();
    for (const label of ["Your name", "E-mail", "ZIP code", "Proposed group name", "City or town", "Why do you want to start a group?"]) {
      expect(html).toContain(`${label}: Please fill this in.`);
    }
  });
});

describe("JSON API", () => {
  it("GET /api/v1/groups?near= orders by distance and lists only public fields", async () => {
    const res = await t.app.request("/api/v1/groups?near=02139&miles=50");
    expect(res.status).toBe(200);
    const body = (await res.json()) as { groups: Record<string, unknown>[] };
    expect(body.groups.length).toBeGreaterThan(0);
    expect(Object.keys(body.groups[0]!).sort()).toEqual(
      ["city", "distanceMiles", "id", "kind", "lastConfirmedAt", "lat", "lng", "name", "slug", "state", "url", "website"].sort(),
    );
    const located = body.groups.filter((g) => g.distanceMiles !== null).map((g) => g.distanceMiles as number);
    expect(located).toEqual([...located].sort((a, b) => a - b));
    expect(JSON.stringify(body)).not.toMatch(/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[a-z]{2,}/);
  });

  it("GET /api/v1/groups?state= orders by name; bad input is a 400 with a code", async () => {
    const body = (await (await t.app.request("/api/v1/groups?state=MA")).json()) as { groups: { name: string; distanceMiles?: number }[] };
    const names = body.groups.map((g) => g.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    expect(body.groups[0]).not.toHaveProperty("distanceMiles");
    const bad = await t.app.request("/api/v1/groups?near=12");
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ code: "invalid", fields: { near: "invalid_zip" } });
    expect((await t.app.request("/api/v1/groups?state=ZZ")).status).toBe(404);
  });

  it("GET /api/v1/coverage counts the 50 states", async () => {
    const body = (await (await t.app.request("/api/v1/coverage")).json()) as { covered: number; total: number; states: { code: string }[] };
    expect(body.total).toBe(50);
    expect(body.states).toHaveLength(51);
    expect(body.covered).toBeGreaterThan(20);
  });
});
