import { readFileSync } from "node:fs";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInAs } from "../../../tests/support/sign-in.js";
import { createTestDatabase, type TestDatabase } from "../../../tests/support/test-database.js";
import { auditEvents, events, groups, newsItems } from "../../db/schema/index.js";
import { loadActor, type Actor } from "../accounts/actor.js";
import type { Ctx } from "../context.js";
import { DomainError } from "../errors.js";
import { addNewsItem } from "./add-news-item.js";
import { deleteNewsItem } from "./delete-news-item.js";
import { getNewsItem } from "./get-news-item.js";
import { FEED_LIMIT, listFeedEntries } from "./list-feed-entries.js";
import { listNews, NEWS_PAGE_SIZE } from "./list-news.js";
import { checkNewsItemFields, latestPublicationDate, type NewsItemFields } from "./news-item-fields.js";
import { newsSeedFile, readNewsSeed, seedNews, seedNewsFromFile } from "./seed-news.js";
import { updateNewsItem } from "./update-news-item.js";

const refusal = async (run: () => Promise<unknown>) => {
  try {
    await run();
  } catch (error) {
    if (error instanceof DomainError) return { code: error.code, fields: error.fieldErrors };
    throw error;
  }
  throw new Error("no refusal");
};

let n = 0;
const fields = (changes: Partial<NewsItemFields> = {}): NewsItemFields => ({
  title: `Article ${++n}`,
  publisher: "The Example Times",
  publishedOn: "2025-05-01",
  summary: "Why it matters.",
  url: `https://news.example.org/article-${n}`,
  topics: ["costs"],
  ...changes,
});

async function staffAndOrganizer(ctx: Ctx): Promise<{ admin: Actor; organizer: Actor }> {
  const admin = (await loadActor(ctx, (await signInAs(ctx, { admin: true })).personId))!;
  return { admin, organizer: { ...admin, personId: admin.personId, isAdmin: false, organizerOf: new Set([1]) } };
}

