import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInAs, type SignedIn } from "../../../tests/support/sign-in.js";
import { createTestApp, type TestApp } from "../../../tests/support/test-app.js";
import { auditEvents, campaigns, groups } from "../../db/schema/index.js";

let t: TestApp;
let admin: SignedIn;
let organizer: SignedIn;

beforeAll(async () => {
  t = await createTestApp({ template: "loaded" });
  admin = await signInAs(t.ctx, { admin: true });
  const [group] = await t.ctx.db.select().from(groups).where(eq(groups.status, "active")).limit(1);
  organizer = await signInAs(t.ctx, { organizerOf: [group!.id] });
});
afterAll(() => t.close());

const get = (path: string, who?: SignedIn) => t.get(path, who);
/** `who` null: nobody signed in. */
const post = (path: string, fields: Record<string, string>, who: SignedIn | null = admin) => t.postForm(path, fields, who);

/** The edit form's current values, as a browser would send them back. */
async function formValues(slug: string): Promise<Record<string, string>> {
  const html = await (await get(`/admin/campaigns/${slug}`, admin)).text();
  const values: Record<string, string> = {};
  const decode = (s: string) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
  for (const m of html.matchAll(/<input type="text" name="([^"]+)" value="([^"]*)"/g)) values[m[1]!] = decode(m[2]!);
  for (const m of html.matchAll(/<textarea name="([^"]+)"[^>]*>([^<]*)<\/textarea>/g)) values[m[1]!] = decode(m[2]!);
  for (const m of html.matchAll(/<select name="([^"]+)"[^>]*>([\s\S]*?)<\/select>/g)) values[m[1]!] = /<option value="([^"]*)" selected=""/.exec(m[2]!)?.[1] ?? "";
  return values;
}

describe("/admin/campaigns", () => {
  it("is for national staff only", async () => {
    for (const path of ["/admin/campaigns", "/admin/campaigns/new", "/admin/campaigns/medicare-for-all"]) {
      const anonymous = await get(path);
      expect(anonymous.status).toBe(303);
      expect(anonymous.headers.get("location")).toMatch(/^\/sign-in\?next=/);
      expect((await get(path, organizer)).status).toBe(403);
    }
    const values = await formValues("medicare-for-all");
    expect((await post("/admin/campaigns/medicare-for-all", values, organizer)).status).toBe(403);
    expect((await post("/admin/campaigns/medicare-for-all/activate", {}, organizer)).status).toBe(403);
    expect((await post("/admin/campaigns/medicare-for-all/preview", values, null)).status).toBe(303);
    expect(await t.ctx.db.select().from(auditEvents).where(eq(auditEvents.subject, "campaign:medicare-for-all"))).toEqual([]);
  });

  it("lists campaigns with the active one marked", async () => {
    const html = await (await get("/admin/campaigns", admin)).text();
    expect(html).toContain('<a href="/admin/campaigns/medicare-for-all">Get your members of Congress on board for Medicare for All</a>');
    expect(html).toContain("H.R.3069 · S.1506");
    expect(html).toMatch(/<strong class="campaign-active">Active<\/strong>/);
  });

  it("re-renders a refused edit with the values typed and a message naming the unknown placeholder", async () => {
    const values = await formValues("medicare-for-all");
    expect(values["en-title"]).toBe("Get your members of Congress on board for Medicare for All");
    const res = await post("/admin/campaigns/medicare-for-all", { ...values, "en-callScript-cosponsor": "Thank you, {memberTitel} {memberLastName}!", "en-title": "" });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain("Thank you, {memberTitel} {memberLastName}!</textarea>");
    expect(html).toContain("Unknown placeholder {memberTitel}.");
    expect(html).toContain('href="#field-en-title"');
    expect(html).toContain('aria-invalid="true"');
  });

  it("previews the words for a cosponsor and a non-cosponsor without saving", async () => {
    const values = await formValues("medicare-for-all");
    const res = await post("/admin/campaigns/medicare-for-all/preview", { ...values, "en-callScript-notCosponsor": "Preview only: {callerName} asks {memberTitle} {memberLastName} to sign {bill}." });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("A member on the bill");
    expect(html).toContain("A member not on the bill");
    expect(html).toMatch(/Preview only: Alex Rivera asks Representative \S+ to sign H\.R\.3069\./);
    expect(html).toContain("Preview only: {callerName} asks"); // the form keeps what was typed
    const act = await (await t.app.request("/act/medicare-for-all?zip=55401")).text();
    expect(act).not.toContain("Preview only");

    const spanish = await (await post("/admin/campaigns/medicare-for-all/preview", { ...values, previewLang: "es" })).text();
    expect(spanish).toContain("Representante");
  });

  it("saves edited words, shows them on /act and audits the change", async () => {
    const values = await formValues("medicare-for-all");
    const res = await post("/admin/campaigns/medicare-for-all", {
      ...values,
      "en-callScript-cosponsor": "Thank you {memberTitle} {memberLastName} for standing with us on {bill}.",
      "en-callScript-notCosponsor": "Please stand with us on {bill}, {memberTitle} {memberLastName}.",
    });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/admin/campaigns/medicare-for-all?saved=1");
    expect(await (await get("/admin/campaigns/medicare-for-all?saved=1", admin)).text()).toContain("Saved “Get your members of Congress on board for Medicare for All”");
    const act = await (await t.app.request("/act/medicare-for-all?zip=55401")).text();
    expect(act).toContain("Thank you Representative Omar for standing with us on H.R.3069.");
    expect(act).toMatch(/Please stand with us on S\.1506, Senator \w+\./);
    const [event] = await t.ctx.db.select().from(auditEvents).where(eq(auditEvents.action, "campaign.update"));
    expect(event).toMatchObject({ actorId: admin.personId, detail: { changed: ["en-callScript-cosponsor", "en-callScript-notCosponsor"] } });
  });

  it("creates a campaign and activating it switches /act to it", async () => {
    const values = await formValues("medicare-for-all");
    const refused = await post("/admin/campaigns/new", { ...values, slug: "Town Halls!" });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('value="Town Halls!"');
    const taken = await post("/admin/campaigns/new", { ...values, slug: "medicare-for-all" });
    expect(await taken.text()).toContain("There is already a campaign with this web address.");

    const created = await post("/admin/campaigns/new", { ...values, slug: "town-halls", "en-title": "Show up at town halls", senateBillId: "" });
    expect(created.status).toBe(303);
    expect(created.headers.get("location")).toBe("/admin/campaigns/town-halls?created=1");
    expect((await t.app.request("/act")).headers.get("location")).toBe("/act/medicare-for-all");

    const activated = await post("/admin/campaigns/town-halls/activate", {});
    expect(activated.status).toBe(303);
    expect(await (await get(activated.headers.get("location")!, admin)).text()).toContain("“Show up at town halls” is now the active campaign");
    expect((await t.app.request("/act?zip=55401")).headers.get("location")).toBe("/act/town-halls?zip=55401");
    expect(await (await t.app.request("/act/town-halls")).text()).toContain("Show up at town halls");
    const active = await t.ctx.db.select({ slug: campaigns.slug }).from(campaigns).where(eq(campaigns.isActive, true));
    expect(active).toEqual([{ slug: "town-halls" }]);

    await post("/admin/campaigns/medicare-for-all/activate", {});
    expect((await t.app.request("/act")).headers.get("location")).toBe("/act/medicare-for-all");
    expect((await post("/admin/campaigns/nope/activate", {})).status).toBe(404);
  });
});
