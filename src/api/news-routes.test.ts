import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../tests/support/test-app.js";
import { newsItems } from "../db/schema/index.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ template: "loaded", env: { PUBLIC_URL: "https://everybody.test" } });
});
afterAll(async () => {
  await t.close();
});

const get = async (path: string) => {
  const res = await t.app.request(path);
  return { res, body: (await res.json()) as Record<string, unknown> & { items: Record<string, unknown>[] } };
};

describe("GET /api/v1/news", () => {
  it("lists the links newest first with their fields, one by one", async () => {
    const { res, body } = await get("/api/v1/news");
    expect(res.status).toBe(200);
    const count = (await t.ctx.db.select({ id: newsItems.id }).from(newsItems)).length;
    expect(count).toBeGreaterThan(0);
    expect(body.total).toBe(count);
    expect(body.page).toBe(1);
    const dates = body.items.map((item) => item.publishedOn as string);
    expect([...dates].sort().reverse()).toEqual(dates);
    expect(Object.keys(body.items[0]!).sort()).toEqual(["id", "publishedOn", "publisher", "summary", "title", "topics", "url"]);
    expect(body.items[0]!.url).toMatch(/^https:\/\//);
  });

  it("filters by topic", async () => {
    const { body } = await get("/api/v1/news?topic=states");
    expect(body.topic).toBe("states");
    expect(body.items.length).toBeGreaterThan(0);
    for (const item of body.items) expect(item.topics).toContain("states");
  });

  it("answers bad input with a 400 naming the field, and a page past the end with a 404", async () => {
    const bad = await get("/api/v1/news?topic=gossip");
    expect(bad.res.status).toBe(400);
    expect(bad.body).toMatchObject({ code: "invalid" });
    expect(JSON.stringify(bad.body)).toContain("topic");
    expect((await get("/api/v1/news?page=abc")).res.status).toBe(400);
    expect((await get("/api/v1/news?page=999")).res.status).toBe(404);
  });
});
