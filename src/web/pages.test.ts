import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../tests/support/test-app.js";

describe("with the public data loaded", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ template: "loaded" });
  });
  afterAll(async () => {
    await t.close();
  });

  it("the home page shows real numbers", async () => {
    const html = await (await t.app.request("/")).text();
    expect(html).toContain("537 members of Congress on file");
    expect(html).toMatch(/<li data-stat="groups">\d+ local groups listed<\/li>/);
    const covered = Number(/<li data-stat="states-covered">(\d+) states with a group/.exec(html)?.[1]);
    const missing = Number(/<li data-stat="states-missing">(\d+) states still need a group/.exec(html)?.[1]);
    expect(covered).toBeGreaterThan(20);
    expect(covered + missing).toBe(50);
    expect(html).toContain("115 House and 18 Senate cosponsors of the Medicare for All Act");
    expect(html).not.toContain("Public data is not loaded yet");
  });

  it("the home page is served compressed from memory, identical to the plain one", async () => {
    const plain = await (await t.app.request("/")).text();
    const res = await t.app.request("/", { headers: { "accept-encoding": "gzip, br" } });
    expect(res.headers.get("content-encoding")).toBe("gzip");
    expect(res.headers.get("vary")).toContain("Accept-Encoding");
    const body = gunzipSync(Buffer.from(await res.arrayBuffer())).toString("utf8");
    expect(body).toBe(plain);
    const spanish = await (await t.app.request("/?lang=es")).text();
    expect(spanish).toContain('<html lang="es">');
  });

  it("/about/data lists every dataset with source, licence, freshness and counts", async () => {
    const html = await (await t.app.request("/about/data")).text();
    const rows = (key: string) => {
      const card = new RegExp(`data-dataset="${key}">([\\s\\S]*?)</li>`).exec(html)?.[1] ?? "";
      return Number(/<dd data-rows="(\d+)">/.exec(card)?.[1]);
    };
    expect(rows("legislators")).toBe(537);
    expect(rows("zip-districts")).toBeGreaterThanOrEqual(42_000);
    expect(rows("zip-centroids")).toBeGreaterThanOrEqual(33_000);
    expect(rows("zip-cities")).toBeGreaterThanOrEqual(33_000);
    expect(rows("states")).toBe(56);
    expect(rows("district-shapes")).toBe(441);
    expect(html).toContain("CC BY 4.0");
    expect(html).toContain(
      "ZIP data from Ready APIs curated-us-zips (https://github.com/ReadyAPIs-com/curated-us-zips), sourced from U.S. Census Bureau, USPS, and SimpleMaps; licensed CC BY 4.0",
    );
    expect(html).not.toContain("Not loaded");
  });

  it("/about/data is honest about incomplete cosponsor rolls", async () => {
    const html = await (await t.app.request("/about/data")).text();
    const card = (bill: string) => new RegExp(`data-bill="${bill.replaceAll(".", "\\.")}">([\\s\\S]*?)</li>`).exec(html)?.[1] ?? "";
    expect(card("H.R.3069")).toContain("(complete)");
    expect(card("H.R.676")).toContain("(incomplete)");
    expect(card("H.R.3069")).toContain(`<a href="/cosponsors/hr3069-119">`);
  });

  it("GET /api/v1/datasets lists the same facts as JSON", async () => {
    const res = await t.app.request("/api/v1/datasets");
    expect(res.status).toBe(200);
    const body = (await res.json()) as { datasets: { key: string; rowCount: number | null }[]; bills: { number: string }[] };
    expect(body.datasets.find((d) => d.key === "legislators")?.rowCount).toBe(537);
    expect(body.bills.map((b) => b.number)).toEqual(expect.arrayContaining(["H.R.3069", "S.1506"]));
  });
});

describe("without public data", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ template: "empty" });
  });
  afterAll(async () => {
    await t.close();
  });

  it("the home page says the data is missing and how to load it", async () => {
    const html = await (await t.app.request("/")).text();
    expect(html).toContain("Public data is not loaded yet");
    expect(html).toContain("npm run data:update");
  });

  it("/about/data marks every dataset as not loaded, still naming its source and licence", async () => {
    const html = await (await t.app.request("/about/data")).text();
    expect(html.match(/Not loaded/g)?.length).toBe(8);
    expect(html).toContain("https://github.com/unitedstates/congress-legislators");
  });
});
