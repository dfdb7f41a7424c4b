import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../tests/support/test-app.js";
import { billCosponsors, campaignActions, members } from "../db/schema/index.js";
import { cacheTags } from "../db/read-cache.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ template: "loaded" });
});
afterAll(async () => {
  await t.close();
});

/** The page, as sent (`html`) and with apostrophes unescaped for reading (`text`). */
const page = async (path: string, headers: Record<string, string> = {}) => {
  const res = await t.app.request(path, { headers });
  const html = await res.text();
  return { res, html, text: html.replace(/&#39;/g, "'") };
};
const zipCookie = (res: Response) => res.headers.getSetCookie().find((c) => c.startsWith("ei_zip="));

/** The text of one member's card, tags stripped (up to the next card or the end of its list). */
function card(html: string, bioguideId: string): string {
  const start = html.indexOf(`id="member-${bioguideId}"`);
  if (start < 0) return "";
  const ends = ['<li class="card member-card', "</section>"].map((m) => html.indexOf(m, start)).filter((i) => i > 0);
  return html
    .slice(start, Math.min(...ends))
    .replace(/<[^>]+>/g, " ")
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, " ");
}

async function postOutcome(fields: Record<string, string>, headers: Record<string, string> = {}) {
  const { cookie, token } = await t.csrf("/updates");
  return t.app.request("/act/medicare-for-all/outcomes", {
    method: "POST",
    headers: { cookie, "content-type": "application/x-www-form-urlencoded", ...headers },
    body: new URLSearchParams({ _csrf: token, ...fields }).toString(),
  });
}

describe("GET /act", () => {
  it("leads to the active campaign, keeping the query", async () => {
    const res = await t.app.request("/act?zip=55401");
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/act/medicare-for-all?zip=55401");
  });

  it("shows the campaign, its bills with cosponsor counts and the ZIP form", async () => {
    const { res, html } = await page("/act/medicare-for-all");
    expect(res.status).toBe(200);
    expect(html).toContain("Get your members of Congress on board for Medicare for All");
    expect(html).toContain('href="/cosponsors/hr3069-119"');
    expect(html).toContain("H.R.3069: 115 cosponsors as of September 15, 2026");
    expect(html).toContain("S.1506: 18 cosponsors as of September 26, 2026");
    expect(html).toContain('name="zip"');
    expect(html).not.toContain("/static/act."); // nothing to enhance before a lookup
  });

  it("is a 404 page for an unknown campaign", async () => {
    const { res } = await page("/act/no-such-campaign");
    expect(res.status).toBe(404);
  });
});

describe("finding members by ZIP", () => {
  it("one district: both senators and the House member, with statuses for the bill in their chamber", async () => {
    const { res, html } = await page("/act/medicare-for-all?zip=55401");
    expect(res.status).toBe(200);
    expect(html).toContain("Your members of Congress for 55401 (Minneapolis, MN)");
    expect(card(html, "O000173")).toContain("Rep. Ilhan Omar");
    expect(card(html, "O000173")).toContain("Minnesota's 5th district");
    expect(card(html, "O000173")).toContain("Cosponsor of H.R.3069 since April 29, 2025");
    expect(card(html, "K000367")).toContain("Not a cosponsor of S.1506 (as of September 26, 2026)");
    expect(html).toContain("Your representative in the House");
    expect(html).not.toContain("One of these is your representative");
    expect(html).toContain('href="tel:+12022243244"'); // Klobuchar's Washington office
    expect(html).toMatch(/src="\/static\/act\.[0-9a-f]+\.js" defer/);
  });

  it("remembers the ZIP in a cookie, so coming back is one click, and can forget it", async () => {
    const first = await t.app.request("/act/medicare-for-all?zip=55401");
    expect(zipCookie(first)).toMatch(/HttpOnly/i);
    const cookie = zipCookie(first)!.split(";")[0]!;
    expect(cookie).toBe("ei_zip=55401");
    const back = await page("/act/medicare-for-all", { cookie });
    expect(back.html).toContain("Your members of Congress for 55401");
    const forgotten = await t.app.request("/act/medicare-for-all?forget=1", { headers: { cookie } });
    expect(zipCookie(forgotten)).toMatch(/ei_zip=;.*Max-Age=0/);
    expect(await forgotten.text()).not.toContain("Your members of Congress for");
  });

  it("several districts: every candidate, said plainly, with an address search", async () => {
    const { html, text } = await page("/act/medicare-for-all?zip=10001");
    expect(html).toContain("One of these is your representative");
    expect(html).toContain("split between 2 congressional districts");
    expect(text).toContain("New York's 10th district");
    expect(text).toContain("New York's 12th district");
    expect(html).toContain('name="address"');
  });

  it("an address narrows the candidates to one and the narrowed district is remembered", async () => {
    t.geocoder.add("350 5th Ave, 10001", { stateFips: "36", district: 12, matchedAddress: "350 5TH AVE, NEW YORK, NY, 10118" });
    const res = await t.app.request("/act/medicare-for-all?zip=10001&address=350+5th+Ave");
    const html = (await res.text()).replace(/&#39;/g, "'");
    expect(html).toContain("Found by address: 350 5TH AVE, NEW YORK, NY, 10118.");
    expect(html).toContain("New York's 12th district");
    expect(html).not.toContain("New York's 10th district");
    expect(html).toContain("Your representative in the House");
    const cookie = zipCookie(res)!.split(";")[0]!;
    expect(cookie).toBe("ei_zip=10001.NY-12");
    expect((await page("/act/medicare-for-all", { cookie })).text).not.toContain("New York's 10th district");
  });

  it("keeps every candidate and says so when the address is not found or the geocoder is down", async () => {
    const notFound = await page("/act/medicare-for-all?zip=10001&address=nowhere+at+all");
    expect(notFound.html).toContain("We could not find that address.");
    expect(notFound.text).toContain("New York's 10th district");
    t.geocoder.unreachable = true;
    try {
      const down = await page("/act/medicare-for-all?zip=10001&address=350+5th+Ave");
      expect(down.res.status).toBe(200);
      expect(down.html).toContain("The Census address search is not answering right now.");
      expect(down.text).toContain("New York's 10th district");
      expect(down.text).toContain("New York's 12th district");
    } finally {
      t.geocoder.unreachable = false;
    }
  });

  it("a ZIP across a state line shows the senators of both states", async () => {
    const { html } = await page("/act/medicare-for-all?zip=42223");
    expect(html).toContain("Senators for Kentucky");
    expect(html).toContain("Senators for Tennessee");
    expect(html).toContain("crosses a state line");
  });

  it("at-large states, DC, Puerto Rico and the territories", async () => {
    const vt = await page("/act/medicare-for-all?zip=05401");
    expect(card(vt.html, "S000033")).toContain("Sponsor of S.1506");
    expect(vt.html).toContain("Vermont (at large)");

    const dc = await page("/act/medicare-for-all?zip=20001");
    expect(dc.html).toContain("District of Columbia has no senators.");
    expect(card(dc.html, "N000147")).toContain("Del. Eleanor Holmes Norton");
    expect(dc.html).not.toContain("Senators for");

    const pr = await page("/act/medicare-for-all?zip=00901");
    expect(pr.html).toContain("Puerto Rico has no senators.");
    expect(pr.html).toContain("Res. Comm.");
    expect(pr.html).toContain("Resident Commissioner Hernández Rivera to cosponsor H.R.3069");

    for (const [zip, name] of [["96910", "Guam"], ["00802", "Virgin Islands"], ["96799", "American Samoa"], ["96950", "Northern Mariana Islands"]] as const) {
      const { res, html } = await page(`/act/medicare-for-all?zip=${zip}`);
      expect(res.status, zip).toBe(200);
      expect(html, zip).toContain("has no senators.");
      expect(html, zip).toContain(name);
      expect(html, zip).toContain("Del. ");
    }
  });

  it("a vacant seat is shown as vacant, not skipped", async () => {
    const { html, text } = await page("/act/medicare-for-all?zip=94541");
    expect(html).toContain("Vacant seat");
    expect(text).toContain("California's 14th district: this seat is empty until a special election.");
  });

  it("a malformed or unknown ZIP gets a message and the form back (400), never a 500", async () => {
    for (const zip of ["abc", "00000", "99999", "<script>"]) {
      const { res, html } = await page(`/act/medicare-for-all?zip=${encodeURIComponent(zip)}`);
      expect(res.status, zip).toBe(400);
      expect(html).toMatch(/Enter a 5-digit ZIP code|could not find this ZIP code/);
      expect(html).not.toContain("<script>");
    }
  });

  it("fills the script with the caller's name and place, escaped, and asks a non-cosponsor to sign on", async () => {
    const { html } = await page(`/act/medicare-for-all?zip=55401&name=${encodeURIComponent("Ana <b>")}`);
    expect(html).toContain("Hi, my name is Ana &lt;b&gt; and I&#39;m a constituent from Minneapolis, MN 55401.");
    expect(html).toContain("I&#39;m calling to ask Senator Klobuchar to cosponsor S.1506");
    expect(html).toContain("I&#39;m calling to thank Representative Omar for cosponsoring H.R.3069");
    expect(html).toContain("twitter.com/intent/tweet?text=");
    expect(html).toContain("bsky.app/intent/compose?text=");
  });

  it("offers a mailto: with the letter filled in where an office publishes an address instead of a form", async () => {
    await t.ctx.db.update(members).set({ contactFormUrl: "mailto:senator@example.gov" }).where(eq(members.bioguideId, "S001203"));
    await t.ctx.cache.invalidate(cacheTags.publicData);
    const { html } = await page("/act/medicare-for-all?zip=55401");
    expect(html).toMatch(/href="mailto:senator@example\.gov\?subject=Thank%20you%20for%20cosponsoring%20S\.1506[^"]*&amp;body=Dear%20Senator%20Smith/);
    expect(card(html, "K000367")).toContain("official contact form");
  });

  it("without a name the script says [your name]", async () => {
    expect((await page("/act/medicare-for-all?zip=55401")).html).toContain("Hi, my name is [your name]");
  });

  it("a member who withdrew gets the ask again, not a thank-you, and the status says when", async () => {
    await t.ctx.db.update(billCosponsors).set({ withdrawnOn: "2026-10-01" }).where(eq(billCosponsors.bioguideId, "O000173"));
    await t.ctx.cache.invalidate(cacheTags.publicData);
    try {
      const { html } = await page("/act/medicare-for-all?zip=55401");
      expect(card(html, "O000173")).toContain("Withdrew from H.R.3069 on October 1, 2026");
      expect(html).toContain("I&#39;m calling to ask Representative Omar to cosponsor H.R.3069");
    } finally {
      await t.ctx.db.update(billCosponsors).set({ withdrawnOn: null }).where(eq(billCosponsors.bioguideId, "O000173"));
      await t.ctx.cache.invalidate(cacheTags.publicData);
    }
  });

  it("is in Spanish with ?lang=es, and the forms keep the language", async () => {
    const { html } = await page("/act/medicare-for-all?zip=55401&lang=es");
    expect(html).toContain("Tus miembros del Congreso para 55401");
    expect(html).toContain("Copatrocina H.R.3069");
    expect(html).toContain('<input type="hidden" name="lang" value="es"/>');
  });
});

describe("reporting outcomes", () => {
  it("without JavaScript: records the outcome and returns to the member's card with thanks and a moved counter", async () => {
    const before = await page("/act/medicare-for-all?zip=55401");
    expect(card(before.html, "K000367")).toContain("0 calls to Sen. Amy Klobuchar this week");
    const res = await postOutcome({ bioguideId: "K000367", outcome: "left_voicemail", zip: "55401" });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/act/medicare-for-all?zip=55401&logged=K000367#member-K000367");
    const after = await page(res.headers.get("location")!);
    expect(card(after.html, "K000367")).toContain("1 call to Sen. Amy Klobuchar this week");
    expect(card(after.html, "K000367")).toContain("Thank you! Your report is counted.");
    expect(after.html).toMatch(/[1-9]\d* actions? taken so far/);
    const rows = await t.ctx.db.select().from(campaignActions).where(eq(campaignActions.bioguideId, "K000367"));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ campaignSlug: "medicare-for-all", outcome: "left_voicemail", zip: "55401" });
  });

  it("with JavaScript: answers JSON with the new counter text", async () => {
    const res = await postOutcome({ bioguideId: "S001203", outcome: "talked_to_staff", zip: "55401" }, { accept: "application/json" });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { message: string; counter: string; totals: string };
    expect(body.message).toBe("Thank you! Your report is counted.");
    expect(body.counter).toBe("1 call to Sen. Tina Smith this week");
    expect(body.totals).toMatch(/actions? taken so far/);
  });

  it("warns about a full Washington mailbox and points to local offices", async () => {
    await postOutcome({ bioguideId: "O000173", outcome: "mailbox_full", zip: "55401" });
    const { html } = await page("/act/medicare-for-all?zip=55401");
    expect(card(html, "O000173")).toContain("1 caller found the Washington mailbox full in the last day. Try a local office instead.");
  });

  it("refuses unknown members and outcomes (400) and needs the CSRF token (403)", async () => {
    expect((await postOutcome({ bioguideId: "X000000", outcome: "talked_to_staff" })).status).toBe(400);
    expect((await postOutcome({ bioguideId: "K000367", outcome: "sang_a_song" })).status).toBe(400);
    const noToken = await t.app.request("/act/medicare-for-all/outcomes", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "bioguideId=K000367&outcome=talked_to_staff",
    });
    expect(noToken.status).toBe(403);
  });
});