describe("news links (staff actions, validation, order)", () => {
  let testDb: TestDatabase;
  let ctx: Ctx;
  let admin: Actor;
  let organizer: Actor;
  beforeAll(async () => {
    testDb = await createTestDatabase("empty");
    ctx = testDb.ctx;
    ({ admin, organizer } = await staffAndOrganizer(ctx));
  });
  afterAll(() => testDb.close());

  it("is for national staff only", async () => {
    const { id } = await addNewsItem({ ctx, input: { actor: admin, fields: fields() } });
    for (const actor of [organizer, undefined]) {
      expect((await refusal(() => addNewsItem({ ctx, input: { actor, fields: fields() } }))).code).toBe("forbidden");
      expect((await refusal(() => updateNewsItem({ ctx, input: { actor, id, fields: fields() } }))).code).toBe("forbidden");
      expect((await refusal(() => deleteNewsItem({ ctx, input: { actor, id } }))).code).toBe("forbidden");
      expect((await refusal(() => getNewsItem({ ctx, input: { actor, id } }))).code).toBe("forbidden");
    }
    expect(await ctx.db.select({ id: newsItems.id }).from(newsItems)).toHaveLength(1);
    await deleteNewsItem({ ctx, input: { actor: admin, id } });
  });

  it("refuses each bad field with its own reason", async () => {
    const empty = await refusal(() => addNewsItem({ ctx, input: { actor: admin, fields: { title: " ", publisher: "", publishedOn: "", summary: "\n", url: "", topics: [] } } }));
    expect(empty).toEqual({ code: "invalid", fields: { title: "required", publisher: "required", publishedOn: "required", summary: "required", url: "required" } });

    const bad = await refusal(() =>
      addNewsItem({
        ctx,
        input: {
          actor: admin,
          fields: fields({ title: "x".repeat(301), publisher: "p".repeat(121), publishedOn: "2025-02-30", summary: "s".repeat(601), url: "http://news.example.org/plain", topics: ["costs", "weather"] }),
        },
      }),
    );
    expect(bad).toEqual({ code: "invalid", fields: { title: "too_long", publisher: "too_long", publishedOn: "invalid_date", summary: "too_long", url: "invalid_url", topics: "invalid_choice" } });

    for (const date of ["29/04/2025", "2025-4-29", "1850-01-01", "2025-13-01"]) {
      expect((await refusal(() => addNewsItem({ ctx, input: { actor: admin, fields: fields({ publishedOn: date }) } }))).fields).toEqual({ publishedOn: "invalid_date" });
    }
    expect((await refusal(() => addNewsItem({ ctx, input: { actor: admin, fields: fields({ publishedOn: "2999-01-01" }) } }))).fields).toEqual({ publishedOn: "future_date" });
    for (const url of ["javascript:alert(1)", "https://localhost/x", "https://user:pw@news.example.org/", "news.example.org/no-scheme"]) {
      expect((await refusal(() => addNewsItem({ ctx, input: { actor: admin, fields: fields({ url }) } }))).fields).toEqual({ url: "invalid_url" });
    }
    expect(await ctx.db.select({ id: newsItems.id }).from(newsItems)).toEqual([]);
  });

  it("accepts today's date wherever the publisher is, but not the day after", () => {
    const now = new Date("2026-11-28T20:00:00Z");
    expect(latestPublicationDate(now)).toBe("2026-11-29"); // already the 29th at UTC+14
    expect(checkNewsItemFields(fields({ publishedOn: "2026-11-29" }), now).errors).toEqual({});
    expect(checkNewsItemFields(fields({ publishedOn: "2026-11-30" }), now).errors).toEqual({ publishedOn: "future_date" });
  });

  it("keeps one link per article: the same address, however written, is already listed", async () => {
    const first = await addNewsItem({ ctx, input: { actor: admin, fields: fields({ url: "https://News.Example.org/same" }) } });
    expect((await getNewsItem({ ctx, input: { actor: admin, id: first.id } })).url).toBe("https://news.example.org/same");
    const again = await refusal(() => addNewsItem({ ctx, input: { actor: admin, fields: fields({ url: "https://news.example.org/same" }) } }));
    expect(again).toEqual({ code: "invalid", fields: { url: "already_listed" } });
    const other = await addNewsItem({ ctx, input: { actor: admin, fields: fields() } });
    const moved = await refusal(() => updateNewsItem({ ctx, input: { actor: admin, id: other.id, fields: fields({ url: "https://news.example.org/same" }) } }));
    expect(moved).toEqual({ code: "invalid", fields: { url: "already_listed" } });
    // Saving a link with its own address is fine.
    const own = await getNewsItem({ ctx, input: { actor: admin, id: first.id } });
    await updateNewsItem({ ctx, input: { actor: admin, id: first.id, fields: { ...own, title: "Renamed" } } });
    for (const { id } of [first, other]) await deleteNewsItem({ ctx, input: { actor: admin, id } });
  });

  it("stores topics once each, in the list's order, and audits add, edit and delete", async () => {
    const { id } = await addNewsItem({ ctx, input: { actor: admin, fields: fields({ title: "  Topics  test ", topics: ["organizing", "congress", "organizing", ""] }) } });
    const stored = await getNewsItem({ ctx, input: { actor: admin, id } });
    expect(stored).toMatchObject({ title: "Topics test", topics: ["congress", "organizing"] });

    expect(await updateNewsItem({ ctx, input: { actor: admin, id, fields: { ...stored } } })).toEqual({ changed: [] });
    expect(await updateNewsItem({ ctx, input: { actor: admin, id, fields: { ...stored, summary: "New words.", topics: ["states"] } } })).toEqual({ changed: ["summary", "topics"] });
    await deleteNewsItem({ ctx, input: { actor: admin, id } });
    expect((await refusal(() => getNewsItem({ ctx, input: { actor: admin, id } }))).code).toBe("not_found");
    expect((await refusal(() => deleteNewsItem({ ctx, input: { actor: admin, id } }))).code).toBe("not_found");

    const audit = await ctx.db.select({ action: auditEvents.action, actorId: auditEvents.actorId, detail: auditEvents.detail }).from(auditEvents).where(eq(auditEvents.subject, `news:${id}`)).orderBy(auditEvents.id);
    expect(audit).toEqual([
      { action: "news.add", actorId: admin.personId, detail: { title: "Topics test", url: stored.url } },
      { action: "news.update", actorId: admin.personId, detail: { changed: ["summary", "topics"] } },
      { action: "news.delete", actorId: admin.personId, detail: { title: "Topics test", url: stored.url } },
    ]);
  });

  it("lists newest first, by topic, a page at a time, and shows a new link at once", async () => {
    const dates = Array.from({ length: NEWS_PAGE_SIZE + 5 }, (_, i) => `2024-01-${String((i % 28) + 1).padStart(2, "0")}`);
    for (const [i, publishedOn] of dates.entries()) {
      await addNewsItem({ ctx, input: { actor: admin, fields: fields({ title: `Dated ${publishedOn} #${i}`, publishedOn, topics: i % 5 === 0 ? ["states"] : ["costs"] }) } });
    }
    const first = await listNews({ ctx, input: {} });
    expect(first).toMatchObject({ page: 1, pageCount: 2, total: NEWS_PAGE_SIZE + 5, topic: null });
    expect(first.items).toHaveLength(NEWS_PAGE_SIZE);
    const all = [...first.items, ...(await listNews({ ctx, input: { page: "2" } })).items];
    const order = all.map((item) => `${item.publishedOn}#${String(item.id).padStart(6, "0")}`);
    expect(order).toEqual([...order].sort().reverse());
    expect(first.topicCounts).toMatchObject({ states: 5, costs: NEWS_PAGE_SIZE, congress: 0 });

    const states = await listNews({ ctx, input: { topic: "states" } });
    expect(states).toMatchObject({ total: 5, pageCount: 1, topic: "states" });
    expect(states.items.every((item) => item.topics.includes("states"))).toBe(true);
    expect((await listNews({ ctx, input: { topic: "midterms" } })).items).toEqual([]);

    expect(await refusal(() => listNews({ ctx, input: { topic: "weather" } }))).toEqual({ code: "invalid", fields: { topic: "invalid_choice" } });
    for (const page of ["0", "-1", "two", "1.5"]) expect(await refusal(() => listNews({ ctx, input: { page } }))).toEqual({ code: "invalid", fields: { page: "out_of_range" } });
    expect((await refusal(() => listNews({ ctx, input: { page: "3" } }))).code).toBe("not_found");

    // The list is cached; adding a link clears it in this process (and, through NOTIFY, in others).
    const { id } = await addNewsItem({ ctx, input: { actor: admin, fields: fields({ title: "Breaking", publishedOn: "2025-12-01" }) } });
    expect((await listNews({ ctx, input: {} })).items[0]).toMatchObject({ id, title: "Breaking" });
    await updateNewsItem({ ctx, input: { actor: admin, id, fields: fields({ title: "Breaking, corrected", publishedOn: "2023-01-01" }) } });
    expect((await listNews({ ctx, input: {} })).items[0]!.title).not.toBe("Breaking, corrected");
    await deleteNewsItem({ ctx, input: { actor: admin, id } });
    expect((await listNews({ ctx, input: {} })).total).toBe(NEWS_PAGE_SIZE + 5);
  });

  it("feeds news and national events, newest first, without groups' meetings, at most FEED_LIMIT", async () => {
    const [group] = await ctx.db
      .insert(groups)
      .values({ slug: "feed-test", name: "Feed Test Group", state: "MN", kind: "local group", status: "active", createdAt: new Date(), updatedAt: new Date() })
      .returning({ id: groups.id });
    const event = (title: string, createdAt: string, extra: Partial<typeof events.$inferInsert> = {}) => ({
      slug: title.toLowerCase().replace(/\W+/g, "-"),
      kind: "conference" as const,
      title,
      startsAt: new Date("2027-03-04T01:00:00Z"),
      endsAt: new Date("2027-03-04T03:00:00Z"),
      timeZone: "America/Chicago",
      format: "online" as const,
      createdAt: new Date(createdAt),
      updatedAt: new Date(createdAt),
      ...extra,
    });
    await ctx.db.insert(events).values([
      event("National strategy call", "2026-06-01T12:00:00Z"),
      event("Called off", "2024-01-30T12:00:00Z", { status: "cancelled" }),
      event("Local meeting", "2026-07-01T12:00:00Z", { groupId: group!.id, kind: "meeting" }),
    ]);
    const entries = await listFeedEntries({ ctx });
    expect(entries.some((e) => e.title === "Local meeting")).toBe(false);
    expect(entries[0]).toMatchObject({ kind: "event", title: "National strategy call", cancelled: false });
    expect(entries[0]!.kind === "event" && entries[0]!.path).toMatch(/^\/events\/\d+-national-strategy-call$/);
    const times = entries.map((e) => e.published.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    // Announced 2024-01-30: after the June 2026 call, before every article (the newest is dated 2024-01-28).
    expect(entries[1]).toMatchObject({ kind: "event", title: "Called off", cancelled: true });
    expect(entries.slice(2).every((e) => e.kind === "news")).toBe(true);

    for (let i = 0; i < FEED_LIMIT; i++) await addNewsItem({ ctx, input: { actor: admin, fields: fields({ publishedOn: "2020-01-01" }) } });
    const full = await listFeedEntries({ ctx });
    expect(full).toHaveLength(FEED_LIMIT);
    expect(full[0]!.title).toBe("National strategy call");
    expect(full.every((e) => e.kind === "event" || e.published.toISOString() >= "2020-01-01")).toBe(true);
  });
});

describe("starter news links (seed/news.json)", () => {
  let testDb: TestDatabase;
  let ctx: Ctx;
  let admin: Actor;
  const seeded = readNewsSeed(readFileSync(newsSeedFile, "utf8"), "seed/news.json", new Date());
  beforeAll(async () => {
    testDb = await createTestDatabase("loaded");
    ctx = testDb.ctx;
    ({ admin } = await staffAndOrganizer(ctx));
  });
  afterAll(() => testDb.close());

  it("is a valid file of real, sourced articles", () => {
    expect(seeded.length).toBeGreaterThanOrEqual(6);
    expect(seeded.length).toBeLessThanOrEqual(10);
    const raw = JSON.parse(readFileSync(newsSeedFile, "utf8")) as { items: { sourceNote: string; url: string }[] };
    expect(raw.items.every((item) => item.sourceNote.length > 10)).toBe(true);
    expect(new Set(seeded.map((item) => item.url)).size).toBe(seeded.length);
    expect(seeded.every((item) => item.url.startsWith("https://") && item.topics.length > 0)).toBe(true);
    const bad = JSON.stringify({ about: "", checkedOn: "", items: [{ ...raw.items[0], publishedOn: "2999-01-01" }] });
    expect(() => readNewsSeed(bad, "seed/news.json", new Date())).toThrow(/item 1 .*publishedOn future_date/);
  });

  it("is in the loaded test database, as start-up leaves it", async () => {
    const list = await listNews({ ctx, input: {} });
    expect(list.total).toBe(seeded.length);
    expect(list.items.map((item) => item.url).sort()).toEqual(seeded.map((item) => item.url).sort());
    expect(list.items[0]!.publishedOn).toBe([...seeded.map((item) => item.publishedOn)].sort().at(-1));
  });

  it("never adds a link twice, and keeps staff edits and deletions", async () => {
    expect(await seedNewsFromFile(ctx)).toEqual({ added: 0, offered: 0 });
    const list = await listNews({ ctx, input: {} });
    const [edited, removed] = list.items;
    const original = await getNewsItem({ ctx, input: { actor: admin, id: edited!.id } });
    await updateNewsItem({ ctx, input: { actor: admin, id: edited!.id, fields: { ...original, summary: "Staff's own words." } } });
    await deleteNewsItem({ ctx, input: { actor: admin, id: removed!.id } });

    expect(await seedNewsFromFile(ctx)).toEqual({ added: 0, offered: 0 });
    expect((await getNewsItem({ ctx, input: { actor: admin, id: edited!.id } })).summary).toBe("Staff's own words.");
    expect(await ctx.db.select().from(newsItems).where(eq(newsItems.url, removed!.url))).toEqual([]);
    expect((await listNews({ ctx, input: {} })).total).toBe(seeded.length - 1);
  });

  it("adds a later release's new links once, leaving ones staff already listed alone", async () => {
    const mine = await addNewsItem({ ctx, input: { actor: admin, fields: fields({ url: "https://news.example.org/staff-first", title: "Staff wrote this" }) } });
    const later = [...seeded, { ...seeded[0]!, url: "https://news.example.org/new-in-seed" }, { ...seeded[0]!, url: "https://news.example.org/staff-first", title: "Seed title" }];
    expect(await seedNews({ ctx, input: { items: later } })).toEqual({ added: 1, offered: 2 });
    expect(await seedNews({ ctx, input: { items: later } })).toEqual({ added: 0, offered: 0 });
    expect((await getNewsItem({ ctx, input: { actor: admin, id: mine.id } })).title).toBe("Staff wrote this");
    expect(await ctx.db.select({ id: newsItems.id }).from(newsItems).where(eq(newsItems.url, "https://news.example.org/new-in-seed"))).toHaveLength(1);
    const runs = await ctx.db.select({ actorId: auditEvents.actorId }).from(auditEvents).where(and(eq(auditEvents.action, "news.seed")));
    expect(runs).toEqual([{ actorId: null }, { actorId: null }]);
  });
});
