import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../tests/support/test-app.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ template: "loaded" });
});
afterAll(() => t.close());

/** The page, as sent (`html`) and with apostrophes unescaped for reading (`text`). */
const page = async (path: string, headers: Record<string, string> = {}) => {
  const res = await t.app.request(path, { headers });
  const html = await res.text();
  return { res, html, text: html.replace(/&#39;/g, "'") };
};

describe("the campaign page with a point (\"Use my location\")", () => {
  it("offers the button only to scripts: hidden in the HTML, with the words it needs, and loads locate.js", async () => {
    const { html } = await page("/act/medicare-for-all");
    expect(html).toMatch(/<div class="locate" data-locate="true" data-action="\/act\/medicare-for-all"[^>]* hidden="">/);
    expect(html).toContain('data-denied="We could not use your location because permission was not given. Enter your ZIP code instead."');
    expect(html).toMatch(/<script src="\/static\/locate\.[0-9a-f]+\.js" defer="">/);
    const es = await page("/act/medicare-for-all?lang=es");
    expect(es.html).toContain('data-action="/act/medicare-for-all?lang=es"');
    expect(es.html).toContain("Usar mi ubicación");
  });

  it("shows the members for the district the point is in, and stores nothing", async () => {
    const { res, html, text } = await page("/act/medicare-for-all?lat=40.7484&lng=-73.9857&name=Ana");
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    expect(res.headers.getSetCookie().filter((c) => c.startsWith("ei_zip="))).toEqual([]);
    expect(html).toContain("Your members of Congress for your location");
    expect(text).toContain("New York's 12th district");
    expect(text).not.toContain("New York's 10th district");
    expect(html).toContain("Charles E. Schumer");
    expect(html).toContain("Your representative in the House");
    // The script fills in the caller's state when there is no ZIP; no address search is offered.
    expect(html).toContain("Ana");
    expect(html).not.toContain('name="address"');
    expect(html).toContain("Search by ZIP code instead");
  });

  it("near a district line: both members, and why", async () => {
    const { text } = await page("/act/medicare-for-all?lat=40.7446&lng=-73.9985");
    expect(text).toContain("You are within about 500 metres of a district line");
    expect(text).toContain("Your representative is one of these 2");
    expect(text).toContain("New York's 12th district");
    expect(text).toContain("New York's 10th district");
    expect(text).toContain("One of these is your representative");
  });

  it("a point that is not a point: 400, a message and the ZIP form", async () => {
    const { res, html } = await page("/act/medicare-for-all?lat=north&lng=-93");
    expect(res.status).toBe(400);
    expect(html).toContain("That location does not look right. Enter your ZIP code instead.");
    expect(html).toContain('name="zip"');
  });

  it("a point outside every district: 404, a message and the ZIP form", async () => {
    const { res, html } = await page("/act/medicare-for-all?lat=35&lng=-40&lang=es");
    expect(res.status).toBe(404);
    expect(html).toContain("Esa ubicación no está en ningún distrito del Congreso de EE. UU.");
    expect(html).toContain('name="zip"');
  });
});

describe("the address search places the geocoder's point with our own shapes", () => {
  it("narrows a split ZIP to the district the point is in, even when the geocoder gives no district", async () => {
    t.geocoder.add("20 W 34th St, 10001", { matchedAddress: "20 W 34TH ST, NEW YORK, NY, 10001", point: { lat: 40.7484, lng: -73.9857 } });
    const res = await t.app.request("/act/medicare-for-all?zip=10001&address=20+W+34th+St");
    const text = (await res.text()).replace(/&#39;/g, "'");
    expect(text).toContain("Found by address: 20 W 34TH ST, NEW YORK, NY, 10001.");
    expect(text).toContain("New York's 12th district");
    expect(text).not.toContain("New York's 10th district");
    expect(res.headers.getSetCookie().find((c) => c.startsWith("ei_zip="))).toMatch(/^ei_zip=10001\.NY-12;/);
  });

  it("near a district line: says so and shows both members, and does not remember a district", async () => {
    t.geocoder.add("1 W 28th St, 10001", { matchedAddress: "1 W 28TH ST, NEW YORK, NY, 10001", point: { lat: 40.7446, lng: -73.9985 }, stateFips: "36", district: 12 });
    const res = await t.app.request("/act/medicare-for-all?zip=10001&address=1+W+28th+St");
    const text = (await res.text()).replace(/&#39;/g, "'");
    expect(text).toContain("Found by address: 1 W 28TH ST, NEW YORK, NY, 10001. It is within about 500 metres of a district line");
    expect(text).toContain("New York's 12th district");
    expect(text).toContain("New York's 10th district");
    expect(res.headers.getSetCookie().find((c) => c.startsWith("ei_zip="))).toMatch(/^ei_zip=10001;/);
  });

  it("when our shapes cannot place the point (water), uses the geocoder's district", async () => {
    t.geocoder.add("Pier 1, 10001", { matchedAddress: "PIER 1, NEW YORK, NY, 10001", point: { lat: 40.6, lng: -73.5 }, stateFips: "36", district: 10 });
    const { text } = await page("/act/medicare-for-all?zip=10001&address=Pier+1");
    expect(text).toContain("Found by address: PIER 1, NEW YORK, NY, 10001.");
    expect(text).toContain("New York's 10th district");
    expect(text).not.toContain("New York's 12th district");
  });

  it("when the geocoder's district disagrees with our shapes, shows both rather than guess", async () => {
    t.geocoder.add("2 W 34th St, 10001", { matchedAddress: "2 W 34TH ST, NEW YORK, NY, 10001", point: { lat: 40.7484, lng: -73.9857 }, stateFips: "36", district: 10 });
    const { text } = await page("/act/medicare-for-all?zip=10001&address=2+W+34th+St");
    expect(text).toContain("within about 500 metres of a district line");
    expect(text).toContain("New York's 12th district");
    expect(text).toContain("New York's 10th district");
  });
});
