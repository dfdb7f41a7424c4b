import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInAs, type SignedIn } from "../../../tests/support/sign-in.js";
import { createTestApp, type TestApp } from "../../../tests/support/test-app.js";
import { auditEvents, groups, newsItems } from "../../db/schema/index.js";

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
/** `who` null: nobody signed in. Repeated fields (topics) as arrays. */
const post = (path: string, fields: Record<string, string | string[]>, who: SignedIn | null = admin) => t.postForm(path, fields, who);

const article = (changes: Record<string, string | string[]> = {}) => ({
  url: "https://www.example.org/news/hearing",
  title: "House committee schedules a hearing on Medicare for All",
  publisher: "Example Daily",
  publishedOn: "2026-05-01",
  summary: "A first hearing in years.",
  topics: ["congress", "cosponsors"],
  ...changes,
});

describe("/admin/news", () => {
  it("is for national staff only", async () => {
    const [first] = await t.ctx.db.select({ id: newsItems.id }).from(newsItems).limit(1);
    for (const path of ["/admin/news", "/admin/news/new", `/admin/news/${first!.id}`, `/admin/news/${first!.id}/delete`]) {
      const anonymous = await get(path);
      expect(anonymous.status).toBe(303);
      expect(anonymous.headers.get("location")).toMatch(/^\/sign-in\?next=/);
      expect((await get(path, organizer)).status).toBe(403);
    }
    expect((await post("/admin/news/new", article(), organizer)).status).toBe(403);
    expect((await post(`/admin/news/${first!.id}`, article(), organizer)).status).toBe(403);
    expect((await post(`/admin/news/${first!.id}/delete`, {}, organizer)).status).toBe(403);
    expect((await post(`/admin/news/${first!.id}/delete`, {}, null)).status).toBe(303);
    expect(await t.ctx.db.select().from(newsItems).where(eq(newsItems.url, "https://www.example.org/news/hearing"))).toEqual([]);
    expect(await t.ctx.db.select({ id: newsItems.id }).from(newsItems).where(eq(newsItems.id, first!.id))).toHaveLength(1);
  });

  it("lists the links with edit and delete, and is in the admin navigation", async () => {
    const html = await (await get("/admin/news", admin)).text();
    expect(html).toContain('<a href="/admin/news" aria-current="page">News</a>');
    expect(html).toMatch(/<a href="\/admin\/news\/\d+" aria-label="Edit “Doctors welcome the Medicare for All Act of 2025”">Edit<\/a>/);
    expect(html).toMatch(/<a href="\/admin\/news\/\d+\/delete" aria-label="Delete “Doctors welcome the Medicare for All Act of 2025”">Delete<\/a>/);
  });

  it("adds a link, which is then first on /news", async () => {
    const res = await post("/admin/news/new", article());
    expect(res.status).toBe(303);
    const [row] = await t.ctx.db.select().from(newsItems).where(eq(newsItems.url, "https://www.example.org/news/hearing"));
    expect(row).toMatchObject({ title: "House committee schedules a hearing on Medicare for All", topics: ["congress", "cosponsors"], createdByPersonId: admin.personId });
    expect(res.headers.get("location")).toBe(`/admin/news?added=${row!.id}`);
    expect(await (await get(res.headers.get("location")!, admin)).text()).toContain("Added “House committee schedules a hearing on Medicare for All”. It is on /news now.");
    const news = await (await get("/news")).text();
    expect(/<h2 id="news-(\d+)">/.exec(news)?.[1]).toBe(String(row!.id));
  });

  it("re-shows a refused form with what was typed and an error per field (400)", async () => {
    const res = await post("/admin/news/new", article({ url: "http://www.example.org/plain", title: "", publishedOn: "2999-01-01", summary: "Kept <as typed>", topics: ["states", "weather"] }));
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('value="http://www.example.org/plain"');
    expect(html).toContain("Kept &lt;as typed&gt;</textarea>");
    expect(html).toMatch(/<input type="checkbox" id="field-topics-states" name="topics" value="states" checked=""\/>/);
    expect(html).not.toMatch(/id="field-topics-congress" name="topics" value="congress" checked/);
    expect(html).toContain('<a href="#field-url">Web address of the article: Enter a full web address starting with https://');
    expect(html).toContain('<a href="#field-title">Title: Please fill this in.</a>');
    expect(html).toContain('<a href="#field-publishedOn">Date published: This date is in the future');
    expect(html).toContain('<a href="#field-topics">Topics: Please choose one of the options.</a>');

    const duplicate = await post("/admin/news/new", article());
    expect(duplicate.status).toBe(400);
    expect(await duplicate.text()).toContain('<a href="#field-url">Web address of the article: This is already listed.</a>');
  });

  it("edits a link, then deletes it after asking", async () => {
    const [row] = await t.ctx.db.select().from(newsItems).where(eq(newsItems.url, "https://www.example.org/news/hearing"));
    const form = await (await get(`/admin/news/${row!.id}`, admin)).text();
    expect(form).toContain('value="House committee schedules a hearing on Medicare for All"');
    expect(form).toMatch(/value="cosponsors" checked=""/);

    const bad = await post(`/admin/news/${row!.id}`, article({ publishedOn: "May 1" }));
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('value="May 1"');

    const saved = await post(`/admin/news/${row!.id}`, article({ title: "Hearing set", topics: [] }));
    expect(saved.status).toBe(303);
    expect(await (await get(saved.headers.get("location")!, admin)).text()).toContain("Saved “Hearing set”.");
    expect(await (await get("/news")).text()).toContain("Hearing set");

    const confirm = await (await get(`/admin/news/${row!.id}/delete`, admin)).text();
    expect(confirm).toContain("<h1>Delete “Hearing set”?</h1>");
    expect(confirm).toContain(`action="/admin/news/${row!.id}/delete"`);
    const deleted = await post(`/admin/news/${row!.id}/delete`, {});
    expect(deleted.status).toBe(303);
    expect(deleted.headers.get("location")).toBe("/admin/news?deleted=1");
    expect(await (await get("/news")).text()).not.toContain("Hearing set");
    expect((await get(`/admin/news/${row!.id}`, admin)).status).toBe(404);
    expect((await post(`/admin/news/${row!.id}/delete`, {})).status).toBe(404);

    const audit = await t.ctx.db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.subject, `news:${row!.id}`)).orderBy(auditEvents.id);
    expect(audit.map((a) => a.action)).toEqual(["news.add", "news.update", "news.delete"]);
  });
});
