import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInAs } from "../../tests/support/sign-in.js";
import { createTestApp, type TestApp } from "../../tests/support/test-app.js";
import { child, childrenNamed, parseXml, textOf, type XmlElement } from "../../tests/support/xml.js";
import { events } from "../db/schema/index.js";
import { loadActor, type Actor } from "../domain/accounts/actor.js";
import { addNewsItem } from "../domain/news/add-news-item.js";
import { deleteNewsItem } from "../domain/news/delete-news-item.js";
import { NEWS_PAGE_SIZE } from "../domain/news/list-news.js";
import { updateNewsItem } from "../domain/news/update-news-item.js";
import { renderAtomFeed, xml } from "./atom-feed.js";

let t: TestApp;
let admin: Actor;
beforeAll(async () => {
  t = await createTestApp({ template: "loaded", config: { publicUrl: "https://everybodyin.example" } });
  admin = (await loadActor(t.ctx, (await signInAs(t.ctx, { admin: true })).personId))!;
});
afterAll(() => t.close());

const get = (path: string, headers: Record<string, string> = {}) => t.app.request(path, { headers });
let n = 0;
const add = (changes: Partial<Parameters<typeof addNewsItem>[0]["input"]["fields"]> = {}) =>
  addNewsItem({
    ctx: t.ctx,
    input: { actor: admin, fields: { title: `Story ${++n}`, publisher: "Example Gazette", publishedOn: "2019-06-01", summary: "A summary.", url: `https://gazette.example.org/${n}`, topics: ["stories"], ...changes } },
  });

/** The articles on a /news page, as [title, href]. */
function articles(html: string): [string, string][] {
  return [...html.matchAll(/<h2 id="news-\d+"><a href="([^"]+)" target="_blank" rel="noopener">([^<]*)<span/g)].map((m) => [m[2]!, m[1]!]);
}

describe("GET /news", () => {
  it("lists the starter articles newest first, each opening the publisher's page in a new tab", async () => {
    const res = await get("/news");
    expect(res.status).toBe(200);
    const html = await res.text();
    const list = articles(html);
    expect(list.length).toBeGreaterThanOrEqual(6);
    expect(list).toContainEqual(["Doctors welcome the Medicare for All Act of 2025", "https://pnhp.org/news/doctors-welcome-the-medicare-for-all-act-of-2025/"]);
    const dates = [...html.matchAll(/<time datetime="(\d{4}-\d{2}-\d{2})">/g)].map((m) => m[1]!);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(html).toContain("Physicians for a National Health Program, <time datetime=\"2025-04-29\">April 29, 2025</time>");
    expect(html).toContain('<span class="visually-hidden"> (opens in a new tab)</span>');
    expect(html).toContain('<link rel="alternate" type="application/atom+xml" title="Everybody In: news and national events" href="/feed.xml"/>');
    expect(html).toMatch(/<a href="\/news" aria-current="page">News<\/a>/);
  });

  it("filters by a topic chip, and says so when the topic is unknown (400)", async () => {
    const html = await (await get("/news?topic=states")).text();
    expect(html).toContain("<h1>News: State single-payer bills</h1>");
    expect(articles(html).map(([title]) => title).sort()).toEqual(["California’s single-payer bill dies", "Lawmakers introduce latest version of single-payer health care bill"]);
    expect(html).toMatch(/<a class="chip" href="\/news\?topic=states" aria-current="page">State single-payer bills <span class="chip-count">\(2\)<\/span><\/a>/);

    const unknown = await get("/news?topic=%3Cscript%3E");
    expect(unknown.status).toBe(400);
    const body = await unknown.text();
    expect(body).toContain("We do not have that topic.");
    expect(body).not.toContain("<script>");
    expect(articles(body).length).toBeGreaterThanOrEqual(6);
    expect((await get("/news?page=abc")).status).toBe(400);
    expect((await get("/news?page=99")).status).toBe(404);
  });

  it("pages through many articles, keeping the topic", async () => {
    const added = [];
    for (let i = 0; i < NEWS_PAGE_SIZE + 1; i++) added.push(await add({ publishedOn: "2018-01-01", topics: ["organizing"] }));
    const first = await (await get("/news?topic=organizing")).text();
    expect(articles(first)).toHaveLength(NEWS_PAGE_SIZE);
    expect(first).toContain('<a href="/news?topic=organizing&amp;page=2" rel="next">Older articles</a>');
    const second = await (await get("/news?topic=organizing&page=2&lang=es")).text();
    expect(second).toContain("Página 2 de 2");
    expect(second).toContain('<a href="/news?topic=organizing&amp;lang=es" rel="prev">Artículos más recientes</a>');
    expect(articles(second).length).toBeGreaterThanOrEqual(1);
    for (const { id } of added) await deleteNewsItem({ ctx: t.ctx, input: { actor: admin, id } });
    expect(await (await get("/news?topic=organizing")).text()).not.toContain("rel=\"next\"");
  });

  it("shows a change at once, though the page is served from memory", async () => {
    await get("/news"); // cached now
    const { id } = await add({ title: "Fresh from the press", publishedOn: "2026-01-02" });
    expect(articles(await (await get("/news")).text())[0]).toEqual(["Fresh from the press", `https://gazette.example.org/${n}`]);
    await deleteNewsItem({ ctx: t.ctx, input: { actor: admin, id } });
    expect(await (await get("/news")).text()).not.toContain("Fresh from the press");
  });
});

