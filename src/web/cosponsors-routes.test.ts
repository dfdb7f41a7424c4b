import { and, eq } from "drizzle-orm";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../tests/support/test-app.js";
import { cacheTags } from "../db/read-cache.js";
import { billCosponsors, bills } from "../db/schema/index.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ template: "loaded" });
});
afterAll(async () => {
  await t.close();
});

const page = async (path: string, headers: Record<string, string> = {}) => {
  const res = await t.app.request(path, { headers });
  return { res, html: await res.text() };
};

describe("GET /cosponsors/<bill>", () => {
  it("H.R.3069: heading, the official count and date in plain words, the sponsor, party counts and the map", async () => {
    const { res, html } = await page("/cosponsors/hr3069-119");
    expect(res.status).toBe(200);
    expect(html).toContain("<h1>H.R.3069: Medicare for All Act of 2025</h1>");
    expect(html).toMatch(/115 cosponsors as of [A-Z][a-z]+ \d{1,2}, 20\d\d \(the official count\)\. The list is complete\./);
    expect(html).toContain('href="https://www.congress.gov/bill/119th-congress/house-bill/3069"');
    expect(html).toContain("Pramila Jayapal");
    expect(html).toMatch(/\d+ Democrats/);
    expect(html).toContain('class="map map-coverage"');
    expect(html).toContain('id="map-cosponsors-title"');
    expect(/aria-label="Washington: \d+ of \d+ representatives on the bill">/.test(html)).toBe(true);
    expect(html).toContain('class="map-legend"');
    expect(html).toContain("Half or more");
  });

  it("groups cosponsors by state in name order, with district and date, then who has not signed on with a link to call", async () => {
    const { html } = await page("/cosponsors/hr3069-119");
    const alabamaOrFirst = html.indexOf('class="cosponsor-state"');
    expect(alabamaOrFirst).toBeGreaterThan(0);
    expect(html.indexOf('id="cosponsors-ca"')).toBeLessThan(html.indexOf('id="cosponsors-wa"'));
    expect(html).toContain("Alma S. Adams");
    expect(html).toMatch(/Democrat · District 12 · since April 29, 2025/);
    const notSigned = html.indexOf('id="not-signed-heading"');
    expect(notSigned).toBeGreaterThan(html.indexOf('id="cosponsors-heading"'));
    expect(html).toContain("Not signed on yet");
    expect(html).toMatch(/\d+ representatives in office today have not cosponsored H\.R\.3069/);
    expect(html).toContain('href="/act/medicare-for-all"');
    // Members missing from the roll are listed after the heading, never among the cosponsors.
    expect(html.indexOf('id="not-signed-tx"')).toBeGreaterThan(notSigned);
    // Map links land on a list on the page.
    for (const [, target] of html.matchAll(/<a href="#([a-z-]+)" aria-label=/g)) expect(html).toContain(`id="${target}"`);
  });

  it("S.1506 lists senators without districts", async () => {
    const { res, html } = await page("/cosponsors/s1506-119");
    expect(res.status).toBe(200);
    expect(html).toContain("S.1506");
    expect(html).toContain("Bernard Sanders");
    expect(html).toMatch(/18 cosponsors as of/);
    expect(html).not.toContain("District ");
    expect(html).toMatch(/\d+ senators in office today have not cosponsored S\.1506/);
  });

  it("H.R.676 (incomplete roll): says how many we know, and lists nobody as not signed on", async () => {
    const { res, html } = await page("/cosponsors/hr676-115");
    expect(res.status).toBe(200);
    expect(html).toContain("We know 2 of the 124 cosponsors as of January 3, 2019. The list is incomplete");
    expect(html).toContain("Earlier sponsor: John Conyers Jr.");
    expect(html).toContain("the list of cosponsors we hold is incomplete".replace(/^t/, "T"));
    expect(/id="not-signed-[a-z]{2}"/.test(html)).toBe(false);
    expect(html).not.toContain('class="map map-coverage"');
    expect(html).toContain("115th Congress, which has ended");
  });

  it("marks a withdrawn cosponsor and escapes names from the data", async () => {
    await t.ctx.db
      .update(billCosponsors)
      .set({ withdrawnOn: "2026-03-02", name: `Alma <script>alert("x")</script> Adams` })
      .where(and(eq(billCosponsors.billId, "119-hr3069"), eq(billCosponsors.bioguideId, "A000370")));
    await t.ctx.db.update(bills).set({ title: "Medicare & <b>All</b>" }).where(eq(bills.id, "119-hr3069"));
    await t.ctx.cache.invalidate(cacheTags.publicData);
    const { html } = await page("/cosponsors/hr3069-119");
    expect(html).not.toContain("<script>alert");
    expect(html).toContain("Alma &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Adams");
    expect(html).toContain("Medicare &amp; &lt;b&gt;All&lt;/b&gt;");
    expect(html).toContain('class="roll-badge roll-badge-withdrawn">Withdrawn</span>');
    expect(html).toContain("withdrew on March 2, 2026");
    expect(html).toContain("1 more cosponsor signed on and later withdrew.");
  });

  it("speaks Spanish with ?lang=es, with dates in Spanish, and keeps the language in links", async () => {
    const { res, html } = await page("/cosponsors/s1506-119?lang=es");
    expect(res.headers.get("content-language")).toBe("es");
    expect(html).toContain("Patrocinador");
    expect(html).toMatch(/de abril de 2025/);
    expect(html).toContain('href="/act/medicare-for-all?lang=es"');
    expect(html).toContain('href="/cosponsors/hr3069-119?lang=es"');
  });

  it("is served compressed from memory, the same page each time", async () => {
    const first = await t.app.request("/cosponsors/s1506-119", { headers: { "accept-encoding": "gzip" } });
    expect(first.headers.get("content-encoding")).toBe("gzip");
    const html = gunzipSync(Buffer.from(await first.arrayBuffer())).toString("utf8");
    expect(html).toContain("Bernard Sanders");
    const plain = await page("/cosponsors/s1506-119");
    expect(plain.html).toBe(html);
  });

  it("sends no e-mail addresses or phone numbers", async () => {
    const { html } = await page("/cosponsors/hr3069-119");
    expect(html).not.toMatch(/\(\d{3}\) \d{3}-\d{4}|\d{3}-\d{3}-\d{4}/);
    expect(html).not.toMatch(/mailto:|tel:/);
  });

  it("answers 404 for an unknown or malformed bill, and sends other spellings to the one address", async () => {
    expect((await t.app.request("/cosponsors/hr1-119")).status).toBe(404);
    expect((await t.app.request("/cosponsors/not-a-bill")).status).toBe(404);
    const { res, html } = await page("/cosponsors/%3Cscript%3E");
    expect(res.status).toBe(404);
    expect(html).not.toContain("<script>");
    const upper = await t.app.request("/cosponsors/HR3069-119?lang=es");
    expect(upper.status).toBe(301);
    expect(upper.headers.get("location")).toBe("/cosponsors/hr3069-119?lang=es");
  });
});

describe("GET /cosponsors", () => {
  it("redirects (302) to the current House bill, keeping a chosen language", async () => {
    const res = await t.app.request("/cosponsors");
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/cosponsors/hr3069-119");
    expect((await t.app.request("/cosponsors?lang=es")).headers.get("location")).toBe("/cosponsors/hr3069-119?lang=es");
  });
});