describe("abuse limits", () => {
  it("limits outcome reports per client address (429 with Retry-After), and stores nothing beyond the limit", async () => {
    const { cookie, token } = await t.csrf("/updates");
    const send = () =>
      t.app.request("/act/medicare-for-all/outcomes", {
        method: "POST",
        headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ _csrf: token, bioguideId: "S000033", outcome: "busy_no_answer" }).toString(),
      });
    let accepted = 0;
    let refusal: Response | undefined;
    for (let i = 0; i < 70 && !refusal; i++) {
      const res = await send();
      if (res.status === 429) refusal = res;
      else if (res.status === 303) accepted++;
      else throw new Error(`unexpected status ${res.status}`);
    }
    expect(refusal, "a 429 within 70 reports").toBeDefined();
    expect(Number(refusal!.headers.get("retry-after"))).toBeGreaterThan(0);
    const stored = await t.ctx.db.select().from(campaignActions).where(eq(campaignActions.bioguideId, "S000033"));
    expect(stored.length).toBe(accepted);
  });
});

describe("GET /share/mastodon", () => {
  it("asks for the person's server, then links to its share page", async () => {
    const ask = await page("/share/mastodon?text=Hello%20%40rep&back=%2Fact%2Fmedicare-for-all%3Fzip%3D55401");
    expect(ask.res.status).toBe(200);
    expect(ask.html).toContain("Your Mastodon server");
    const done = await page("/share/mastodon?text=Hello%20%40rep&back=%2Fact&server=https%3A%2F%2FMastodon.Social%2F");
    expect(done.html).toContain('href="https://mastodon.social/share?text=Hello%20%40rep"');
  });

  it("refuses a bad server name (400) and never sends people back off-site", async () => {
    const bad = await page("/share/mastodon?text=x&server=javascript%3Aalert(1)");
    expect(bad.res.status).toBe(400);
    expect(bad.html).toContain("Enter a server name such as mastodon.social.");
    const offsite = await page("/share/mastodon?text=x&back=https%3A%2F%2Fevil.example");
    expect(offsite.html).toContain('<a href="/act">Back to the campaign</a>');
    expect(offsite.html).not.toContain('value="https://evil.example"');
  });
});