/** The feed, parsed strictly. */
async function feed(path = "/feed.xml"): Promise<XmlElement> {
  const res = await get(path);
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
  return parseXml(await res.text());
}

describe("GET /feed.xml", () => {
  it("is an Atom 1.0 feed with what readers require", async () => {
    const root = await feed();
    expect(root.name).toBe("feed");
    expect(root.attributes.xmlns).toBe("http://www.w3.org/2005/Atom");
    expect(textOf(child(root, "id"))).toBe("tag:everybodyin.example,2026:feed");
    expect(textOf(child(root, "title"))).toBe("Everybody In: news and national events");
    expect(textOf(child(child(root, "author"), "name"))).toBe("Everybody In");
    const links = childrenNamed(root, "link").map((l) => l.attributes);
    expect(links).toContainEqual({ rel: "self", type: "application/atom+xml", href: "https://everybodyin.example/feed.xml" });
    expect(links).toContainEqual({ rel: "alternate", type: "text/html", href: "https://everybodyin.example/news" });

    const entries = childrenNamed(root, "entry");
    expect(entries.length).toBeGreaterThanOrEqual(6);
    const rfc3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
    for (const entry of entries) {
      expect(textOf(child(entry, "id"))).toMatch(/^tag:everybodyin\.example,2026:(news|event)-\d+$/);
      expect(textOf(child(entry, "title")).length).toBeGreaterThan(0);
      expect(child(entry, "link").attributes.href).toMatch(/^https:\/\//);
      expect(textOf(child(entry, "updated"))).toMatch(rfc3339);
      expect(textOf(child(entry, "published"))).toMatch(rfc3339);
      expect(child(entry, "summary").attributes.type).toBe("text");
    }
    const updated = entries.map((e) => textOf(child(e, "updated"))).sort().at(-1);
    expect(textOf(child(root, "updated"))).toBe(updated);
    const published = entries.map((e) => textOf(child(e, "published")));
    expect(published).toEqual([...published].sort().reverse());
    const pnhp = entries.find((e) => child(e, "link").attributes.href === "https://pnhp.org/news/doctors-welcome-the-medicare-for-all-act-of-2025/")!;
    expect(textOf(child(child(pnhp, "author"), "name"))).toBe("Physicians for a National Health Program");
    expect(textOf(child(pnhp, "published"))).toBe("2025-04-29T00:00:00Z");
    expect(childrenNamed(pnhp, "category").map((c) => c.attributes)).toEqual([
      { term: "congress", label: "In Congress" },
      { term: "costs", label: "Costs and savings" },
    ]);
  });

  it("escapes what staff type and keeps each entry's id when it is edited", async () => {
    const { id } = await add({ title: `Costs <& "savings"> in 'Vermont'`, summary: "Tom & Jerry <b>bold</b>", publishedOn: "2026-02-01", url: "https://gazette.example.org/a?b=1&c=2" });
    const entry = () => feed().then((root) => childrenNamed(root, "entry").find((e) => textOf(child(e, "id")) === `tag:everybodyin.example,2026:news-${id}`)!);
    const before = await entry();
    expect(textOf(child(before, "title"))).toBe(`Costs <& "savings"> in 'Vermont'`);
    expect(textOf(child(before, "summary"))).toBe("Tom & Jerry <b>bold</b>");
    expect(child(before, "link").attributes.href).toBe("https://gazette.example.org/a?b=1&c=2");

    await updateNewsItem({ ctx: t.ctx, input: { actor: admin, id, fields: { title: "Renamed", publisher: "Example Gazette", publishedOn: "2026-02-01", summary: "New.", url: "https://gazette.example.org/moved", topics: [] } } });
    const after = await entry();
    expect(textOf(child(after, "title"))).toBe("Renamed");
    expect(child(after, "link").attributes.href).toBe("https://gazette.example.org/moved");
    await deleteNewsItem({ ctx: t.ctx, input: { actor: admin, id } });
    expect(await entry()).toBeUndefined();
  });

  it("lists national events with their page, their time in their own zone, and cancellation", async () => {
    const now = new Date("2026-03-01T12:00:00Z");
    const [row] = await t.ctx.db
      .insert(events)
      .values({
        slug: "national-call-in-day",
        kind: "call_in_day",
        title: "National call-in day",
        startsAt: new Date("2026-12-04T01:00:00Z"),
        endsAt: new Date("2026-12-04T02:00:00Z"),
        timeZone: "America/Chicago",
        format: "hybrid",
        city: "Minneapolis",
        state: "MN",
        status: "cancelled",
        createdAt: now,
        updatedAt: new Date("2026-03-02T08:30:00Z"),
      })
      .returning({ id: events.id });
    await t.ctx.cache.invalidate("events");
    const root = await feed();
    const entry = childrenNamed(root, "entry").find((e) => textOf(child(e, "id")) === `tag:everybodyin.example,2026:event-${row!.id}`)!;
    expect(textOf(child(entry, "title"))).toBe("Cancelled: National call-in day");
    expect(child(entry, "link").attributes.href).toBe(`https://everybodyin.example/events/${row!.id}-national-call-in-day`);
    expect(textOf(child(entry, "summary"))).toBe("When: Thursday, December 3, 2026 at 7:00 PM CST. In Minneapolis, MN and online.");
    expect(textOf(child(entry, "updated"))).toBe("2026-03-02T08:30:00Z");
    expect(textOf(child(entry, "published"))).toBe("2026-03-01T12:00:00Z");
    // Newest first: this event (March 2026) comes before every article from 2025.
    const ids = childrenNamed(root, "entry").map((e) => textOf(child(e, "id")));
    expect(ids.indexOf(`tag:everybodyin.example,2026:event-${row!.id}`)).toBe(0);

    const spanish = await feed("/feed.xml?lang=es");
    const es = childrenNamed(spanish, "entry")[0]!;
    expect(textOf(child(es, "title"))).toBe("Cancelado: National call-in day");
    expect(child(es, "link").attributes.href).toBe(`https://everybodyin.example/events/${row!.id}-national-call-in-day?lang=es`);
    expect(textOf(child(es, "id"))).toBe(`tag:everybodyin.example,2026:event-${row!.id}`);
  });
});

describe("the Atom writer", () => {
  it("escapes markup and drops characters XML cannot carry", () => {
    expect(xml(`a<b>&"c"'\u0001\uFFFF`)).toBe("a&lt;b&gt;&amp;&quot;c&quot;&apos;");
    const doc = renderAtomFeed({
      id: "tag:x.example,2026:feed",
      title: "T & <T>",
      subtitle: "",
      lang: "en",
      selfUrl: "https://x.example/feed.xml?a=1&b=2",
      alternateUrl: "https://x.example/news",
      author: { name: "X", uri: "https://x.example/" },
      updated: new Date("2026-01-01T00:00:00.123Z"),
      entries: [],
    });
    const root = parseXml(doc);
    expect(textOf(child(root, "title"))).toBe("T & <T>");
    expect(textOf(child(root, "updated"))).toBe("2026-01-01T00:00:00Z");
    expect(() => parseXml("<feed><title>a & b</title></feed>")).toThrow(/bare "&"/);
    expect(() => parseXml("<feed><title>a</feed>")).toThrow();
  });
});
